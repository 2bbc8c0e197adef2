package dev.phoenixkit.migrations;

import java.util.Objects;

/**
 * A step that {@link Migrator#migrate()} would apply next. Immutable.
 *
 * @param track       which track the step belongs to
 * @param version     the PhoenixKit number ({@code "107"}) or the library id ({@code "L1"})
 * @param description what the step does
 * @param script      the script (classpath resource name or Java step name) that implements it
 */
public record PendingStep(MigrationTrack track, String version, String description, String script) {

    /**
     * Validates that no component is null.
     *
     * @param track see the record description
     * @param version see the record description
     * @param description see the record description
     * @param script see the record description
     */
    public PendingStep {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
    }
}
