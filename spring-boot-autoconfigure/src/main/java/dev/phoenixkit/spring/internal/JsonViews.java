package dev.phoenixkit.spring.internal;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of the library's values, as plain maps (so they serialise the same with any JSON library). One
 * redaction rule: a field is written as {@value #REDACTED} when {@link SecretCipher#SENSITIVE_FIELDS} holds it, when
 * it is {@code credentials}, or when it belongs to a pending authorization ({@code oauth_*}: state and PKCE
 * verifier); undecryptable fields are listed by name.
 */
public final class JsonViews {
    /** What a redacted field's value becomes. */
    public static final String REDACTED = "<redacted>";

    private JsonViews() {}

    /**
     * @param field a field name
     * @return whether its value is never written
     */
    public static boolean redacted(String field) {
        return SecretCipher.SENSITIVE_FIELDS.contains(field)
                || Fields.CREDENTIALS.equals(field)
                || field.startsWith("oauth_");
    }

    /**
     * @param data a connection's data
     * @return its fields, secrets redacted
     */
    public static Map<String, Object> data(IntegrationData data) {
        Map<String, Object> view = new LinkedHashMap<>();
        data.asMap().forEach((field, value) -> view.put(field, redacted(field) && value != null ? REDACTED : value));
        data.undecryptableFields().forEach(field -> view.put(field, REDACTED));
        if (data.hasUndecryptableFields()) {
            view.put("undecryptable_fields", data.undecryptableFields());
        }
        return view;
    }

    /**
     * @param connection a connection
     * @return uuid, provider, name, ref and its (redacted) data
     */
    public static Map<String, Object> connection(Connection connection) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uuid", connection.uuid().toString());
        view.put("provider", connection.provider());
        view.put("name", connection.name());
        view.put("ref", connection.ref());
        view.put("data", data(connection.data()));
        return view;
    }

    /**
     * @param result a validation outcome
     * @return ok, message and validation status
     */
    public static Map<String, Object> validation(ValidationResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ok", result.isOk());
        view.put("message", result.message());
        view.put("validation_status", result.validationStatus());
        return view;
    }

    /**
     * @param entry an audit entry
     * @return its components (absent ones as {@code null})
     */
    public static Map<String, Object> audit(AuditEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("action", entry.action());
        view.put(
                "integration_uuid",
                entry.integrationUuid().map(Object::toString).orElse(null));
        view.put("provider", entry.provider().orElse(null));
        view.put("name", entry.name().orElse(null));
        view.put("actor_uuid", entry.actorUuid().map(Object::toString).orElse(null));
        view.put("mode", entry.mode().wireValue());
        view.put("metadata", entry.metadata());
        view.put("occurred_at", entry.occurredAt().toString());
        return view;
    }

    /**
     * @param event an event
     * @return its type ({@code "Connected"}, ...) and components, data redacted
     */
    public static Map<String, Object> event(IntegrationEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", event.getClass().getSimpleName());
        for (var component : event.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unreadable event component " + component.getName(), e);
            }
            if (value instanceof IntegrationData data) {
                value = data(data);
            } else if (value instanceof ValidationResult result) {
                value = validation(result);
            } else if (value != null && !(value instanceof String)) {
                value = value.toString();
            }
            view.put(component.getName(), value);
        }
        return view;
    }
}
