package dev.phoenixkit.cli.internal;

import dev.phoenixkit.cli.ExitCode;
import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connections …} and {@code audit}: reading and changing connections through the {@link Integrations}
 * facade, so every change is validated, audited and announced exactly as when a host application makes it.
 */
public final class ConnectionCommands {

    private ConnectionCommands() {}

    /** Options of commands that change a connection. */
    abstract static class Change extends CliCommand {
        @Option(
                names = "--actor",
                paramLabel = "UUID",
                description = "Who is making the change, recorded in the audit trail.")
        UUID actor;
    }

    /** {@code connections list [--provider P]}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List connections (all, or one provider's), with status and connected account.")
    public static final class ListConnections extends CliCommand {
        @Option(names = "--provider", paramLabel = "PROVIDER", description = "Only this provider's connections.")
        String provider;

        @Override
        protected ExitCode execute() {
            Integrations integrations = integrations();
            List<Connection> connections =
                    provider == null ? integrations.listIntegrations() : integrations.listConnections(provider);
            if (json()) {
                out().println(Json.write(
                        connections.stream().map(Views::summary).toList()));
            } else if (connections.isEmpty()) {
                out().println(provider == null ? "No connections." : "No " + provider + " connections.");
            } else {
                out().printf("%-36s  %-16s  %-24s  %-12s  %s%n", "UUID", "PROVIDER", "NAME", "STATUS", "ACCOUNT");
                for (Connection connection : connections) {
                    Map<String, Object> row = Views.summary(connection);
                    out().printf(
                                    "%-36s  %-16s  %-24s  %-12s  %s%n",
                                    row.get("uuid"),
                                    row.get("provider"),
                                    row.get("name"),
                                    row.get("status"),
                                    row.get("account") == null ? "" : row.get("account"));
                }
            }
            return ExitCode.OK;
        }
    }

    /** {@code connections show <uuid|provider:name>}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show one connection's stored fields; secrets are masked.")
    public static final class Show extends CliCommand {
        @Parameters(paramLabel = "REF", description = "The connection's uuid, or provider:name.")
        String ref;

        @Override
        protected ExitCode execute() {
            Integrations integrations = integrations();
            Connection connection = integrations.getIntegrationByUuid(integrations.resolveToUuid(ref));
            Map<String, Object> view = new LinkedHashMap<>(Views.summary(connection));
            view.put("fields", Views.fields(connection.data()));
            if (json()) {
                out().println(Json.write(view));
            } else {
                for (String key : List.of(
                        "uuid",
                        "provider",
                        "name",
                        "status",
                        "validationStatus",
                        "account",
                        "connectedAt",
                        "lastValidatedAt")) {
                    if (view.get(key) != null) {
                        out().printf("%-16s %s%n", key + ":", view.get(key));
                    }
                }
                out().println("fields:");
                Views.fields(connection.data()).forEach((field, value) -> out().printf("  %-22s %s%n", field, value));
            }
            return ExitCode.OK;
        }
    }

    /** {@code connections add <provider> <name>}. */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Create a connection (no credentials yet: use 'connections set').")
    public static final class Add extends Change {
        @Parameters(index = "0", paramLabel = "PROVIDER", description = "Provider key, e.g. openrouter.")
        String provider;

        @Parameters(index = "1", paramLabel = "NAME", description = "Connection name, unique per provider.")
        String name;

        @Override
        protected ExitCode execute() {
            Connection connection = actor == null
                    ? integrations().addConnection(provider, name)
                    : integrations().addConnection(provider, name, actor);
            if (json()) {
                out().println(Json.write(Views.summary(connection)));
            } else {
                out().println("Added " + connection.provider() + ":" + connection.name() + " " + connection.uuid());
            }
            return ExitCode.OK;
        }
    }

