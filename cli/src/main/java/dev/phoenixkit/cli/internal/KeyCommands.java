package dev.phoenixkit.cli.internal;

import java.util.List;

import dev.phoenixkit.cli.ExitCode;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ReencryptionReport;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys status} and {@code keys reencrypt}: key rotation, as PhoenixKit's
 * {@code phoenix_kit.integrations.rotate_key} task does it (every row moved to the newest key, undecryptable
 * values reported and left as stored).
 */
public final class KeyCommands {

    private KeyCommands() {
    }

    /** {@code keys status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show which keys the stored secrets use and how many cannot be decrypted or are stored"
                    + " in plaintext. Changes nothing.")
    public static final class Status extends CliCommand {
        @Override
        protected ExitCode execute() {
            Integrations integrations = integrations();
            SecretCipher cipher = settings().cipher();
            List<Connection> connections = integrations.listIntegrations();
            long undecryptableRows = connections.stream().filter(c -> c.data().hasUndecryptableFields()).count();
            long undecryptableValues = connections.stream().mapToLong(c -> c.data().undecryptableFields().size())
                    .sum();
            String primary = cipher.primaryKeyId().orElse(cipher.isEnabled() ? "enc:v1" : null);
            if (json()) {
                out().println(Json.write(Json.object("encryption", cipher.isEnabled(), "primaryKey", primary,
                        "connections", connections.size(), "undecryptableConnections", undecryptableRows,
                        "undecryptableValues", undecryptableValues)));
            } else {
                out().println("Encryption:   " + (cipher.isEnabled() ? "on, new writes use key " + primary
                        : "OFF (secrets are stored in plaintext)"));
                out().println("Connections:  " + connections.size());
                out().println("Unreadable:   " + undecryptableValues + " value(s) in " + undecryptableRows
                        + " connection(s) cannot be decrypted with the configured keys");
            }
            return ExitCode.OK;
        }
    }

    /** {@code keys reencrypt [--batch N] [--dry-run]}. */
    @Command(name = "reencrypt", mixinStandardHelpOptions = true,
            description = {"Move every stored secret to the newest key (and encrypt plaintext secrets), in short",
                "transactions of --batch rows; safe while applications run, and resumable: run it again after an",
                "interruption. Values that cannot be decrypted are reported and left as stored. Exit 1 when any",
                "remain."})
    public static final class Reencrypt extends CliCommand {
        @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
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
                List<Connection> connections = integrations.listIntegrations();
                long unreadable = connections.stream().filter(c -> c.data().hasUndecryptableFields()).count();
                out().println(json() ? Json.write(Json.object("dryRun", true, "connections", connections.size(),
                        "undecryptableConnections", unreadable))
                        : "Dry run: " + connections.size() + " connection(s) would be scanned; " + unreadable
                                + " hold values that cannot be decrypted and would be left as stored.");
                return ExitCode.OK;
            }
            ReencryptionReport report = integrations.reencryptAll(batch);
            if (json()) {
                out().println(Json.write(Json.object("rowsScanned", report.rowsScanned(), "rowsRewritten",
                        report.rowsRewritten(), "valuesReencrypted", report.valuesReencrypted(), "batches",
                        report.batches(), "complete", report.isComplete(), "failedRows",
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
