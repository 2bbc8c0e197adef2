package dev.phoenixkit.testkit.fake;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the fake authorization server sent the browser after the user "consented": the redirect URI with
 * {@code code} and {@code state}, or with {@code error}. Immutable.
 */
public final class AuthorizationRedirect {
    private final URI location;
    private final String code;
    private final String state;
    private final String error;

    /**
     * @param location the {@code Location} header
     * @param code     the authorization code, or {@code null} on error
     * @param state    the echoed state, or {@code null} when none was sent
     * @param error    the RFC 6749 error code, or {@code null} on success
     */
    public AuthorizationRedirect(URI location, String code, String state, String error) {
        this.location = Objects.requireNonNull(location, "location");
        this.code = code;
        this.state = state;
        this.error = error;
    }

    /** @return the full redirect target */
    public URI location() {
        return location;
    }

    /**
     * @return the authorization code
     * @throws IllegalStateException when the server redirected with an error instead
     */
    public String code() {
        if (code == null) {
            throw new IllegalStateException("the authorization server answered with error " + error);
        }
        return code;
    }

    /** @return the state the server echoed, if the request carried one */
    public Optional<String> state() {
        return Optional.ofNullable(state);
    }

    /** @return the RFC 6749 error code, when the server refused */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return "AuthorizationRedirect[" + (error == null ? "code" : "error=" + error) + "]";
    }
}
