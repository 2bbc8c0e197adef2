package dev.phoenixkit.migrations;

import java.time.Duration;
import java.util.Objects;

/**
 * One step that a {@code migrate} or {@code rollback} run executed and committed. Immutable.
 *
 * @param track       which track the step belongs to
 * @param version     the step's version: the PhoenixKit number ({@code "107"}) or the library id ({@code "L1"})
 * @param description what the step does, taken from its script name ({@code "ai endpoints integration uuid"})
 * @param direction   {@link MigrationDirection#UP} for migrate, {@link MigrationDirection#DOWN} for rollback
 * @param duration    wall time the step took, including its commit
 */
public record AppliedStep(
        MigrationTrack track, String version, String description, MigrationDirection direction, Duration duration) {

    /**
     * Validates that no component is null.
     *
     * @param track see the record description
     * @param version see the record description
     * @param description see the record description
     * @param direction see the record description
     * @param duration see the record description
     */
    public AppliedStep {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(duration, "duration");
    }
}
