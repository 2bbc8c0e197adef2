package dev.phoenixkit.migrations;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the library's migration history ({@code <schema>.phoenix_kit_java_schema_history}): a step run, up or
 * down, successful or not. Immutable.
 *
 * @param installedRank the run's rank (insertion order, oldest first)
 * @param track         the step's track
 * @param version       the step's version ({@code "107"}, {@code "L1"})
 * @param description   the step's description
 * @param direction     up or down
 * @param script        the script that ran
 * @param checksum      the script's checksum; {@code null} for rows written without one
 * @param executionMs   how long it took, in milliseconds
 * @param success       whether it committed
 * @param installedOn   when it ran
 */
public record HistoryEntry(
        int installedRank,
        MigrationTrack track,
        String version,
        String description,
        MigrationDirection direction,
        String script,
        String checksum,
        int executionMs,
        boolean success,
        Instant installedOn) {

    /** Validates the required components. */
    public HistoryEntry {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(installedOn, "installedOn");
    }
}
