package dev.phoenixkit.integrations;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one exception type of this library. It is unchecked; {@link #error()} says what went wrong.
 *
 * <p>Messages are written for people and never contain a secret value (tokens, keys, client secrets) nor
 * SQL bound parameters. Where the provider answered with an HTTP status (a refused refresh or token exchange),
 * {@link #httpStatus()} carries it; where it answered with an RFC 6749 error code (for example
 * {@code invalid_grant}), {@link #oauthError()} carries that.
 */
public final class IntegrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

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
        this(error, message, null, -1, null);
    }

    /**
     * Creates an exception with a code, a message and a cause.
     *
     * @param error   the machine-readable code
     * @param message what went wrong; must not contain secrets
     * @param cause   the underlying failure, or {@code null}
     */
    public IntegrationException(IntegrationError error, String message, Throwable cause) {
        this(error, message, cause, -1, null);
    }

    /**
     * Creates an exception for a provider answer.
     *
     * @param error      the machine-readable code
     * @param message    what went wrong; must not contain secrets
     * @param cause      the underlying failure, or {@code null}
     * @param httpStatus the provider's HTTP status, or {@code -1} if there was none
     * @param oauthError the provider's RFC 6749 {@code error} code, or {@code null}
     */
    public IntegrationException(IntegrationError error, String message, Throwable cause, int httpStatus,
            String oauthError) {
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
