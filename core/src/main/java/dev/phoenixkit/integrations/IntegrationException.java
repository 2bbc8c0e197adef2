package dev.phoenixkit.integrations;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one exception type of this library. It is unchecked; {@link #error()} says what went wrong.
 *
 * <p>Messages are written for people and never contain a secret value (tokens, keys, client secrets) nor
 * SQL bound parameters. Where the provider answered with an HTTP status (a refused refresh or token exchange),
 * {@link #httpStatus()} carries it (also on an exception {@linkplain #causedBy caused by} such an answer, for
 * example {@code TOKEN_REFRESH_FAILED}); where it answered with an RFC 6749 error code (for example
 * {@code invalid_grant}), {@link #oauthError()} carries that.
 */
public final class IntegrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int NO_STATUS = -1;

    private final IntegrationError error;
    private final int httpStatus;
    private final String oauthError;

    /**
     * Creates an exception with a code and a human-readable message.
     *
     * @param error   the machine-readable code
     * @param message what went wrong; must not contain secrets
     */
    public IntegrationException(IntegrationError error, String message) {
        this(error, message, null, NO_STATUS, null);
    }

    /**
     * Creates an exception with a code, a message and a cause.
     *
     * @param error   the machine-readable code
     * @param message what went wrong; must not contain secrets
     * @param cause   the underlying failure, or {@code null}
     */
    public IntegrationException(IntegrationError error, String message, Throwable cause) {
        this(error, message, cause, NO_STATUS, null);
    }

    /**
     * An exception for an HTTP answer of a provider (a refused token exchange or refresh, a failed userinfo call,
     * a 401).
     *
     * @param error      the machine-readable code
     * @param message    what went wrong; must not contain secrets
     * @param httpStatus the provider's HTTP status (100 to 599)
     * @param oauthError the provider's RFC 6749 {@code error} code, or {@code null} if it sent none
     * @return the exception, with {@link #httpStatus()} and {@link #oauthError()} set
     * @throws IllegalArgumentException if {@code httpStatus} is not an HTTP status
     */
    public static IntegrationException fromProviderAnswer(
            IntegrationError error, String message, int httpStatus, String oauthError) {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 100..599, was " + httpStatus);
        }
        return new IntegrationException(error, message, null, httpStatus, oauthError);
    }

    /**
     * An exception caused by another one of this library, carrying its provider answer: the new exception's
     * {@link #httpStatus()} and {@link #oauthError()} are the cause's (for example {@code TOKEN_REFRESH_FAILED}
     * with the status the token endpoint refused the refresh with).
     *
     * @param error   the machine-readable code
     * @param message what went wrong; must not contain secrets
     * @param cause   the underlying failure
     * @return the exception
     */
    public static IntegrationException causedBy(IntegrationError error, String message, IntegrationException cause) {
        Objects.requireNonNull(cause, "cause");
        return new IntegrationException(error, message, cause, cause.httpStatus, cause.oauthError);
    }

    private IntegrationException(
            IntegrationError error, String message, Throwable cause, int httpStatus, String oauthError) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.httpStatus = httpStatus;
        this.oauthError = oauthError;
    }

    /** @return what went wrong */
    public IntegrationError error() {
        return error;
    }

    /** @return the provider's HTTP status, when the failure came from an HTTP answer */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** @return the provider's RFC 6749 error code (for example {@code invalid_grant}), when it sent one */
    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }

    @Override
    public String toString() {
        return "IntegrationException[" + error + (httpStatus >= 0 ? ", HTTP " + httpStatus : "")
                + (oauthError != null ? ", " + oauthError : "") + "]: " + getMessage();
    }
}
