package dev.phoenixkit.integrations;

import java.util.Objects;

/**
 * The outcome of testing a connection's credentials against its provider.
 *
 * <p>Immutable. {@link #ok()} is success; {@link #error(String)} carries a human-readable reason such as
 * {@code "Invalid credentials"}. {@link #validationStatus()} is the text PhoenixKit stores in the row's
 * {@code validation_status} field: {@code "ok"} or {@code "error: <reason>"}.
 */
public final class ValidationResult {
    private static final ValidationResult OK = new ValidationResult(true, "ok");

    private final boolean ok;
    private final String message;

    private ValidationResult(boolean ok, String message) {
        this.ok = ok;
        this.message = message;
    }

    /** @return the successful result */
    public static ValidationResult ok() {
        return OK;
    }

    /**
     * @param message why validation failed, for people; must not contain secrets
     * @return a failed result
     */
    public static ValidationResult error(String message) {
        Objects.requireNonNull(message, "message");
        return new ValidationResult(false, message);
    }

    /** @return whether the credentials were accepted */
    public boolean isOk() {
        return ok;
    }

    /** @return the failure reason, or {@code "ok"} for success */
    public String message() {
        return message;
    }

    /** @return {@code "ok"} or {@code "error: " + message()}, as PhoenixKit stores it */
    public String validationStatus() {
        return ok ? "ok" : "error: " + message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValidationResult that && ok == that.ok && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ok, message);
    }

    @Override
    public String toString() {
        return ok ? "ValidationResult[ok]" : "ValidationResult[error: " + message + "]";
    }
}
