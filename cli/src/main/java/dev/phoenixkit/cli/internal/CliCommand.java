package dev.phoenixkit.cli.internal;

import dev.phoenixkit.cli.CliEnvironment;
import dev.phoenixkit.cli.ExitCode;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import dev.phoenixkit.migrations.Migrator;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Mixin;

/**
 * Base of every leaf command: resolves the configuration, opens what the command needs on first use, closes it
 * afterwards, and turns failures into one message and an {@link ExitCode}. Not thread-safe (one per run).
 */
public abstract class CliCommand implements Callable<Integer> {

    /** Error codes that mean the input was wrong, not that something failed: exit {@link ExitCode#USAGE}. */
    private static final Set<String> INPUT_ERRORS = Set.of(
            "INVALID_UUID",
            "INVALID_PROVIDER_KEY",
            "INVALID",
            "EMPTY_NAME",
            "INVALID_NAME",
            "UNKNOWN_PROVIDER",
            "UNKNOWN_FIELD",
            "SCOPE_NOT_ALLOWED",
            "INVALID_VALUE");

    @Mixin
    GlobalOptions options;

    private CliEnvironment environment;
    private Settings settings;
    private DataSource dataSource;
    private Integrations integrations;

    /**
     * Called by the command factory before the command runs.
     *
     * @param environment the process environment
     */
    void environment(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public final Integer call() {
        try {
            return execute().code();
        } catch (CliException e) {
            return fail(e.exitCode(), "cli", e.getMessage());
        } catch (IntegrationException e) {
            ExitCode code = INPUT_ERRORS.contains(e.error().name()) ? ExitCode.USAGE : ExitCode.FAILURE;
            return fail(code, e.error().name(), e.getMessage());
        } catch (MigrationException e) {
            ExitCode code = e.error() == MigrationError.INVALID_TARGET ? ExitCode.USAGE : ExitCode.FAILURE;
            return fail(code, e.error().name(), e.getMessage());
        } finally {
            if (integrations != null) {
                integrations.close();
            }
        }
    }

    /**
     * Runs the command.
     *
     * @return how the process should end
     */
    protected abstract ExitCode execute();

    /** @return the process environment */
    protected final CliEnvironment env() {
        return environment;
    }

    /** @return standard output */
    protected final PrintStream out() {
        return environment.out();
    }

    /** @return whether {@code --json} was given */
    protected final boolean json() {
        return options.json;
    }

    /** @return the resolved settings */
    protected final Settings settings() {
        if (settings == null) {
            settings = Settings.resolve(options, environment);
        }
        return settings;
    }

    /** @return the configured database */
    protected final DataSource dataSource() {
        if (dataSource == null) {
            dataSource = settings().dataSource();
        }
        return dataSource;
    }

    /** @return a migrator on the configured database and schema */
    protected final Migrator migrator() {
        try {
            return Migrator.create(dataSource()).schema(settings().schema());
        } catch (IllegalArgumentException e) {
            throw CliException.usage("Invalid schema: " + e.getMessage());
        }
    }

    /** @return the facade on the configured database, schema and secret; closed when the command ends */
    protected final Integrations integrations() {
        if (integrations == null) {
            Settings resolved = settings();
            try {
                integrations = Integrations.builder()
                        .dataSource(dataSource())
                        .cipher(resolved.cipher())
                        .providers(environment.providers())
                        .clock(environment.clock())
                        .schema(resolved.schema())
                        .build();
            } catch (IllegalArgumentException e) {
                throw CliException.usage("Invalid configuration: " + e.getMessage());
            }
        }
        return integrations;
    }

    /**
     * Asks for confirmation of a destructive step, unless {@code yes} was given.
     *
     * @param question what will happen
     * @param yes      whether {@code --yes} was given
     * @throws CliException {@code USAGE} without a terminal and without {@code --yes}; {@code FAILURE} when the
     *                      answer is not yes
     */
    protected final void confirm(String question, boolean yes) {
        if (yes) {
            return;
        }
        CliEnvironment.Terminal terminal = environment
                .terminal()
                .orElseThrow(
                        () -> CliException.usage("Refusing without confirmation: no terminal to ask on; add --yes"));
        String answer = terminal.readLine(question + " [y/N] ");
        if (answer == null || !Set.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
            throw CliException.failure("Cancelled; nothing was changed");
        }
    }

    private int fail(ExitCode code, String error, String message) {
        if (options != null && options.json) {
            environment
                    .err()
                    .println(Json.write(Json.object("error", error, "message", message, "exitCode", code.code())));
        } else {
            environment.err().println("Error: " + message);
        }
        return code.code();
    }
}
