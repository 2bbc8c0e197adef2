package dev.phoenixkit.integrations.internal.protocol;

import java.util.Map;
import java.util.Optional;

/** Reads fields of a connection's decrypted data map. */
final class DataFields {
    private DataFields() {
    }

    /**
     * @param data the data
     * @param key  the field name
     * @return the field's text when it is a non-blank string
     */
    static Optional<String> text(Map<String, ?> data, String key) {
        Object value = data.get(key);
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }
}
