package dev.phoenixkit.integrations.provider;

import java.util.Objects;

/**
 * How to test an API-key or bot-token credential: an HTTP {@code GET} of {@link #url()} with the header
 * {@code authHeader: authPrefix + credential}; 200 means valid. Immutable.
 *
 * <p>PhoenixKit also stores a method; it always sends {@code GET}, and so does this library.
 *
 * @param url        the absolute http(s) URL to call
 * @param authHeader the header that carries the credential, for example {@code "Authorization"}
 * @param authPrefix the text before the credential, for example {@code "Bearer "} (may be empty)
 */
public record ValidationSpec(String url, String authHeader, String authPrefix) {
    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL or {@code authHeader} is
     *                                  blank
     */
    public ValidationSpec {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(authHeader, "authHeader");
        Objects.requireNonNull(authPrefix, "authPrefix");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
        }
        if (authHeader.isBlank()) {
            throw new IllegalArgumentException("authHeader must not be blank");
        }
    }

    /**
     * The common case: {@code Authorization: Bearer <credential>}.
     *
     * @param url the absolute http(s) URL to call
     * @return the spec
     */
    public static ValidationSpec bearer(String url) {
        return new ValidationSpec(url, "Authorization", "Bearer ");
    }

    /**
     * @param newUrl the URL to use instead
     * @return a copy with another URL (used for base-URL overrides)
     */
    public ValidationSpec withUrl(String newUrl) {
        return new ValidationSpec(newUrl, authHeader, authPrefix);
    }
}
