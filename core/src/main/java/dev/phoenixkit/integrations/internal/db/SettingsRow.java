package dev.phoenixkit.integrations.internal.db;

import java.util.UUID;

/**
 * One {@code phoenix_kit_settings} row as the integrations code reads it.
 *
 * @param uuid      the primary key
 * @param key       the storage key
 * @param valueJson the {@code value_json} column as JSON text, or {@code null}
 */
public record SettingsRow(UUID uuid, String key, String valueJson) {

    /** Leaves the JSON out: under {@code SecretCipher.none()}, or in legacy rows, it holds plaintext secrets. */
    @Override
    public String toString() {
        return "SettingsRow[uuid=" + uuid + ", key=" + key + ", valueJson="
                + (valueJson == null ? "null" : "<" + valueJson.length() + " characters>") + "]";
    }
}
