package dev.phoenixkit.integrations;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of testing a connection's credentials against its provider.
 *
 * <p>Immutable. Three kinds, as in PhoenixKit 2.x: {@link #ok()}; {@link #ok(String)}, a success that carries a
 * note the operator should see (such as {@code "Connected as @mybot"} or a quota); and {@link #error(String)} with a
 * human-readable reason such as {@code "Invalid credentials"}. {@link #validationStatus()} is the text PhoenixKit
 * stores in the row's {@code validation_status} field: {@code "ok"}, the note itself, or
 * {@code "error: <reason>"}; in the first two cases the row's {@code status} is {@code "connected"}. So
 * {@code validation_status} is open text: decide health from {@code status}, never from
 * {@code validation_status == "ok"}.
 */
public final class ValidationResult {
    private static final ValidationResult OK = new ValidationResult(true, null, "ok");

    private final boolean ok;
    private final String note;
    private final String message;

    private ValidationResult(boolean ok, String note, String message) {
        this.ok = ok;
        this.note = note;
        this.message = message;
    }

    /** @return the successful result without a note */
    public static ValidationResult ok() {
        return OK;
    }

    /**
     * A success with something the operator needs to know (PhoenixKit's {@code {:ok, note}}).
     *
     * @param note the note, for people; must not contain secrets; a blank note gives {@link #ok()}
     * @return a successful result carrying the note
     */
    public static ValidationResult ok(String note) {
        Objects.requireNonNull(note, "note");
        return note.isBlank() ? OK : new ValidationResult(true, note, note);
    }

    /**
     * @param message why validation failed, for people; must not contain secrets
     * @return a failed result
     */
    public static ValidationResult error(String message) {
        Objects.requireNonNull(message, "message");
        return new ValidationResult(false, null, message);
    }

    /**
     * Reads the outcome back from a row's fields, the way PhoenixKit writes them.
     *
     * @param status           the row's {@code status} ({@code "connected"} means success)
     * @param validationStatus the row's {@code validation_status}: {@code "ok"}, a note or {@code "error: …"}
     * @return the result: {@code ok()}, {@code ok(note)} or {@code error(reason)}
     */
    public static ValidationResult fromStored(String status, String validationStatus) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validationStatus, "validationStatus");
        if (ConnectionStatus.CONNECTED.wireValue().equals(status)) {
            return "ok".equals(validationStatus) ? OK : ok(validationStatus);
        }
        return error(validationStatus.startsWith("error: ") ? validationStatus.substring(7) : validationStatus);
    }

    /** @return whether the credentials were accepted (with or without a note) */
    public boolean isOk() {
        return ok;
    }

    /** @return the success note, if this is a success that carries one */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /** @return the failure reason, the success note, or {@code "ok"} for a plain success */
    public String message() {
        return message;
    }

    /** @return {@code "ok"}, the note, or {@code "error: " + message()}, as PhoenixKit stores it */
    public String validationStatus() {
        return ok ? message : "error: " + message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValidationResult that
                && ok == that.ok
                && Objects.equals(note, that.note)
                && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ok, note, message);
    }

    @Override
    public String toString() {
        return ok
                ? (note == null ? "ValidationResult[ok]" : "ValidationResult[ok: " + note + "]")
                : "ValidationResult[error: " + message + "]";
    }
}
