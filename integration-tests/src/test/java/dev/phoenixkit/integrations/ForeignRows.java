package dev.phoenixkit.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Connection rows written by another host (PhoenixKit, or an application registering providers this one does not),
 * inserted with SQL in the {@code public} schema as that host stores them in the given layout: composite key
 * {@code integration:<provider>:<name>} or the row's uuid as key, {@code module = 'integrations'}, plaintext
 * JSON with {@code provider} and {@code name}. {@code addConnection} refuses unregistered providers, so this is how
 * tests get such rows.
 */
public final class ForeignRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForeignRows() {}

    /**
     * @param jdbi     the test database
     * @param layout   the layout the row is keyed for
     * @param provider the provider key stored
     * @param name     the connection name stored
     * @param fields   further {@code value_json} fields ({@code auth_type}, {@code status}, secrets as plaintext)
     * @return the row's uuid
     */
    public static UUID insert(Jdbi jdbi, StorageLayout layout, String provider, String name, Map<String, ?> fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("provider", provider);
        data.put("name", name);
        data.putAll(fields);
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return jdbi.withHandle(handle -> {
            UUID uuid = handle.createQuery("""
                            INSERT INTO public.phoenix_kit_settings (key, value_json, module)
                            VALUES (:key, CAST(:json AS jsonb), 'integrations') RETURNING uuid""")
                    .bind("key", "integration:" + provider + ":" + name)
                    .bind("json", json)
                    .mapTo(UUID.class)
                    .one();
            if (layout == StorageLayout.UUID_KEY) {
                handle.createUpdate("UPDATE public.phoenix_kit_settings SET key = uuid::text WHERE uuid = :uuid")
                        .bind("uuid", uuid)
                        .execute();
            }
            return uuid;
        });
    }
}
