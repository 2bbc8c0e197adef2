package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.internal.json.Timestamps;
import java.util.Objects;
import java.util.Optional;

/**
 * The token fields a caller read from a connection: enough to tell later whether someone else refreshed (or
 * replaced) the token since. Immutable; {@link #toString()} hides the token.
 *
 * @param accessToken the access token read, or {@code null} when there was none
 * @param obtainedAt  the {@code token_obtained_at} text read, or {@code null} when there was none
 * @param expiresAt   the {@code expires_at} text read, or {@code null} when there was none
 */
public record TokenSnapshot(String accessToken, String obtainedAt, String expiresAt) {
    /**
     * @param data a connection's data
     * @return the snapshot of its token fields
     */
    public static TokenSnapshot of(IntegrationData data) {
        Objects.requireNonNull(data, "data");
        return new TokenSnapshot(
                data.getString(Fields.ACCESS_TOKEN).orElse(null),
                data.getString(Fields.TOKEN_OBTAINED_AT).orElse(null),
                data.getString(Fields.EXPIRES_AT).orElse(null));
    }

    /** @return the access token, if one was read */
    public Optional<String> token() {
        return Optional.ofNullable(accessToken);
    }

    /** @return the expiry read, if there was a parsable one */
    public Optional<java.time.Instant> expiry() {
        return Timestamps.parse(expiresAt);
    }

    /**
     * Whether {@code current} holds an access token other than the one read: a different token, or the same token
     * obtained at another time (a provider may hand out the same token again on refresh).
     *
     * @param current the connection's data now
     * @return whether the token was refreshed or replaced since this snapshot
     */
    public boolean replacedIn(IntegrationData current) {
        TokenSnapshot now = of(current);
        return now.accessToken != null
                && (!now.accessToken.equals(accessToken) || !Objects.equals(now.obtainedAt, obtainedAt));
    }

    @Override
    public String toString() {
        return "TokenSnapshot[token=" + (accessToken == null ? "none" : "<redacted>") + ", obtainedAt=" + obtainedAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
