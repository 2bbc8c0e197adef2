package dev.phoenixkit.integrations.internal.json;

import java.util.Map;
import java.util.Optional;

/**
 * The one rule for "a field has text": a string that is not blank. A value of spaces counts as missing everywhere
 * (the status rule, {@code has_credentials?}, validation, bearer choice and {@code IntegrationData.getString}), so a
 * connection cannot be {@code configured} by a field validation then treats as absent.
 *
 * <p>Thread-safe (stateless).
 */
public final class FieldText {
    private FieldText() {}

    /**
     * @param value a JSON value, may be {@code null}
     * @return the text, when the value is a non-blank string
     */
    public static Optional<String> of(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    /**
     * @param data  field name to JSON value
     * @param field a field name
     * @return the field's text, when it is a non-blank string
     */
    public static Optional<String> of(Map<String, ?> data, String field) {
        return of(data.get(field));
    }

    /**
     * @param value a JSON value, may be {@code null}
     * @return whether it is a non-blank string
     */
    public static boolean present(Object value) {
        return value instanceof String text && !text.isBlank();
    }
}
