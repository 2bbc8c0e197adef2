package dev.phoenixkit.cli;

/**
 * The CLI's documented exit codes. Scripts may rely on them; they are printed in every command's {@code --help}.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** The command ran and failed: the database or a provider refused, a connection was not found, a test failed. */
    FAILURE(1),
    /** Bad usage or bad configuration: unknown option, missing setting, invalid input. Nothing was changed. */
    USAGE(2),
    /** {@code info --check}: the schema has pending migration steps. */
    PENDING_MIGRATIONS(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the process exit status */
    public int code() {
        return code;
    }
}
