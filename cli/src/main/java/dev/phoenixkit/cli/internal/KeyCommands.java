package dev.phoenixkit.cli.internal;

import dev.phoenixkit.cli.ExitCode;
import dev.phoenixkit.integrations.EncryptionStatus;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ReencryptionReport;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys status} and {@code keys reencrypt}: key rotation, as PhoenixKit's
 * {@code phoenix_kit.integrations.rotate_key} task does it (every row moved to the newest key, undecryptable
 * values reported and left as stored).
 */
public final class KeyCommands {

    private KeyCommands() {}

    /** {@code keys status}. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Show which keys the stored secrets use, how many values are in plaintext, cannot be"
                    + " decrypted with the configured keys, or are due for re-encryption. Changes nothing.")
    public static final class Status extends CliCommand {
        @Override
        protected ExitCode execute() {
            EncryptionStatus status = integrations().encryptionStatus();
            if (json()) {
                out().println(Json.write(view(status)));
            } else {
                out().println("Encryption:     "
                        + (status.encryptionEnabled()
                                ? "on; new values use key " + status.primaryKey()
                                : "OFF: secrets are stored in plaintext (SecretCipher.none())"));
                out().println("Rows scanned:   " + status.rowsScanned());
                out().println("Rows per key:   "
                        + (status.rowsByKey().isEmpty()
                                ? "none"
                                : status.rowsByKey().toString().replaceAll("[{}]", "")));
                out().println("Plaintext:      " + status.plaintextValues() + " value(s)");
                out().println("Due to rewrite: " + status.staleValues() + " value(s) (keys reencrypt moves them)");
                out().println("Undecryptable:  " + status.undecryptableValues() + " value(s) in "
                        + status.undecryptableRows().size() + " row(s)");
                status.undecryptableRows().forEach(uuid -> out().println("  " + uuid));
            }
            return ExitCode.OK;
        }
    }

    static Map<String, Object> view(EncryptionStatus status) {
        return Json.object(
                "encryption",
                status.encryptionEnabled(),
                "primaryKey",
                status.primaryKey(),
                "rowsScanned",
                status.rowsScanned(),
                "rowsByKey",
                status.rowsByKey(),
                "keysInUse",
                status.keysInUse(),
                "plaintextValues",
                status.plaintextValues(),
                "staleValues",
                status.staleValues(),
                "undecryptableValues",
                status.undecryptableValues(),
                "undecryptableRows",
                status.undecryptableRows().stream().map(Object::toString).toList(),
                "current",
                status.isCurrent());
    }

    /** {@code keys reencrypt [--batch N] [--dry-run]}. */
    @Command(
            name = "reencrypt",
            mixinStandardHelpOptions = true,
            description = {
                "Move every stored secret to the newest key (and encrypt plaintext secrets), in short",
                "transactions of --batch rows; safe while applications run, and resumable: run it again after an",
                "interruption. Values that cannot be decrypted are reported and left as stored. Exit 1 when any",
                "remain."
            })
    public static final class Reencrypt extends CliCommand {
        @Option(
                names = "--batch",
                paramLabel = "N",
                defaultValue = "100",
                description = "Rows per transaction (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--dry-run", description = "Report what would be re-encrypted; change nothing.")
        boolean dryRun;

        @Override
        protected ExitCode execute() {
            if (batch < 1) {
                throw CliException.usage("--batch must be at least 1, was " + batch);
            }
            Integrations integrations = integrations();
            if (dryRun) {
                EncryptionStatus status = integrations.encryptionStatus();
                if (json()) {
                    Map<String, Object> view = view(status);
                    view.put("dryRun", true);
                    out().println(Json.write(view));
                } else {
                    out().println("Dry run: " + status.staleValues() + " value(s) would move to key "
                            + status.primaryKey() + "; " + status.undecryptableValues() + " value(s) in "
                            + status.undecryptableRows().size() + " row(s) cannot be decrypted and would be left"
                            + " as stored. Nothing was changed.");
                }
                return ExitCode.OK;
            }
            boolean bar = !json() && env().terminal().isPresent();
            ReencryptionReport report = integrations.reencryptAll(batch, soFar -> {
                if (bar) {
                    env().err()
                            .print("\rRe-encrypting: " + soFar.rowsScanned() + " row(s) scanned, "
                                    + soFar.valuesReencrypted() + " value(s) moved, batch " + soFar.batches());
                    env().err().flush();
                }
            });
            if (bar) {
                env().err().println();
            }
            if (json()) {
                out().println(Json.write(Json.object(
                        "rowsScanned",
                        report.rowsScanned(),
                        "rowsRewritten",
                        report.rowsRewritten(),
                        "valuesReencrypted",
                        report.valuesReencrypted(),
                        "batches",
                        report.batches(),
                        "complete",
                        report.isComplete(),
                        "failedRows",
                        report.failedRows().stream().map(Object::toString).toList())));
            } else {
                out().println("Scanned " + report.rowsScanned() + " row(s) in " + report.batches()
                        + " batch(es); re-encrypted " + report.valuesReencrypted() + " value(s) in "
                        + report.rowsRewritten() + " row(s).");
                if (!report.isComplete()) {
                    out().println(report.failedRows().size() + " row(s) hold values the configured keys cannot"
                            + " decrypt; they were left as stored:");
                    report.failedRows().forEach(uuid -> out().println("  " + uuid));
                }
            }
            return report.isComplete() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
