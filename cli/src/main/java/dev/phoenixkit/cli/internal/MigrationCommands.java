package dev.phoenixkit.cli.internal;

import dev.phoenixkit.cli.ExitCode;
import dev.phoenixkit.migrations.AppliedStep;
import dev.phoenixkit.migrations.ChecksumMismatch;
import dev.phoenixkit.migrations.HistoryEntry;
import dev.phoenixkit.migrations.MigrationInfo;
import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.migrations.PendingStep;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate}, {@code info}, {@code validate} and {@code rollback}: the schema commands, modelled on Flyway's.
 */
public final class MigrationCommands {

    private MigrationCommands() {}

    /** {@code migrate [--target N]}. */
    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = "Apply pending migration steps (PhoenixKit's chain to the target, then the library's"
                    + " own steps). Safe to run on every deployment; concurrent runs wait for each other.")
    public static final class Migrate extends CliCommand {
        @Option(
                names = "--target",
                paramLabel = "N",
                description = "Chain version to reach (default: the newest shipped, " + Migrator.LATEST + ").")
        Integer target;

        @Override
        protected ExitCode execute() {
            Migrator migrator = migrator();
            MigrationReport report = target == null ? migrator.migrate() : migrator.migrate(target);
            if (json()) {
                out().println(Json.write(report(settings().schema(), report)));
            } else if (report.nothingToDo()) {
                out().println("Schema " + settings().schema() + " is up to date at version " + report.toVersion()
                        + ".");
            } else {
                for (AppliedStep step : report.applied()) {
                    out().println("  applied " + label(step.track().name(), step.version()) + " " + step.description()
                            + " (" + step.duration().toMillis() + " ms)");
                }
                out().println("Schema " + settings().schema() + " migrated from version " + report.fromVersion()
                        + " to " + report.toVersion() + " (" + report.applied().size() + " step(s)).");
            }
            return ExitCode.OK;
        }
    }

    /** {@code info [--check]}. */
    @Command(
            name = "info",
            mixinStandardHelpOptions = true,
            description = "Show the schema's version (PhoenixKit's marker), the pending steps and the library's"
                    + " migration history. Changes nothing.")
    public static final class Info extends CliCommand {
        @Option(names = "--check", description = "Exit with code 3 when steps are pending (for deployment checks).")
        boolean check;

        @Override
        protected ExitCode execute() {
            Migrator migrator = migrator();
            MigrationInfo info = migrator.info();
            List<HistoryEntry> history = migrator.history();
            if (json()) {
                out().println(Json.write(Json.object(
                        "schema",
                        settings().schema(),
                        "phoenixKitMarker",
                        info.currentVersion(),
                        "newestShipped",
                        Migrator.LATEST,
                        "upToDate",
                        info.upToDate(),
                        "pending",
                        info.pending().stream().map(MigrationCommands::pending).toList(),
                        "appliedLibrarySteps",
                        info.appliedLibrarySteps(),
                        "history",
                        history.stream().map(MigrationCommands::history).toList())));
            } else {
                out().println("Schema:            " + settings().schema());
                out().println("PhoenixKit marker: " + info.currentVersion() + " (newest shipped: " + Migrator.LATEST
                        + ")");
                out().println("Library steps:     "
                        + (info.appliedLibrarySteps().isEmpty()
                                ? "none applied"
                                : String.join(", ", info.appliedLibrarySteps())));
                if (info.pending().isEmpty()) {
                    out().println("Pending:           none, up to date");
                } else {
                    out().println("Pending:           " + info.pending().size() + " step(s)");
                    for (PendingStep step : info.pending()) {
                        out().println("  " + label(step.track().name(), step.version()) + " " + step.description());
                    }
                }
                out().println("History:           " + history.size() + " run(s)");
                for (HistoryEntry entry : history) {
                    out().println("  " + entry.installedOn() + "  "
                            + entry.direction().name().toLowerCase()
                            + " " + label(entry.track().name(), entry.version()) + " " + entry.description()
                            + (entry.success() ? "" : "  FAILED") + " (" + entry.executionMs() + " ms)");
                }
            }
            return check && !info.upToDate() ? ExitCode.PENDING_MIGRATIONS : ExitCode.OK;
        }
    }

    /** {@code validate}. */
    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Compare the checksum of every applied step with the shipped scripts. Exit 1 when one"
                    + " changed (migrate would refuse to run). Changes nothing.")
    public static final class Validate extends CliCommand {
        @Override
        protected ExitCode execute() {
            List<ChecksumMismatch> mismatches = migrator().validate();
            if (json()) {
                out().println(Json.write(Json.object(
                        "schema",
                        settings().schema(),
                        "valid",
                        mismatches.isEmpty(),
                        "mismatches",
                        mismatches.stream()
                                .map(m -> Json.object(
                                        "track",
                                        m.track().name(),
                                        "version",
                                        m.version(),
                                        "script",
                                        m.script(),
                                        "appliedChecksum",
                                        m.appliedChecksum(),
                                        "currentChecksum",
                                        m.currentChecksum()))
                                .toList())));
            } else if (mismatches.isEmpty()) {
                out().println("Every applied step matches its shipped script.");
            } else {
                for (ChecksumMismatch m : mismatches) {
                    out().println("  changed: " + label(m.track().name(), m.version()) + " " + m.script() + " (applied "
                            + m.appliedChecksum() + ", now " + m.currentChecksum() + ")");
                }
                out().println(mismatches.size() + " applied step(s) changed since they ran: restore the original"
                        + " scripts or ship the change as a new step.");
            }
            return mismatches.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    /** {@code rollback --to N [--yes]}. */
    @Command(
            name = "rollback",
            mixinStandardHelpOptions = true,
            description = "Run down steps, newest first, until the marker is N (0 removes every table the chain"
                    + " created). Asks for confirmation unless --yes.")
    public static final class Rollback extends CliCommand {
        @Option(names = "--to", paramLabel = "N", required = true, description = "Version to return to.")
        int to;

        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        protected ExitCode execute() {
            if (to < 0) {
                throw CliException.usage("--to must be 0 or more, was " + to);
            }
            Migrator migrator = migrator();
            int current = migrator.info().currentVersion();
            if (current <= to) {
                out().println(
                                json()
                                        ? Json.write(report(settings().schema(), current, current, List.of()))
                                        : "Schema " + settings().schema() + " is at version " + current
                                                + "; nothing to roll back.");
                return ExitCode.OK;
            }
            confirm(
                    "Roll back schema " + settings().schema() + " from version " + current + " to " + to
                            + (to == 0 ? ", dropping its tables and data" : "") + "?",
                    yes);
            MigrationReport report = migrator.rollback(to);
            if (json()) {
                out().println(Json.write(report(settings().schema(), report)));
            } else {
                for (AppliedStep step : report.applied()) {
                    out().println("  reverted " + label(step.track().name(), step.version()) + " " + step.description()
                            + " (" + step.duration().toMillis() + " ms)");
                }
                out().println("Schema " + settings().schema() + " rolled back from version " + report.fromVersion()
                        + " to " + report.toVersion() + ".");
            }
            return ExitCode.OK;
        }
    }

    private static String label(String track, String version) {
        return "PHOENIX_KIT".equals(track) ? "V" + version : version;
    }

    private static Map<String, Object> report(String schema, MigrationReport report) {
        return report(schema, report.fromVersion(), report.toVersion(), report.applied());
    }

    /** The JSON of a migrate or rollback run: one shape for both, and for a rollback with nothing to do. */
    private static Map<String, Object> report(String schema, int from, int to, List<AppliedStep> applied) {
        return Json.object(
                "schema",
                schema,
                "fromVersion",
                from,
                "toVersion",
                to,
                "applied",
                applied.stream().map(MigrationCommands::applied).toList());
    }

    private static Map<String, Object> applied(AppliedStep step) {
        return Json.object(
                "track",
                step.track().name(),
                "version",
                step.version(),
                "description",
                step.description(),
                "direction",
                step.direction().name(),
                "durationMs",
                step.duration().toMillis());
    }

    private static Map<String, Object> pending(PendingStep step) {
        return Json.object(
                "track",
                step.track().name(),
                "version",
                step.version(),
                "description",
                step.description(),
                "script",
                step.script());
    }

    private static Map<String, Object> history(HistoryEntry entry) {
        return Json.object(
                "installedRank",
                entry.installedRank(),
                "track",
                entry.track().name(),
                "version",
                entry.version(),
                "description",
                entry.description(),
                "direction",
                entry.direction().name(),
                "script",
                entry.script(),
                "checksum",
                entry.checksum(),
                "executionMs",
                entry.executionMs(),
                "success",
                entry.success(),
                "installedOn",
                entry.installedOn().toString());
    }
}
