package dev.phoenixkit.integrations.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON text and plain Java values (String, Number, Boolean, List, Map, null).
 *
 * <p>Thread-safe (one shared, never reconfigured {@link ObjectMapper}).
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() {};

    private JsonCodec() {}

    /**
     * Parses a JSON object.
     *
     * @param json JSON text; {@code null} or JSON {@code null} give an empty map
     * @return a mutable map of plain values
     * @throws IllegalArgumentException if the text is not a JSON object (the message holds no content)
     */
    public static Map<String, Object> parseObject(String json) {
        if (json == null) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> map = MAPPER.readValue(json, MAP_TYPE);
            return map == null ? new LinkedHashMap<>() : map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored value_json is not a JSON object");
        }
    }

    /**
     * Writes a value as JSON text.
     *
     * @param value a plain value
     * @return JSON text
     * @throws IllegalArgumentException if the value cannot be written (the message holds no content)
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: "
                    + e.getOriginalMessage().replaceAll("\\(through reference chain.*", ""));
        }
    }

    /**
     * Normalises any JSON-compatible value (records and beans included) to plain values.
     *
     * @param value the value
     * @return a plain value (String, Number, Boolean, List, Map or null)
     * @throws IllegalArgumentException if the value cannot be represented as JSON
     */
    public static Object toPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        return MAPPER.convertValue(value, Object.class);
    }

    /**
     * Deep-copies a plain value into unmodifiable collections.
     *
     * @param value a plain value
     * @return an immutable copy (maps keep insertion order and may hold null values)
     */
    public static Object immutableCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), immutableCopy(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(immutableCopy(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
