package dev.phoenixkit.cli.internal;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How connections and audit entries are shown: secrets masked, never printed whole. Stateless.
 */
public final class Views {

    /** Shown for a secret too short to show any of it. */
    static final String HIDDEN = "********";
    /** Shown for a stored secret the configured keys cannot decrypt. */
    static final String UNDECRYPTABLE = "<cannot be decrypted with the configured keys>";

    private Views() {}

    /**
     * Masks a secret: its first 8 and last 4 characters around an ellipsis when it is at least 24 characters long
     * (so at most half of it shows), else entirely.
     *
     * @param secret the secret
     * @return the masked form
     */
    public static String mask(String secret) {
        if (secret.length() < 24) {
            return HIDDEN;
        }
        return secret.substring(0, 8) + "…" + secret.substring(secret.length() - 4);
    }

    /**
     * One connection as a listing row.
     *
     * @param connection the connection
     * @return uuid, provider, name, status, account, timestamps
     */
    public static Map<String, Object> summary(Connection connection) {
        IntegrationData data = connection.data();
        return Json.object(
                "uuid",
                connection.uuid().toString(),
                "provider",
                connection.provider(),
                "name",
                connection.name(),
                "status",
                data.status()
                        .map(status -> status.name().toLowerCase(java.util.Locale.ROOT))
                        .orElse("disconnected"),
                "validationStatus",
                data.validationStatus().orElse(null),
                "account",
                data.getString("external_account_id").orElse(null),
                "connectedAt",
                data.connectedAt().map(Instant::toString).orElse(null),
                "lastValidatedAt",
                data.lastValidatedAt().map(Instant::toString).orElse(null));
    }

    /**
     * Every stored field of a connection, sensitive ones masked.
     *
     * @param data the connection's data
     * @return field name to shown value, sorted by name
     */
    public static Map<String, Object> fields(IntegrationData data) {
        Map<String, Object> shown = new TreeMap<>();
        data.asMap()
                .forEach((field, value) -> shown.put(
                        field,
                        SecretCipher.SENSITIVE_FIELDS.contains(field) && value instanceof String text
                                ? mask(text)
                                : value));
        for (String field : data.undecryptableFields()) {
            shown.put(field, UNDECRYPTABLE);
        }
        return shown;
    }

    /**
     * One audit entry.
     *
     * @param entry the entry
     * @return its fields as JSON-ready values
     */
    public static Map<String, Object> audit(AuditEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("occurredAt", entry.occurredAt().toString());
        view.put("action", entry.action());
        view.put("mode", entry.mode().name().toLowerCase(java.util.Locale.ROOT));
        view.put("actorUuid", entry.actorUuid().map(Object::toString).orElse(null));
        view.put("provider", entry.provider().orElse(null));
        view.put("name", entry.name().orElse(null));
        view.put("metadata", entry.metadata());
        return view;
    }
}
