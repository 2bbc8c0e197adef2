package dev.phoenixkit.migrations;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Migrator#migrate()} or {@link Migrator#rollback(int)} run did. Immutable.
 *
 * @param fromVersion the PhoenixKit version marker before the run (0 when there was no {@code phoenix_kit} table)
 * @param toVersion   the version marker after the run
 * @param applied     the steps that ran and committed, in execution order (both tracks); empty when nothing was
 *                    to do
 */
public record MigrationReport(int fromVersion, int toVersion, List<AppliedStep> applied) {

    /**
     * Copies {@code applied} defensively.
     *
     * @param fromVersion see the record description
     * @param toVersion see the record description
     * @param applied see the record description
     */
    public MigrationReport {
        applied = List.copyOf(Objects.requireNonNull(applied, "applied"));
    }

    /**
     * Whether the run executed no step at all.
     *
     * @return {@code true} when {@link #applied()} is empty
     */
    public boolean nothingToDo() {
        return applied.isEmpty();
    }
}
