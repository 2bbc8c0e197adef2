package dev.phoenixkit.spring;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Opt-in ({@code phoenixkit.integrations.problem-details=true}): an {@link IntegrationException} leaving a host
 * controller becomes an RFC 9457 problem: 404 for {@code NOT_CONFIGURED}, {@code DELETED}, {@code NOT_FOUND}; 409 for
 * {@code ALREADY_EXISTS}; 400 for invalid input and {@code STATE_MISMATCH}; 502 for provider failures and 504 when
 * the provider could not be reached. The body carries the error code and the exception's message, which never holds a
 * secret; no stack trace.
 */
@RestControllerAdvice
public class PhoenixKitProblemDetails {
    /** The problem type prefix; the error code follows, for example {@code ...#not_configured}. */
    public static final String TYPE = "https://phoenixkit.dev/problems/integrations#";

    /**
     * @param error an error
     * @return its HTTP status
     */
    public static HttpStatus status(IntegrationError error) {
        return switch (error) {
            case NOT_CONFIGURED, DELETED, NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ALREADY_EXISTS -> HttpStatus.CONFLICT;
            case TRANSPORT_FAILED -> HttpStatus.GATEWAY_TIMEOUT;
            case REFRESH_FAILED, TOKEN_EXCHANGE_FAILED, USERINFO_FAILED, TOKEN_REFRESH_FAILED, UNAUTHORIZED ->
                HttpStatus.BAD_GATEWAY;
            case STORAGE_FAILED, DECRYPTION_FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /**
     * @param exception the failure
     * @return its problem
     */
    @ExceptionHandler(IntegrationException.class)
    public ProblemDetail handle(IntegrationException exception) {
        HttpStatus status = status(exception.error());
        String code = exception.error().name().toLowerCase(Locale.ROOT);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                status.is5xxServerError() && status != HttpStatus.BAD_GATEWAY && status != HttpStatus.GATEWAY_TIMEOUT
                        ? "The integration store failed"
                        : exception.getMessage());
        problem.setType(URI.create(TYPE + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("error", code);
        return problem;
    }
}
