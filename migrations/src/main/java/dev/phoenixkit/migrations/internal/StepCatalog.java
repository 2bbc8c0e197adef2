package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import dev.phoenixkit.migrations.MigrationTrack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set of steps a migrator knows, per track, sorted. Immutable and thread-safe.
 *
 * <p>SQL steps are classpath resources {@code <folder>/V<n>__<description>.sql} (chain) or
 * {@code <folder>/L<n>__<description>.sql} (library), each with an optional down script of the same name under
 * {@code <folder>/down/} and an optional rollback pre-check of the same name under {@code <folder>/down/check/}
 * (read-only; raises SQLSTATE {@code PKR01} to refuse). The folders are library-specific so they never clash with a host's Flyway
 * {@code db/migration}.
 */
public final class StepCatalog {

    /** Classpath folder of the shipped PhoenixKit-chain steps. */
    public static final String CHAIN_FOLDER = "dev/phoenixkit/migrations/phoenix_kit";
    /** Classpath folder of the shipped library-track steps. */
    public static final String LIBRARY_FOLDER = "dev/phoenixkit/migrations/library";

    private static final List<String> SHIPPED_CHAIN = List.of(
            "V01__version_table.sql",
            "V03__settings.sql",
            "V04__settings_module.sql",
            "V12__settings_value_json.sql",
            "V34__ai_endpoints.sql",
            "V40__uuid_columns.sql",
            "V56__uuid_consistency.sql",
            "V73__uuid_not_null.sql",
            "V74__uuid_primary_keys.sql",
            "V78__ai_endpoints_reasoning.sql",
            "V93__settings_key_prefix_index.sql",
            "V101__projects.sql",
            "V106__projects_name_uniqueness_split.sql",
            "V107__ai_endpoints_integration_uuid.sql",
            "V114__integration_uuid_keys.sql");

    /**
     * Where {@code migrate()} stops in the shipped catalog: steps above it (V114, the uuid-key layout) run only when
     * a caller asks for them by number.
     */
    private static final int SHIPPED_DEFAULT_TARGET = 107;

    private static final List<String> SHIPPED_LIBRARY = List.of("L1__integration_audit.sql");

