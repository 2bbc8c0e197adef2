package dev.phoenixkit.cli.internal;

import dev.phoenixkit.cli.ExitCode;
import java.util.Objects;

/**
 * A failure the CLI reports as one message and an exit code. The message never holds a secret.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    /**
     * @param exitCode the process exit code to end with
     * @param message  what went wrong and what to do about it; no secret
     */
    public CliException(ExitCode exitCode, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    /**
     * Bad usage or configuration.
     *
     * @param message what is wrong and how to fix it
     * @return the exception
     */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    /**
     * A failure of the command itself.
     *
     * @param message what failed
     * @return the exception
     */
    public static CliException failure(String message) {
        return new CliException(ExitCode.FAILURE, message);
    }

    /** @return the exit code */
    public ExitCode exitCode() {
        return exitCode;
    }
}