    /** {@code connections set <uuid> field=value…}. */
    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = {
                "Save setup fields (PhoenixKit's names: api_key, client_id, client_secret, tenant_id, …).",
                "A secret field's value is never taken from the command line: write field=- to read it from",
                "standard input (one line per such field, in order) or field=? to be asked for it (hidden)."
            })
    public static final class Set extends Change {
        @Parameters(index = "0", paramLabel = "UUID", description = "The connection.")
        UUID uuid;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE", description = "Fields to save.")
        List<String> assignments;

        @Override
        protected ExitCode execute() {
            Map<String, String> attrs = new LinkedHashMap<>();
            List<String> fromStdin = new ArrayList<>();
            List<String> prompted = new ArrayList<>();
            for (String assignment : assignments) {
                int eq = assignment.indexOf('=');
                if (eq <= 0) {
                    throw CliException.usage("Expected FIELD=VALUE, got an argument without '=' (argument "
                            + (assignments.indexOf(assignment) + 1) + ")");
                }
                String field = assignment.substring(0, eq);
                String value = assignment.substring(eq + 1);
                if (attrs.containsKey(field) || fromStdin.contains(field) || prompted.contains(field)) {
                    throw CliException.usage("Field " + field + " is given twice");
                }
                if (SecretCipher.SENSITIVE_FIELDS.contains(field)) {
                    if (value.equals("-")) {
                        fromStdin.add(field);
                    } else if (value.equals("?")) {
                        prompted.add(field);
                    } else {
                        throw CliException.usage(field + " is a secret: its value is not taken from the command"
                                + " line (it would stay in shell history and the process list); write " + field
                                + "=- to read it from standard input or " + field + "=? to be asked for it."
                                + " Nothing was changed.");
                    }
                } else {
                    attrs.put(field, value);
                }
            }
            readFromStdin(fromStdin, attrs);
            for (String field : prompted) {
                char[] typed = env().terminal()
                        .orElseThrow(() -> CliException.usage(field + "=? needs a" + " terminal; without one use "
                                + field + "=- and pipe the value in"))
                        .readSecret(field + ": ");
                if (typed == null || typed.length == 0) {
                    throw CliException.usage("Nothing was entered for " + field + "; nothing was changed");
                }
                attrs.put(field, new String(typed));
                Arrays.fill(typed, '\0');
            }
            Integrations integrations = integrations();
            IntegrationData saved =
                    actor == null ? integrations.saveSetup(uuid, attrs) : integrations.saveSetup(uuid, attrs, actor);
            Connection connection = integrations.getIntegrationByUuid(uuid);
            if (json()) {
                Map<String, Object> view = new LinkedHashMap<>(Views.summary(connection));
                view.put("saved", attrs.keySet().stream().sorted().toList());
                view.put("fields", Views.fields(saved));
                out().println(Json.write(view));
            } else {
                out().println("Saved "
                        + String.join(", ", attrs.keySet().stream().sorted().toList()) + " on "
                        + connection.provider() + ":" + connection.name() + "; status "
                        + Views.summary(connection).get("status") + ".");
            }
            return ExitCode.OK;
        }

        private void readFromStdin(List<String> fields, Map<String, String> attrs) {
            if (fields.isEmpty()) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(env().in(), StandardCharsets.UTF_8));
            for (String field : fields) {
                String line;
                try {
                    line = reader.readLine();
                } catch (IOException e) {
                    throw CliException.usage("Cannot read " + field + " from standard input; nothing was changed");
                }
                if (line == null || line.isEmpty()) {
                    throw CliException.usage(
                            "Standard input ended before a value for " + field + "; nothing was changed");
                }
                attrs.put(field, line);
            }
        }
    }

    /** {@code connections rename <uuid> <name>}. */
    @Command(
            name = "rename",
            mixinStandardHelpOptions = true,
            description = "Rename a connection; its uuid, and so every consumer's reference, stays the same.")
    public static final class Rename extends Change {
        @Parameters(index = "0", paramLabel = "UUID", description = "The connection.")
        UUID uuid;

        @Parameters(index = "1", paramLabel = "NAME", description = "The new name.")
        String name;

        @Override
        protected ExitCode execute() {
            Integrations integrations = integrations();
            if (actor == null) {
                integrations.renameConnection(uuid, name);
            } else {
                integrations.renameConnection(uuid, name, actor);
            }
            Connection connection = integrations.getIntegrationByUuid(uuid);
            out().println(
                            json()
                                    ? Json.write(Views.summary(connection))
                                    : "Renamed " + uuid + " to " + connection.provider() + ":" + connection.name()
                                            + ".");
            return ExitCode.OK;
        }
    }

    /** {@code connections remove <uuid> [--yes]}. */
    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Delete a connection and its stored credentials. Asks for confirmation unless --yes.")
    public static final class Remove extends Change {
        @Parameters(paramLabel = "UUID", description = "The connection.")
        UUID uuid;

        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        protected ExitCode execute() {
            Integrations integrations = integrations();
            Connection connection = integrations.getIntegrationByUuid(uuid);
            confirm("Remove " + connection.provider() + ":" + connection.name() + " (" + uuid + ")?", yes);
            if (actor == null) {
                integrations.removeConnection(uuid);
            } else {
                integrations.removeConnection(uuid, actor);
            }
            out().println(
                            json()
                                    ? Json.write(Json.object("removed", uuid.toString()))
                                    : "Removed " + connection.provider() + ":" + connection.name() + ".");
            return ExitCode.OK;
        }
    }

    /** {@code connections test <uuid>}. */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Check the stored credentials against the provider and record the outcome. Exit 1 when"
                    + " the provider refuses them.")
    public static final class Test extends CliCommand {
        @Parameters(paramLabel = "UUID", description = "The connection.")
        UUID uuid;

        @Override
        protected ExitCode execute() {
            Integrations integrations = integrations();
            integrations.getIntegrationByUuid(uuid);
            ValidationResult result = integrations.validateConnection(uuid);
            integrations.recordValidation(uuid, result);
            if (json()) {
                out().println(Json.write(Json.object(
                        "uuid",
                        uuid.toString(),
                        "ok",
                        result.isOk(),
                        "validationStatus",
                        result.validationStatus(),
                        "message",
                        result.isOk() ? null : result.message())));
            } else {
                out().println(
                                result.isOk()
                                        ? "OK: the provider accepted the credentials."
                                        : "Failed: " + result.message());
            }
            return result.isOk() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    /** {@code connections refresh <uuid>}. */
    @Command(
            name = "refresh",
            mixinStandardHelpOptions = true,
            description = "Refresh an OAuth2 connection's access token now (single-flight with running"
                    + " applications). The token itself is never printed.")
    public static final class Refresh extends CliCommand {
        @Parameters(paramLabel = "UUID", description = "The connection.")
        UUID uuid;

        @Override
        protected ExitCode execute() {
            Integrations integrations = integrations();
            integrations.refreshAccessToken(uuid);
            IntegrationData data = integrations.getIntegrationByUuid(uuid).data();
            String expires = data.expiresAt().map(Object::toString).orElse(null);
            out().println(
                            json()
                                    ? Json.write(Json.object(
                                            "uuid", uuid.toString(), "refreshed", true, "expiresAt", expires))
                                    : "Refreshed; the new access token expires "
                                            + (expires == null ? "(no expiry given)" : "at " + expires) + ".");
            return ExitCode.OK;
        }
    }

    /** {@code audit <uuid>}. */
    @Command(
            name = "audit",
            mixinStandardHelpOptions = true,
            description = "Show a connection's audit trail (who did what, when; never secrets), oldest first.")
    public static final class Audit extends CliCommand {
        @Parameters(paramLabel = "UUID", description = "The connection (it may have been removed).")
        UUID uuid;

        @Override
        protected ExitCode execute() {
            List<AuditEntry> trail = integrations().auditTrail(uuid);
            if (json()) {
                out().println(Json.write(trail.stream().map(Views::audit).toList()));
            } else if (trail.isEmpty()) {
                out().println("No audit entries for " + uuid + ".");
            } else {
                for (AuditEntry entry : trail) {
                    Map<String, Object> view = Views.audit(entry);
                    out().println(view.get("occurredAt") + "  " + view.get("action") + "  " + view.get("mode")
                            + (view.get("actorUuid") == null ? "" : "  by " + view.get("actorUuid"))
                            + (entry.metadata().isEmpty()
                                    ? ""
                                    : "  " + Json.write(entry.metadata()).replaceAll("\\s+", " ")));
                }
            }
            return ExitCode.OK;
        }
    }
}
