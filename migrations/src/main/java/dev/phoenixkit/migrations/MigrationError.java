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
     * Another runner held the schema's advisory lock for longer than the lock timeout. Raise it with
     * {@link Migrator#lockTimeout(java.time.Duration)} or find the stuck session in {@code pg_locks}.
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
    /** The {@code phoenix_kit} table comment is not a version number. */
    INVALID_VERSION_MARKER,
    /** A step definition is broken: missing resource, bad name, duplicate version, unknown placeholder. */
    INVALID_STEP,
    /** The database could not be reached or answered a bookkeeping query with an error. */
    DATABASE_ERROR,
    /** The calling thread was interrupted while waiting for the lock. The interrupt flag is restored. */
    INTERRUPTED
}
