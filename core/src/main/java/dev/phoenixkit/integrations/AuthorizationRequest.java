package dev.phoenixkit.integrations;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A started OAuth2 authorization ({@link Integrations#beginAuthorization}): where to send the browser, and the
 * state the callback must bring back. The state (and the PKCE verifier, which never leaves the library) is stored on
 * the connection until {@link #expiresAt()}; {@link Integrations#completeAuthorization} accepts it once. Immutable.
 * {@link #toString()} redacts the state (and the URL's query, which carries it).
 *
 * @param url       the provider's authorization URL, with {@code state} and the PKCE challenge
 * @param state     the single-use CSRF state (32 random bytes, url-safe Base64)
 * @param expiresAt when the state stops being accepted
 */
public record AuthorizationRequest(URI url, String state, Instant expiresAt) {
    /** Validates the components. */
    public AuthorizationRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return the URL without its query, the state redacted, and the expiry */
    @Override
    public String toString() {
        String where = url.getScheme() + "://" + (url.getHost() == null ? "?" : url.getHost())
                + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (url.getRawPath() == null ? "" : url.getRawPath());
        return "AuthorizationRequest[url=" + where + "?<redacted>, state=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