    private static final Pattern FILE_NAME = Pattern.compile("([VL])(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private static final StepCatalog SHIPPED = new StepCatalog(List.of(), 0)
            .withSteps(loadAll(CHAIN_FOLDER, SHIPPED_CHAIN))
            .withSteps(loadAll(LIBRARY_FOLDER, SHIPPED_LIBRARY))
            .withDefaultTarget(SHIPPED_DEFAULT_TARGET);

    private final List<Step> chain;
    private final List<Step> library;
    /** The default target; 0 means the latest chain step. */
    private final int defaultTarget;

    private StepCatalog(Collection<Step> steps, int defaultTarget) {
        this.chain = sorted(steps, MigrationTrack.PHOENIX_KIT);
        this.library = sorted(steps, MigrationTrack.LIBRARY);
        this.defaultTarget = defaultTarget;
    }

    /**
     * The steps shipped with this library.
     *
     * @return the shipped catalog
     */
    public static StepCatalog shipped() {
        return SHIPPED;
    }

    /**
     * A catalog with no step at all.
     *
     * @return an empty catalog
     */
    public static StepCatalog empty() {
        return new StepCatalog(List.of(), 0);
    }

    /**
     * This catalog plus {@code extra}.
     *
     * @param extra steps to add
     * @return a new catalog
     * @throws MigrationException {@link MigrationError#INVALID_STEP} when a version occurs twice in a track
     */
    public StepCatalog withSteps(Collection<Step> extra) {
        List<Step> all = new ArrayList<>(chain);
        all.addAll(library);
        all.addAll(extra);
        return new StepCatalog(all, defaultTarget);
    }

    /**
     * This catalog with {@code migrate()} stopping at {@code target}: the chain steps above it are opt-in (run only
     * by {@code migrate(n)} with a higher {@code n}) and are not listed as pending.
     *
     * @param target a version between 1 and {@link #latestChainVersion()}
     * @return a new catalog
     * @throws IllegalArgumentException when out of range
     */
    public StepCatalog withDefaultTarget(int target) {
        if (target < 1 || target > latestChainVersion()) {
            throw new IllegalArgumentException(
                    "The default target must be between 1 and " + latestChainVersion() + ", was " + target);
        }
        List<Step> all = new ArrayList<>(chain);
        all.addAll(library);
        return new StepCatalog(all, target);
    }

    /**
     * Where {@code migrate()} without a target stops: 107 for the shipped catalog (V114 is opt-in), the latest
     * chain step otherwise.
     *
     * @return the default chain target
     */
    public int defaultChainVersion() {
        return defaultTarget == 0 ? latestChainVersion() : defaultTarget;
    }

    /**
     * The PhoenixKit-chain steps, ascending.
     *
     * @return the chain steps
     */
    public List<Step> chain() {
        return chain;
    }

    /**
     * The library-track steps, ascending.
     *
     * @return the library steps
     */
    public List<Step> library() {
        return library;
    }

    /**
     * The highest chain version of this catalog.
     *
     * @return the last chain step's version, 0 when there is none
     */
    public int latestChainVersion() {
        return chain.isEmpty() ? 0 : chain.get(chain.size() - 1).order();
    }

    /**
     * Loads SQL steps from a classpath folder, by file name.
     *
     * @param folder    the classpath folder (no leading or trailing slash)
     * @param fileNames file names such as {@code V107__ai_endpoints_integration_uuid.sql}
     * @return the steps, in the given order
     * @throws MigrationException {@link MigrationError#INVALID_STEP} for a bad name or a missing resource
     */
    public static List<Step> loadAll(String folder, List<String> fileNames) {
        List<Step> steps = new ArrayList<>(fileNames.size());
        for (String fileName : fileNames) {
            steps.add(load(folder, fileName));
        }
        return steps;
    }

    /**
     * Loads one SQL step (and its down script under {@code <folder>/down/}, if present).
     *
     * @param folder   the classpath folder
     * @param fileName the up script's file name
     * @return the step
     */
    public static Step load(String folder, String fileName) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(fileName, "fileName");
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new MigrationException(
                    MigrationError.INVALID_STEP,
                    "Invalid step file name " + fileName
                            + ": expected V<n>__<description>.sql or L<n>__<description>.sql");
        }
        MigrationTrack track = matcher.group(1).equals("V") ? MigrationTrack.PHOENIX_KIT : MigrationTrack.LIBRARY;
        int order = Integer.parseInt(matcher.group(2));
        String description = matcher.group(3).replace('_', ' ');
        String upPath = folder + "/" + fileName;
        String upText = read(upPath);
        if (upText == null) {
            throw new MigrationException(
                    MigrationError.INVALID_STEP, "Step resource " + upPath + " is not on the classpath");
        }
        String downPath = folder + "/down/" + fileName;
        String downText = read(downPath);
        String checkPath = folder + "/down/check/" + fileName;
        String checkText = read(checkPath);
        if (checkText != null && downText == null) {
            throw new MigrationException(
                    MigrationError.INVALID_STEP,
                    "Step resource " + checkPath + " is a rollback pre-check, but the step has no down script "
                            + downPath);
        }
        return new Step(
                track,
                order,
                description,
                new SqlStepScript(upPath, upText),
                downText == null ? null : new SqlStepScript(downPath, downText),
                checkText == null ? null : new SqlStepScript(checkPath, checkText));
    }

    private static String read(String path) {
        ClassLoader loader = StepCatalog.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException(MigrationError.INVALID_STEP, "Cannot read step resource " + path, e);
        }
    }

    private static List<Step> sorted(Collection<Step> steps, MigrationTrack track) {
        List<Step> result = steps.stream()
                .filter(step -> step.track() == track)
                .sorted(Comparator.comparingInt(Step::order))
                .toList();
        for (int i = 1; i < result.size(); i++) {
            if (result.get(i).order() == result.get(i - 1).order()) {
                throw new MigrationException(
                        MigrationError.INVALID_STEP,
                        "Found more than one step with version "
                                + result.get(i).version() + ": "
                                + result.get(i - 1).up().name() + " and "
                                + result.get(i).up().name());
            }
        }
        return result;
    }
}
