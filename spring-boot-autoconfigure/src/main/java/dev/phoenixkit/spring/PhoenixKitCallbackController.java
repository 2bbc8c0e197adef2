package dev.phoenixkit.spring;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one OAuth2 callback for every connection (default {@code /phoenixkit/oauth/callback}): completes the
 * authorization by its state alone ({@link Integrations#completeAuthorization(String, String, URI)}), then
 * redirects to {@code callback.success-redirect?connection=<uuid>}. A provider error, a bad or replayed state or a
 * failed exchange redirects to {@code callback.error-redirect?error=<code>} or, without one, answers a short plain
 * page (400 for the caller's errors, 502 for the provider's); never a stack trace, never a secret.
 */
@Controller
public class PhoenixKitCallbackController {
    private static final Logger LOG = LoggerFactory.getLogger(PhoenixKitCallbackController.class);

    private final Integrations integrations;
    private final PhoenixKitProperties.Callback settings;

    /**
     * @param integrations the facade
     * @param properties   the properties
     */
    public PhoenixKitCallbackController(Integrations integrations, PhoenixKitProperties properties) {
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.settings = properties.getCallback();
    }

    /**
     * @param state   the {@code state} parameter
     * @param code    the {@code code} parameter, absent when the provider answered with an error
     * @param request the request (for the redirect URI when none is configured)
     * @return a redirect, or the failure page
     */
    @GetMapping("${" + PhoenixKitProperties.PREFIX + ".callback.path:/phoenixkit/oauth/callback}")
    public ResponseEntity<String> callback(
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "code", required = false) String code,
            HttpServletRequest request) {
        try {
            Connection connection = integrations.completeAuthorization(state, code, redirectUri(request));
            return redirect(UriComponentsBuilder.fromUriString(settings.getSuccessRedirect())
                    .queryParam("connection", connection.uuid())
                    .build()
                    .toUri());
        } catch (IntegrationException e) {
            LOG.info("OAuth callback failed: {}", e.error());
            return failure(e.error());
        }
    }

    private URI redirectUri(HttpServletRequest request) {
        if (settings.getRedirectUri() != null && !settings.getRedirectUri().isBlank()) {
            return URI.create(settings.getRedirectUri());
        }
        return URI.create(request.getRequestURL().toString());
    }

    private ResponseEntity<String> failure(IntegrationError error) {
        String code = error.name().toLowerCase(Locale.ROOT);
        if (settings.getErrorRedirect() != null && !settings.getErrorRedirect().isBlank()) {
            return redirect(UriComponentsBuilder.fromUriString(settings.getErrorRedirect())
                    .queryParam("error", code)
                    .build()
                    .toUri());
        }
        HttpStatus status = PhoenixKitProblemDetails.status(error).is5xxServerError()
                ? HttpStatus.BAD_GATEWAY
                : HttpStatus.BAD_REQUEST;
        String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Connection not completed</title>"
                + "</head><body><h1>The connection was not completed</h1><p>" + HtmlUtils.htmlEscape(explain(error))
                + "</p><p>Error: <code>" + HtmlUtils.htmlEscape(code) + "</code></p></body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }

    private static String explain(IntegrationError error) {
        return switch (error) {
            case STATE_MISMATCH -> "This authorization link is unknown, expired or was already used. Start again.";
            case AUTHORIZATION_DENIED -> "The provider did not grant access.";
            case TOKEN_EXCHANGE_FAILED, USERINFO_FAILED, TRANSPORT_FAILED ->
                "The provider could not complete the connection. Try again later.";
            default -> "The connection could not be completed.";
        };
    }

    private static ResponseEntity<String> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location.toString())
                .build();
    }
}
