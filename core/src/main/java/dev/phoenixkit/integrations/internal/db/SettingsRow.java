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
}
