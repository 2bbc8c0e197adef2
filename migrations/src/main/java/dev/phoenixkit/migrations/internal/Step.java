package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationTrack;
import dev.phoenixkit.migrations.PendingStep;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration step: its identity, its up script and (optionally) its down script. Immutable.
 *
 * @param track       the track it belongs to
 * @param order       the chain version (e.g. 107) or the library step number (1 for {@code L1}); steps run in
 *                    ascending order within a track
 * @param description what it does
 * @param up          the script that applies it
 * @param down        the script that reverts it, or null when it cannot be reverted
 * @param precheck    read-only checks the down script needs to pass, or null; it raises SQLSTATE {@code PKR01}
 *                    to refuse. A multi-step rollback runs the pre-check of every step it will undo before it
 *                    undoes any, and runs it again in the down step's own transaction
 */
public record Step(
        MigrationTrack track, int order, String description, StepScript up, StepScript down, StepScript precheck) {

    /**
     * Validates the components.
     *
     * @param track see the record description
     * @param order see the record description
     * @param description see the record description
     * @param up see the record description
     * @param down see the record description
     * @param precheck see the record description
     */
    public Step {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(up, "up");
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, was " + order);
        }
    }

    /**
     * A step without a pre-check.
     *
     * @param track       the track it belongs to
     * @param order       the chain version or library step number
     * @param description what it does
     * @param up          the script that applies it
     * @param down        the script that reverts it, or null
     */
    public Step(MigrationTrack track, int order, String description, StepScript up, StepScript down) {
        this(track, order, description, up, down, null);
    }

    /**
     * The version as shown to users and stored in the history.
     *
     * @return {@code "107"} for chain step 107, {@code "L1"} for library step 1
     */
    public String version() {
        return track == MigrationTrack.PHOENIX_KIT ? Integer.toString(order) : "L" + order;
    }

    /**
     * The down script, if any.
     *
     * @return the down script
     */
    public Optional<StepScript> downScript() {
        return Optional.ofNullable(down);
    }

    /**
     * This step as a pending step of the public API.
     *
     * @return the pending-step view
     */
    public PendingStep toPending() {
        return new PendingStep(track, version(), description, up.name());
    }

    /**
     * A short label for messages and logs.
     *
     * @return e.g. {@code V107 (ai endpoints integration uuid)} or {@code L1 (integration audit)}
     */
    public String label() {
        return (track == MigrationTrack.PHOENIX_KIT ? String.format("V%02d", order) : version()) + " (" + description
                + ")";
    }
}
