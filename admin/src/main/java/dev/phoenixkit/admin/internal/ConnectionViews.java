package dev.phoenixkit.admin.internal;

import dev.phoenixkit.admin.internal.Views.AuditView;
import dev.phoenixkit.admin.internal.Views.FieldView;
import dev.phoenixkit.admin.internal.Views.FormView;
import dev.phoenixkit.admin.internal.Views.Instruction;
import dev.phoenixkit.admin.internal.Views.Notice;
import dev.phoenixkit.admin.internal.Views.OptionView;
import dev.phoenixkit.admin.internal.Views.Row;
import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns connections, providers and typed values into view models. Thread-safe (stateless). */
public final class ConnectionViews {
    private ConnectionViews() {}

    /**
     * @param status a connection's status, if any
     * @return what its badge says (PhoenixKit's labels)
     */
    public static String statusLabel(ConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> "Connected";
            case CONFIGURED -> "Not tested";
            case DISCONNECTED -> "Not connected";
            case ERROR -> "Error";
        };
    }

    /**
     * @param data a connection's data
     * @return its status (disconnected when none is stored)
     */
    public static ConnectionStatus status(IntegrationData data) {
        return data.status().orElse(ConnectionStatus.DISCONNECTED);
    }

    /**
     * @param data a connection's data
     * @return the validation note: "" when never tested, "Verified" after a passing test, else the failure
     */
    public static String note(IntegrationData data) {
        String validation = data.validationStatus().orElse("");
        if (validation.isEmpty()) {
            return "";
        }
        if (validation.equals("ok")) {
            return "Verified";
        }
        return validation.startsWith("error: ") ? validation.substring("error: ".length()) : validation;
    }

    /**
     * @param data a connection's data
     * @return the connected account: its id (an email) and name, or ""
     */
    public static String account(IntegrationData data) {
        String id = data.getString(Fields.EXTERNAL_ACCOUNT_ID).orElse("");
        String name = data.getString(Fields.EXTERNAL_ACCOUNT_NAME).orElse("");
        if (!id.isEmpty() && !name.isEmpty() && !name.equals(id)) {
            return name + " <" + id + ">";
        }
        return id.isEmpty() ? name : id;
    }

    /**
     * @param connection a connection
     * @param now        the current instant
     * @return its list row
     */
    public static Row row(Connection connection, Instant now) {
        IntegrationData data = connection.data();
        ConnectionStatus status = status(data);
        return new Row(
                connection.uuid().toString(),
                connection.name(),
                status.wireValue(),
                statusLabel(status),
                note(data),
                account(data),
                data.connectedAt()
                        .map(at -> "Connected " + TimeAgo.format(at, now))
                        .orElse(""),
                data.lastValidatedAt()
                        .map(at -> "Last tested " + TimeAgo.format(at, now))
                        .orElse(""));
    }

    /**
     * @param field a setup field
     * @return whether its value is a secret (never rendered back)
     */
    public static boolean isSecret(SetupField field) {
        return field.type() == SetupFieldType.PASSWORD || SecretCipher.SENSITIVE_FIELDS.contains(field.key());
    }

    /**
     * The fields of a form.
     *
     * @param provider the provider
     * @param stored   the stored data (empty for a new connection)
     * @param typed    values typed into the form, by field key (shown instead of the stored ones; secrets never)
     * @param errors   errors by field key
     * @return the field views
     */
    public static List<FieldView> fields(
            ProviderDefinition provider,
            IntegrationData stored,
            Map<String, String> typed,
            Map<String, String> errors) {
        List<FieldView> views = new ArrayList<>();
        for (SetupField field : provider.setupFields()) {
            boolean secret = isSecret(field);
            String value = "";
            String masked = "";
            if (secret) {
                if (stored.undecryptableFields().contains(field.key())) {
                    masked = "stored, but cannot be decrypted with the configured keys";
                } else {
                    masked = stored.getString(field.key()).map(Masking::mask).orElse("");
                }
            } else {
                value = typed.containsKey(field.key())
                        ? typed.get(field.key())
                        : stored.getString(field.key()).orElse("");
            }
            String chosen = value;
            List<OptionView> options = field.options().stream()
                    .map(option -> new OptionView(
                            option.value(), option.label(), option.value().equals(chosen)))
                    .toList();
            views.add(new FieldView(
                    field.key(),
                    field.label(),
                    field.type().wireValue(),
                    field.required(),
                    field.placeholder().orElse(""),
                    field.help().orElse(""),
                    options,
                    value,
                    masked,
                    secret,
                    errors.getOrDefault(field.key(), "")));
        }
        return views;
    }

    /**
     * @param provider    the provider
     * @param redirectUri the OAuth redirect URI
     * @return its setup instructions with the redirect URI filled in
     */
    public static List<Instruction> instructions(ProviderDefinition provider, String redirectUri) {
        return provider.instructions(redirectUri).stream()
                .map(section -> new Instruction(
                        section.title(), section.steps(), section.note().orElse("")))
                .toList();
    }

    /**
     * @param entries a connection's audit trail, oldest first
     * @param now     the current instant
     * @return the entries, newest first
     */
    public static List<AuditView> audit(List<AuditEntry> entries, Instant now) {
        List<AuditView> views = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            AuditEntry entry = entries.get(i);
            String details = entry.metadata().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "));
            String actor = entry.actorUuid()
                    .map(Object::toString)
                    .orElse(entry.mode() == dev.phoenixkit.integrations.AuditMode.AUTO ? "automatic" : "—");
            views.add(new AuditView(
                    entry.occurredAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                    TimeAgo.format(entry.occurredAt(), now),
                    entry.action(),
                    actor,
                    details));
        }
        return views;
    }

    /**
     * The edit form.
     *
     * @param connection  the stored connection
     * @param provider    its provider
     * @param typedName   the name as typed, or {@code null} for the stored one
     * @param typed       typed values by field key
     * @param errors      errors by field key ({@code "name"} for the name)
     * @param result      a notice at the form, or {@code null}
     * @param redirectUri the OAuth redirect URI
     * @param audit       its audit trail
     * @param retyped     whether typed secrets were dropped from this render
     * @param now         the current instant
     * @return the view
     */
    public static FormView editForm(
            Connection connection,
            ProviderDefinition provider,
            String typedName,
            Map<String, String> typed,
            Map<String, String> errors,
            Notice result,
            String redirectUri,
            List<AuditEntry> audit,
            boolean retyped,
            Instant now) {
        IntegrationData data = connection.data();
        ConnectionStatus status = status(data);
        boolean oauth = provider.authType() == AuthType.OAUTH2;
        return new FormView(
                false,
                connection.uuid().toString(),
                provider.key(),
                provider.name(),
                provider.icon(),
                provider.description(),
                oauth,
                typedName == null ? connection.name() : typedName,
                errors.getOrDefault("name", ""),
                fields(provider, data, typed, errors),
                instructions(provider, redirectUri),
                oauth ? redirectUri : "",
                status.wireValue(),
                statusLabel(status),
                note(data),
                account(data),
                data.connectedAt().map(at -> TimeAgo.format(at, now)).orElse(""),
                data.lastValidatedAt().map(at -> TimeAgo.format(at, now)).orElse(""),
                result,
                audit(audit, now),
                retyped);
    }

    /**
     * The new form.
     *
     * @param provider    the provider
     * @param typedName   the name as typed
     * @param typed       typed values by field key
     * @param errors      errors by field key ({@code "name"} for the name)
     * @param result      a notice at the form, or {@code null}
     * @param redirectUri the OAuth redirect URI
     * @param retyped     whether typed secrets were dropped from this render
     * @return the view
     */
    public static FormView newForm(
            ProviderDefinition provider,
            String typedName,
            Map<String, String> typed,
            Map<String, String> errors,
            Notice result,
            String redirectUri,
            boolean retyped) {
        boolean oauth = provider.authType() == AuthType.OAUTH2;
        return new FormView(
                true,
                "",
                provider.key(),
                provider.name(),
                provider.icon(),
                provider.description(),
                oauth,
                typedName,
                errors.getOrDefault("name", ""),
                fields(provider, IntegrationData.empty(), typed, errors),
                instructions(provider, redirectUri),
                oauth ? redirectUri : "",
                "",
                "",
                "",
                "",
                "",
                "",
                result,
                List.of(),
                retyped);
    }
}
