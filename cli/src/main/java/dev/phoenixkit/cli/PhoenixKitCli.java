package dev.phoenixkit.cli;

import dev.phoenixkit.cli.internal.CliCommandFactory;
import dev.phoenixkit.cli.internal.ConnectionCommands;
import dev.phoenixkit.cli.internal.KeyCommands;
import dev.phoenixkit.cli.internal.MigrationCommands;
import java.util.Arrays;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator command line: {@code java -jar phoenixkit-cli-<version>.jar <command> …}.
 *
 * <pre>
 * migrate [--target N]          info [--check]          validate          rollback --to N [--yes]
 * keys status                   keys reencrypt [--batch N] [--dry-run]
 * connections list|show|add|set|rename|remove|test|refresh …
 * audit &lt;uuid&gt;
 * </pre>
 *
 * <p>Configuration comes from flags, then environment variables ({@code PHOENIXKIT_DB_URL},
 * {@code PHOENIXKIT_DB_USER}, {@code PHOENIXKIT_DB_PASSWORD}, {@code PHOENIXKIT_SCHEMA},
 * {@code PHOENIXKIT_SECRET_KEY_BASE}, {@code PHOENIXKIT_KEYRING_FILE}), then a {@code --config} properties file.
 * Exit codes are {@link ExitCode}'s.
 */
@Command(
        name = "phoenixkit",
        mixinStandardHelpOptions = true,
        versionProvider = PhoenixKitCli.Version.class,
        description = "Migrate, inspect, rotate keys and manage PhoenixKit integration connections.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  the command failed (database, provider, not found, test failed)",
            "  2  bad usage or configuration; nothing was changed",
            "  3  info --check: migration steps are pending",
            "",
            "Configuration: flags, then PHOENIXKIT_DB_URL, PHOENIXKIT_DB_USER, PHOENIXKIT_DB_PASSWORD,",
            "PHOENIXKIT_SCHEMA, PHOENIXKIT_SECRET_KEY_BASE or PHOENIXKIT_KEYRING_FILE, then --config FILE."
        },
        subcommands = {
            MigrationCommands.Migrate.class, MigrationCommands.Info.class, MigrationCommands.Validate.class,
            MigrationCommands.Rollback.class, PhoenixKitCli.Keys.class, PhoenixKitCli.Connections.class,
            ConnectionCommands.Audit.class
        })
public final class PhoenixKitCli implements Runnable {

    /** {@code keys}: the key-rotation commands. */
    @Command(
            name = "keys",
            mixinStandardHelpOptions = true,
            description = "Encryption keys of stored secrets.",
            subcommands = {KeyCommands.Status.class, KeyCommands.Reencrypt.class})
    static final class Keys implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: status or reencrypt");
        }
    }

    /** {@code connections}: the connection commands. */
    @Command(
            name = "connections",
            mixinStandardHelpOptions = true,
            description = "Named connections.",
            subcommands = {
                ConnectionCommands.ListConnections.class,
                ConnectionCommands.Show.class,
                ConnectionCommands.Add.class,
                ConnectionCommands.Set.class,
                ConnectionCommands.Rename.class,
                ConnectionCommands.Remove.class,
                ConnectionCommands.Test.class,
                ConnectionCommands.Refresh.class
            })
    static final class Connections implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Missing command: list, show, add, set, rename, remove, test or refresh");
        }
    }

    /** Prints the jar's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PhoenixKitCli.class.getPackage().getImplementationVersion();
            return new String[] {"phoenixkit-cli " + (version == null ? "(development build)" : version)};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /**
     * Runs the CLI as a process and exits with its {@link ExitCode}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        System.exit(run(CliEnvironment.system(), args));
    }

    /**
     * Runs one command in this JVM.
     *
     * @param environment where input comes from and output goes
     * @param args        the command line
     * @return the exit code ({@link ExitCode#code()})
     */
    public static int run(CliEnvironment environment, String... args) {
        Objects.requireNonNull(environment, "environment");
        CommandLine commandLine = new CommandLine(new PhoenixKitCli(), new CliCommandFactory(environment));
        commandLine.setOut(new java.io.PrintWriter(environment.out(), true));
        commandLine.setErr(new java.io.PrintWriter(environment.err(), true));
        commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            environment
                    .err()
                    .println("Error: unexpected " + e.getClass().getSimpleName()
                            + " (run with --verbose and report it)");
            return ExitCode.FAILURE.code();
        });
        return commandLine.execute(args);
    }
}
