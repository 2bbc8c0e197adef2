package dev.phoenixkit.migrations;

import java.util.List;
import java.util.Objects;

/**
 * The state of a schema as seen by {@link Migrator#info()}. Immutable.
 *
 * @param currentVersion       the PhoenixKit version marker (0: no {@code phoenix_kit} table). May exceed
 *                             {@link Migrator#LATEST} when PhoenixKit migrated further, or after
 *                             {@code migrate(}{@link Migrator#UUID_KEYS}{@code )}.
 * @param pending              steps {@link Migrator#migrate()} would apply, chain first, then the library track
 *                             (never the opt-in V114)
 * @param appliedLibrarySteps  ids of the library-track steps currently applied ({@code "L1"}, …), in order
 */
public record MigrationInfo(int currentVersion, List<PendingStep> pending, List<String> appliedLibrarySteps) {

    /**
     * Copies the lists defensively.
     *
     * @param currentVersion see the record description
     * @param pending see the record description
     * @param appliedLibrarySteps see the record description
     */
    public MigrationInfo {
        pending = List.copyOf(Objects.requireNonNull(pending, "pending"));
        appliedLibrarySteps = List.copyOf(Objects.requireNonNull(appliedLibrarySteps, "appliedLibrarySteps"));
    }

    /**
     * Whether {@code migrate()} has nothing to do.
     *
     * @return {@code true} when no step is pending
     */
    public boolean upToDate() {
        return pending.isEmpty();
    }
}
