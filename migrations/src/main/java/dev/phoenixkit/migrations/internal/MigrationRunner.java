package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.AppliedStep;
import dev.phoenixkit.migrations.ChecksumMismatch;
import dev.phoenixkit.migrations.HistoryEntry;
import dev.phoenixkit.migrations.MigrationDirection;
import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import dev.phoenixkit.migrations.MigrationInfo;
import dev.phoenixkit.migrations.MigrationListener;
import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.MigrationTrack;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.migrations.PendingStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one migrate, rollback or info command against one schema. Holds the schema's advisory lock (on its
 * own connection) for the whole command and runs every step on a second connection, each step in its own
 * transaction that commits before the next starts. Immutable; each command is independent, so one instance can
 * serve concurrent callers (they serialise on the database lock).
 */
public final class MigrationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final DataSource dataSource;
    private final StepContext context;
    private final Duration lockTimeout;
    private final StepCatalog catalog;
    private final StepExecutor executor;

    /**
     * Creates a runner.
     *
     * @param dataSource  where connections come from (two at a time)
     * @param schema      the unquoted schema name
     * @param lockTimeout how long to wait for the advisory lock
     * @param catalog     the steps
     * @param listener    told about every step run
     */
    public MigrationRunner(
            DataSource dataSource,
            String schema,
            Duration lockTimeout,
            StepCatalog catalog,
            MigrationListener listener) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.context = new StepContext(schema, dataSource);
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.executor = new StepExecutor(context, listener);
    }

    /**
     * Migrates the chain up to {@code target} (never lowering the marker), then applies every pending
     * library-track step.
     *
     * @param target the chain version to reach
     * @return what was done
     */
    public MigrationReport migrate(int target) {
        int defaultTarget = catalog.defaultChainVersion();
        List<Integer> optIn = catalog.chain().stream()
                .map(Step::order)
                .filter(order -> order > defaultTarget)
                .toList();
        if (target < 1 || (target > defaultTarget && !optIn.contains(target))) {
            throw new MigrationException(
                    MigrationError.INVALID_TARGET,
                    "Cannot migrate schema "
                            + context.quotedSchema() + " to version " + target + ": the target must be between 1 and "
                            + defaultTarget + " (the default)"
                            + (optIn.isEmpty()
                                    ? ""
                                    : ", or one of the opt-in steps " + optIn
                                            + " (114: PhoenixKit's uuid storage keys); the versions between are"
                                            + " PhoenixKit's and not shipped here"));
        }
        return underLock("migrate", connection -> migrateLocked(connection, target));
    }

    /**
     * Runs down steps from the current version to {@code target}, newest first. At target 0 the library-track
     * steps are reverted too (before the chain) and the tables are dropped.
     *
     * @param target the version to return to (0 drops everything)
     * @return what was done
     */
    public MigrationReport rollback(int target) {
        if (target < 0) {
            throw new MigrationException(
                    MigrationError.INVALID_TARGET,
                    "Cannot roll back schema " + context.quotedSchema() + " to version " + target
                            + ": the target must be 0 or more");
        }
        return underLock("roll back", connection -> rollbackLocked(connection, target));
    }

    /**
     * Reads the current version and the pending steps, without locking or creating anything.
     *
     * @return the schema's state
     */
    public MigrationInfo info() {
        try (Connection connection = dataSource.getConnection()) {
            int version = VersionMarker.read(connection, context.schema());
            Map<String, HistoryRow> latest = SchemaHistory.latestSuccessful(SchemaHistory.readAll(connection, context));
            List<PendingStep> pending = new ArrayList<>();
            for (Step step : catalog.chain()) {
                if (step.order() > version && step.order() <= catalog.defaultChainVersion()) {
                    pending.add(step.toPending());
                }
            }
            List<String> appliedLibrary = new ArrayList<>();
            for (Step step : catalog.library()) {
                if (isApplied(latest, step)) {
                    appliedLibrary.add(step.version());
                } else {
                    pending.add(step.toPending());
                }
            }
            return new MigrationInfo(version, pending, appliedLibrary);
        } catch (SQLException e) {
            throw databaseError("read the migration state of", e);
        }
    }

    private MigrationReport migrateLocked(Connection connection, int target) throws SQLException {
        long started = System.nanoTime();
        int from = VersionMarker.read(connection, context.schema());
        if (from >= Migrator.PHOENIX_KIT_FLOOR) {
            PhoenixKitSchema.verify(connection, context, from);
            LOG.info(
                    "Schema {} is at PhoenixKit version {} (at or above its V{} baseline): PhoenixKit owns the chain,"
                            + " so only this library's own track is applied",
                    context.quotedSchema(),
                    from,
                    Migrator.PHOENIX_KIT_FLOOR);
        }
        ensureSchema(connection);
        SchemaHistory.ensureTable(connection, context);
        Map<String, HistoryRow> latest = SchemaHistory.latestSuccessful(SchemaHistory.readAll(connection, context));
        verifyChecksums(latest);

        List<AppliedStep> applied = new ArrayList<>();
        int marker = from;
        if (from < target) {
            LOG.info("Migrating schema {} from version {} to {}", context.quotedSchema(), from, target);
            for (Step step : catalog.chain()) {
                if (step.order() > from && step.order() <= target) {
                    applied.add(executor.run(connection, step, MigrationDirection.UP, step.order(), marker));
                    marker = step.order();
                }
            }
            if (marker < target) {
                VersionMarker.write(connection, context, target);
                marker = target;
            }
        }
        for (Step step : catalog.library()) {
            if (!isApplied(latest, step)) {
                applied.add(executor.run(connection, step, MigrationDirection.UP, null, marker));
            }
        }
        int to = VersionMarker.read(connection, context.schema());
        logOutcome(from, to, applied, started);
        return new MigrationReport(from, to, applied);
    }

    private MigrationReport rollbackLocked(Connection connection, int target) throws SQLException {
        long started = System.nanoTime();
        int from = VersionMarker.read(connection, context.schema());
        List<HistoryRow> history = SchemaHistory.readAll(connection, context);
        Map<String, HistoryRow> latest = SchemaHistory.latestSuccessful(history);
        refuseRollbackOfPhoenixKitVersions(from, target, latest);

        List<Step> libraryDowns = new ArrayList<>();
        if (target == 0) {
            for (Step step : catalog.library()) {
                if (isApplied(latest, step)) {
                    libraryDowns.add(0, step);
                }
            }
        }
        List<Step> chainDowns = new ArrayList<>();
        for (Step step : catalog.chain()) {
            if (step.order() > target && step.order() <= from) {
                chainDowns.add(0, step);
            }
        }
        for (Step step : concat(libraryDowns, chainDowns)) {
            if (step.down() == null) {
                throw new MigrationException(
                        MigrationError.ROLLBACK_REFUSED,
                        "Cannot roll back schema "
                                + context.quotedSchema() + " to version " + target + ": step " + step.label()
                                + " has no down script");
            }
        }

        // Every pre-check of every step this rollback will undo runs before any step is undone, so a refusal
        // leaves the schema exactly as it was (docs/behaviour.md#fix-11).
        for (Step step : concat(libraryDowns, chainDowns)) {
            executor.precheck(connection, step, from);
        }

        List<AppliedStep> applied = new ArrayList<>();
        if (!libraryDowns.isEmpty() || from > target) {
            LOG.info("Rolling back schema {} from version {} to {}", context.quotedSchema(), from, target);
        }
        int marker = from;
        try {
            for (Step step : libraryDowns) {
                applied.add(executor.run(connection, step, MigrationDirection.DOWN, null, marker));
            }
            for (Step step : chainDowns) {
                int after = step.order() - 1;
                applied.add(executor.run(connection, step, MigrationDirection.DOWN, after == 0 ? null : after, marker));
                marker = after;
            }
        } catch (MigrationException e) {
            throw partialRollback(e, from, target, applied, connection);
        }
        if (target > 0 && marker > target) {
            VersionMarker.write(connection, context, target);
        }
        int to = VersionMarker.read(connection, context.schema());
        logOutcome(from, to, applied, started);
        return new MigrationReport(from, to, applied);
    }

    /**
     * Refuses (changing nothing) a rollback through versions of PhoenixKit's chain this library does not ship:
     * above its newest step (PhoenixKit 2.x cannot go below its V135 floor either), or, from a marker between
     * the default target and the next shipped step (V108–V113, PhoenixKit's), below that range, unless this
     * library ran the chain up to the default target itself (then those versions were never PhoenixKit's here).
     */
    private void refuseRollbackOfPhoenixKitVersions(int from, int target, Map<String, HistoryRow> latest) {
        if (target >= from) {
            return;
        }
        int newest = catalog.latestChainVersion();
        if (from > newest) {
            String floor = from >= Migrator.PHOENIX_KIT_FLOOR
                    ? " PhoenixKit 2.x itself cannot roll back below its V" + Migrator.PHOENIX_KIT_FLOOR
                            + " floor either (BelowFloorError)."
                    : "";
            throw new MigrationException(
                    MigrationError.ROLLBACK_REFUSED,
                    "Cannot roll back schema " + context.quotedSchema() + " from version " + from + ": it is newer"
                            + " than this library's newest step " + newest + ", so PhoenixKit's own steps above "
                            + newest + " would stay applied under a lower marker. Roll back the versions above "
                            + newest + " with PhoenixKit first; nothing was changed." + floor);
        }
        int defaultTarget = catalog.defaultChainVersion();
        int gapLow = defaultTarget + 1;
        int gapHigh = catalog.chain().stream()
                        .mapToInt(Step::order)
                        .filter(order -> order > defaultTarget)
                        .min()
                        .orElse(gapLow)
                - 1;
        Step defaultStep = catalog.chain().stream()
                .filter(step -> step.order() == defaultTarget)
                .findFirst()
                .orElse(null);
        boolean builtHere = defaultStep != null && isApplied(latest, defaultStep);
        if (gapLow <= gapHigh && from >= gapLow && target < gapLow && !builtHere) {
            throw new MigrationException(
                    MigrationError.ROLLBACK_REFUSED,
                    "Cannot roll back schema " + context.quotedSchema() + " from version " + from + " to " + target
                            + ": versions " + gapLow + " to " + gapHigh + " are PhoenixKit steps this library does not"
                            + " ship, and this schema reached them without this library's runner (its history has no"
                            + " V" + defaultTarget + "), so PhoenixKit may have applied them. Roll back to " + gapHigh
                            + " or higher with this library, and below it with PhoenixKit; nothing was changed.");
        }
    }

    /**
     * The failure of a down step in the middle of a rollback, restated with what the run had already undone (the
     * step's own message only speaks for that step).
     */
    private MigrationException partialRollback(
            MigrationException failure, int from, int target, List<AppliedStep> applied, Connection connection) {
        if (applied.isEmpty()) {
            return failure;
        }
        String now;
        try {
            now = Integer.toString(VersionMarker.read(connection, context.schema()));
        } catch (SQLException | RuntimeException e) {
            now = "unknown (" + e.getMessage() + ")";
        }
        StringBuilder undone = new StringBuilder();
        for (AppliedStep step : applied) {
            undone.append(undone.length() == 0 ? "" : ", ")
                    .append(step.track() == MigrationTrack.PHOENIX_KIT ? "V" + step.version() : step.version());
        }
        return new MigrationException(
                failure.error(),
                failure.getMessage() + ". The rollback of schema "
                        + context.quotedSchema() + " from " + from + " to " + target + " stopped there after it had"
                        + " already undone " + applied.size() + " step(s) (" + undone + "); the version marker is now "
                        + now + ". Run migrate(" + from + ") to re-apply them, or fix the cause and roll back again",
                failure);
    }

    private void verifyChecksums(Map<String, HistoryRow> latest) {
        for (Mismatch mismatch : checksumMismatches(latest)) {
            throw new MigrationException(
                    MigrationError.CHECKSUM_MISMATCH,
                    "Checksum mismatch for step "
                            + mismatch.step().label() + ": "
                            + mismatch.step().up().name() + " was applied with checksum "
                            + mismatch.row().checksum() + " (as "
                            + mismatch.row().script() + ") but now has "
                            + mismatch.step().up().checksum()
                            + ". Restore the original script or ship the change as a new"
                            + " step");
        }
    }

    /** An applied step and the history row whose checksum differs from the step's script. */
    private record Mismatch(Step step, HistoryRow row) {
        ChecksumMismatch toPublic() {
            return new ChecksumMismatch(
                    step.track(),
                    step.version(),
                    row.script(),
                    row.checksum(),
                    step.up().checksum());
        }
    }

    private List<Mismatch> checksumMismatches(Map<String, HistoryRow> latest) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Step step : concat(catalog.chain(), catalog.library())) {
            HistoryRow row = latest.get(SchemaHistory.key(step.track(), step.version()));
            if (row != null
                    && row.direction() == MigrationDirection.UP
                    && row.checksum() != null
                    && !row.checksum().equals(step.up().checksum())) {
                mismatches.add(new Mismatch(step, row));
            }
        }
        return mismatches;
    }

    /**
     * Compares the checksum of every applied step with the shipped script, without locking or creating anything.
     *
     * @return the applied steps whose scripts changed; empty when all match
     */
    public List<ChecksumMismatch> validate() {
        try (Connection connection = dataSource.getConnection()) {
            return checksumMismatches(SchemaHistory.latestSuccessful(SchemaHistory.readAll(connection, context)))
                    .stream()
                    .map(Mismatch::toPublic)
                    .toList();
        } catch (SQLException e) {
            throw databaseError("validate the migration history of", e);
        }
    }

    /**
     * Reads the library's migration history, oldest first, without locking or creating anything.
     *
     * @return every recorded step run; empty when the history table does not exist
     */
    public List<HistoryEntry> history() {
        try (Connection connection = dataSource.getConnection()) {
            List<HistoryEntry> entries = new ArrayList<>();
            for (HistoryRow row : SchemaHistory.readAll(connection, context)) {
                entries.add(row.toEntry());
            }
            return entries;
        } catch (SQLException e) {
            throw databaseError("read the migration history of", e);
        }
    }

    private void ensureSchema(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, context.schema());
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + context.quotedSchema());
        }
        LOG.info("Created schema {}", context.quotedSchema());
    }

    private static boolean isApplied(Map<String, HistoryRow> latest, Step step) {
        HistoryRow row = latest.get(SchemaHistory.key(step.track(), step.version()));
        return row != null && row.direction() == MigrationDirection.UP;
    }

    private void logOutcome(int from, int to, List<AppliedStep> applied, long started) {
        if (applied.isEmpty() && from == to) {
            LOG.info("Schema {} is up to date at version {}", context.quotedSchema(), to);
        } else {
            LOG.info(
                    "Schema {} is now at version {} (was {}); {} step(s) run in {} ms",
                    context.quotedSchema(),
                    to,
                    from,
                    applied.size(),
                    elapsedMs(started));
        }
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T underLock(String action, LockedWork<T> work) {
        AdvisoryLock lock = AdvisoryLock.acquire(dataSource, context.schema(), lockTimeout);
        Throwable primary = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            MigrationException failure = databaseError(action, e);
            primary = failure;
            throw failure;
        } catch (RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            lock.release(primary);
        }
    }

    private MigrationException databaseError(String action, SQLException e) {
        return new MigrationException(
                MigrationError.DATABASE_ERROR,
                "Could not " + action + " schema " + context.quotedSchema() + ": SQLState " + e.getSQLState() + ": "
                        + e.getMessage(),
                e);
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static List<Step> concat(List<Step> first, List<Step> second) {
        List<Step> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
