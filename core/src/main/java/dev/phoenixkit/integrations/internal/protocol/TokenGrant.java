package dev.phoenixkit.integrations.internal.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful token-endpoint answer. Immutable; {@link #toString()} hides the tokens.
 *
 * @param accessToken  the new access token
 * @param refreshToken the refresh token the answer carried, or {@code null} when it carried none
 * @param tokenType    the token type ({@code "Bearer"} when the answer gave none)
 * @param expiresAt    now plus {@code expires_in}, or {@code null} when the answer gave no integer lifetime
 * @param obtainedAt   when the answer arrived
 */
public record TokenGrant(
        String accessToken, String refreshToken, String tokenType, Instant expiresAt, Instant obtainedAt) {
    /** Validates the components. */
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
    }

    /** @return the rotated refresh token, when the provider sent a non-empty one */
    public Optional<String> newRefreshToken() {
        return refreshToken == null || refreshToken.isEmpty() ? Optional.empty() : Optional.of(refreshToken);
    }

    /** @return when the access token expires, if the provider said */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public String toString() {
        return "TokenGrant[tokenType=" + tokenType + ", expiresAt=" + expiresAt + ", obtainedAt=" + obtainedAt
                + ", refreshToken=" + (newRefreshToken().isPresent() ? "<new>" : "<none>") + "]";
    }
}
