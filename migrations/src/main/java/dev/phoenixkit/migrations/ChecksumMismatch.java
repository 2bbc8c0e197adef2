package dev.phoenixkit.migrations;

import java.util.Objects;

/**
 * An applied step whose script changed after it ran: the checksum recorded in the history differs from the
 * shipped script's. {@link Migrator#migrate()} refuses to run while any exists
 * ({@link MigrationError#CHECKSUM_MISMATCH}). Immutable.
 *
 * @param track           the step's track
 * @param version         the step's version
 * @param script          the script as recorded when it ran
 * @param appliedChecksum the checksum recorded when it ran
 * @param currentChecksum the shipped script's checksum now
 */
public record ChecksumMismatch(
        MigrationTrack track, String version, String script, String appliedChecksum, String currentChecksum) {

    /** Validates the components. */
    public ChecksumMismatch {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(appliedChecksum, "appliedChecksum");
        Objects.requireNonNull(currentChecksum, "currentChecksum");
    }
}
