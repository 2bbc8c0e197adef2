package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.internal.json.Timestamps;
import dev.phoenixkit.integrations.internal.protocol.TokenGrant;
import dev.phoenixkit.integrations.provider.AuthType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the token fields of a connection's data. */
final class TokenState {
    private TokenState() {}

    static boolean isOauth(IntegrationData data) {
        return AuthType.OAUTH2.wireValue().equals(data.get(Fields.AUTH_TYPE));
    }

    /** PhoenixKit's bearer choice: {@code access_token}, else {@code api_key}, else {@code bot_token}, else "". */
    static String bearerToken(IntegrationData data) {
        return data.getString(Fields.ACCESS_TOKEN)
                .or(() -> data.getString(Fields.API_KEY))
                .or(() -> data.getString(Fields.BOT_TOKEN))
                .orElse("");
    }

    static Optional<Instant> expiresAt(IntegrationData data) {
        return Timestamps.parse(data.get(Fields.EXPIRES_AT));
    }

    /** Whether an OAuth token expires within {@code skew} of {@code now} (unknown expiry: no). */
    static boolean expiresWithin(IntegrationData data, Instant now, Duration skew) {
        return expiresAt(data).map(expiry -> !expiry.isAfter(now.plus(skew))).orElse(false);
    }

    static boolean isExpired(IntegrationData data, Instant now) {
        return expiresAt(data).map(expiry -> !expiry.isAfter(now)).orElse(false);
    }

    /** Whether the connection can be refreshed: OAuth2 with a refresh token. */
    static boolean canRefresh(IntegrationData data) {
        return isOauth(data) && data.getString(Fields.REFRESH_TOKEN).isPresent();
    }

    /** Writes the common token fields of a grant (docs/phoenixkit-reference.md#5-3, #5-4). */
    static void putGrant(Map<String, Object> fields, TokenGrant grant) {
        fields.put(Fields.ACCESS_TOKEN, grant.accessToken());
        fields.put(Fields.EXPIRES_AT, grant.expiry().map(Timestamps::format).orElse(null));
        fields.put(Fields.TOKEN_OBTAINED_AT, Timestamps.format(grant.obtainedAt()));
        grant.newRefreshToken().ifPresent(token -> fields.put(Fields.REFRESH_TOKEN, token));
    }
}
