package dev.phoenixkit.migrations;

import java.time.Duration;

/**
 * Told about every migration step a {@link Migrator} runs, for metrics and tracing (the {@code phoenixkit-micrometer}
 * module binds one to a {@code MeterRegistry}). Called on the migrating thread after the step's transaction ended;
 * an exception thrown by a listener is logged and does not change the migration's outcome.
 *
 * <p>Implementations must be thread-safe when one listener is given to several migrators.
 */
public interface MigrationListener {
    /** A listener that does nothing. */
    MigrationListener NONE = new MigrationListener() {};

    /**
     * A step committed.
     *
     * @param step what ran, in which direction, and how long it took
     */
    default void stepApplied(AppliedStep step) {}

    /**
     * A step failed and was rolled back (the migration then fails with a {@link MigrationException}).
     *
     * @param track     the step's track
     * @param version   the step's version
     * @param direction up or down
     * @param duration  how long it ran before failing
     */
    default void stepFailed(MigrationTrack track, String version, MigrationDirection direction, Duration duration) {}
}
