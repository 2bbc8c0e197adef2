package dev.phoenixkit.migrations;

/**
 * The two sequences of steps the {@link Migrator} applies.
 */
public enum MigrationTrack {
    /**
     * PhoenixKit's own versioned chain ({@code V01} … {@code V107}). Progress is the version marker, the comment
     * on the {@code phoenix_kit} table, exactly as PhoenixKit writes it.
     */
    PHOENIX_KIT,
    /**
     * Steps of this library that PhoenixKit does not have ({@code L1}, …). Recorded only in the library's
     * history table and applied after the chain whatever the version marker says; they never touch the marker.
     */
    LIBRARY
}
