package dev.phoenixkit.migrations;

import java.util.Objects;

/**
 * The one exception type of the migrations module. Unchecked; {@link #error()} says what kind of failure it
 * is, the message names what was wrong (the step, the script, the SQL error). Never carries secret values.
 */
public final class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    private final MigrationError error;

    /**
     * Creates an exception without a cause.
     *
     * @param error   the kind of failure, not null
     * @param message what was wrong, not null
     */
    public MigrationException(MigrationError error, String message) {
        this(error, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param error   the kind of failure, not null
     * @param message what was wrong, not null
     * @param cause   the underlying exception, may be null
     */
    public MigrationException(MigrationError error, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /**
     * The kind of failure.
     *
     * @return the error code, never null
     */
    public MigrationError error() {
        return error;
    }
}
