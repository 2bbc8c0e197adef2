package dev.phoenixkit.integrations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token to send to a provider, as {@link Integrations#accessToken(java.util.UUID)} hands it out: its value, its
 * type (the {@code Authorization} scheme, {@code "Bearer"} unless the provider said otherwise) and, for OAuth2
 * tokens with a known lifetime, its expiry.
 *
 * <p>Immutable. {@link #toString()} never shows the value; compare tokens with {@link #equals(Object)}.
 */
public final class AccessToken {
    private final String value;
    private final String type;
    private final Instant expiresAt;

    private AccessToken(String value, String type, Instant expiresAt) {
        this.value = value;
        this.type = type;
        this.expiresAt = expiresAt;
    }

    /**
     * @param value     the token text, not blank
     * @param type      the scheme, for example {@code "Bearer"}; not blank
     * @param expiresAt when the token expires, or {@code null} when unknown or never
     * @return the token
     * @throws IntegrationException {@code INVALID} for a null or blank value or type
     */
    public static AccessToken of(String value, String type, Instant expiresAt) {
        if (value == null || value.isBlank()) {
            throw new IntegrationException(IntegrationError.INVALID, "An access token needs a non-blank value");
        }
        if (type == null || type.isBlank()) {
            throw new IntegrationException(IntegrationError.INVALID, "An access token needs a non-blank type");
        }
        return new AccessToken(value, type, expiresAt);
    }

    /** @return the token text to send; a secret */
    public String value() {
        return value;
    }

    /** @return the scheme, for example {@code "Bearer"} */
    public String type() {
        return type;
    }

    /** @return when the token expires; empty for API keys, bot tokens and OAuth2 tokens without a known expiry */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** @return the {@code Authorization} header value: {@code type + " " + value}; a secret */
    public String authorizationHeader() {
        return type + " " + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken that
                && value.equals(that.value)
                && type.equals(that.type)
                && Objects.equals(expiresAt, that.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, type, expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[type=" + type + ", value=<redacted>, expiresAt="
                + (expiresAt == null ? "unknown" : expiresAt.toString()) + "]";
    }
}
