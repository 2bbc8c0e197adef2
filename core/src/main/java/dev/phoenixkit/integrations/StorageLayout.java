package dev.phoenixkit.integrations;

/**
 * How connection rows are keyed in {@code phoenix_kit_settings}. {@link Integrations} detects the layout when it is
 * built (see {@link Integrations.Builder#storageLayout(StorageLayout)} to force one) and reads and writes only in
 * that layout; every operation behaves the same in both except where {@code docs/decisions/storage-layouts.md} says
 * otherwise (names and bare-provider lookups).
 */
public enum StorageLayout {
    /**
     * {@code key = 'integration:<provider>:<name>'}: PhoenixKit V107 to V113 and the databases this library's
     * chain creates by default. Provider and name come from the key; names follow PhoenixKit's old name rule and
     * are unique per provider (the key's unique index).
     */
    COMPOSITE_KEY,
    /**
     * {@code key = uuid::text}, {@code module = 'integrations'}: PhoenixKit V114 and later (every 2.x database).
     * Provider and name come from {@code value_json}; names are free text, and rows PhoenixKit wrote may repeat a
     * name.
     */
    UUID_KEY
}
