package dev.phoenixkit.testkit.fake;

/**
 * Tokens issued directly by {@link FakeProviderServer#issueTokens()}, for seeding a connected row without the
 * browser round trip. Immutable; {@link #toString()} hides the values.
 *
 * @param accessToken    a valid access token
 * @param refreshToken   a valid refresh token
 * @param expiresInSeconds the access token's lifetime in seconds
 */
public record FakeTokens(String accessToken, String refreshToken, long expiresInSeconds) {
    @Override
    public String toString() {
        return "FakeTokens[expiresInSeconds=" + expiresInSeconds + "]";
    }
}
