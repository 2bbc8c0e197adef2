package dev.phoenixkit.integrations.provider;

/**
 * How the OAuth2 client authenticates to the token endpoint (RFC 6749 §2.3.1).
 */
public enum ClientAuthMethod {
    /** {@code client_id} and {@code client_secret} in the form body (PhoenixKit's behaviour; the default). */
    CLIENT_SECRET_POST,
    /** HTTP Basic authentication with the url-encoded {@code client_id} and {@code client_secret}. */
    CLIENT_SECRET_BASIC
}
