package dev.phoenixkit.migrations;

/**
 * Why a {@link MigrationException} was thrown. Each constant documents its usual remedy.
 */
public enum MigrationError {
    /**
     * A step's SQL (or Java code) failed. Its transaction was rolled back; the version marker stays at the last
     * step that succeeded. The message names the step and carries the SQLState and the server's message.
     */
    STEP_FAILED,
    /**
     * The script of a step that the history records as applied has changed since it ran. Restore the original
     * script, or ship the change as a new step.
     */
    CHECKSUM_MISMATCH,
    /**
     * Another runner held the schema's advisory lock, or PhoenixKit's chain lock (advisory lock
     * {@value Migrator#PHOENIX_KIT_CHAIN_LOCK}, taken by PhoenixKit's migrations and {@code mix phoenix_kit.repair}),
     * for longer than the lock timeout. The message says which. Raise the wait with
     * {@link Migrator#lockTimeout(java.time.Duration)}, or find the holding session in {@code pg_locks}
     * ({@code locktype = 'advisory'}): usually a PhoenixKit migration or repair still running.
     */
    LOCK_TIMEOUT,
    /**
     * A rollback was refused: a step's pre-check found data the down step cannot handle (the message says which
     * and how to fix it), the step has no down script, or the schema is newer than this library. The pre-check of
     * every step a rollback will undo runs before it undoes any, so a refusal normally means nothing was changed;
     * should a down step still refuse after others were undone (its data changed during the run), the message
     * lists the steps already undone and the version marker the schema is now at.
     */
    ROLLBACK_REFUSED,
    /** The requested target version is outside the range this library can migrate or roll back to. */
    INVALID_TARGET,
    /**
     * The {@code phoenix_kit} table comment is not a version number. PhoenixKit refuses such a schema too (it
     * decides which migrations run, so neither side guesses): establish the real state with
     * {@code mix phoenix_kit.doctor}, then restamp it with {@code COMMENT ON TABLE <schema>.phoenix_kit IS '<n>'}.
     */
    INVALID_VERSION_MARKER,
    /**
     * The {@code phoenix_kit} table exists but has no comment. PhoenixKit 2.x refuses such a schema (before its
     * V135 squash it read it as version 1 and replayed its chain; it no longer guesses, and neither does this
     * library). Establish the real state with {@code mix phoenix_kit.doctor}, then restamp it with
     * {@code COMMENT ON TABLE <schema>.phoenix_kit IS '<n>'}; on a database only this library manages, the version
     * its history records ({@link Migrator#history()}).
     */
    MISSING_VERSION_MARKER,
    /**
     * The schema is marked as PhoenixKit-managed (version {@value Migrator#PHOENIX_KIT_FLOOR} or higher, so this
     * library runs none of PhoenixKit's steps on it), but a table or column this library reads or writes is missing
     * or has another type than that version has. Nothing was changed. Let PhoenixKit repair the schema
     * ({@code mix phoenix_kit.doctor}, then {@code mix phoenix_kit.repair}) or migrate it with PhoenixKit, then run
     * the migrator again.
     */
    SCHEMA_MISMATCH,
    /** A step definition is broken: missing resource, bad name, duplicate version, unknown placeholder. */
    INVALID_STEP,
    /** The database could not be reached or answered a bookkeeping query with an error. */
    DATABASE_ERROR,
    /** The calling thread was interrupted while waiting for the lock. The interrupt flag is restored. */
    INTERRUPTED
}
