package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationDirection;
import dev.phoenixkit.migrations.MigrationTrack;

/**
 * One row of {@code phoenix_kit_java_schema_history}. Immutable.
 *
 * @param installedRank the row's rank (insertion order)
 * @param track         the step's track
 * @param version       the step's version ({@code "107"}, {@code "L1"})
 * @param description   the step's description
 * @param direction     up or down
 * @param script        the script that ran
 * @param checksum      the script's checksum, may be null
 * @param executionMs   how long it took, in milliseconds
 * @param success       whether it committed
 * @param installedOn   when it ran
 */
public record HistoryRow(
        int installedRank,
        MigrationTrack track,
        String version,
        String description,
        MigrationDirection direction,
        String script,
        String checksum,
        int executionMs,
        boolean success,
        java.time.Instant installedOn) {

    /** @return this row as the public history entry */
    public dev.phoenixkit.migrations.HistoryEntry toEntry() {
        return new dev.phoenixkit.migrations.HistoryEntry(
                installedRank,
                track,
                version,
                description,
                direction,
                script,
                checksum,
                executionMs,
                success,
                installedOn);
    }
}
