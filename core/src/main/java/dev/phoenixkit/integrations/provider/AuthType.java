package dev.phoenixkit.integrations.provider;

import dev.phoenixkit.integrations.Fields;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a provider authenticates, stored in a connection's {@code auth_type} field as {@link #wireValue()}.
 *
 * <p>Which field holds the runtime credential depends on the type: {@code access_token} for {@link #OAUTH2},
 * {@code api_key} for {@link #API_KEY}, {@code bot_token} for {@link #BOT_TOKEN}, {@code access_key} (with
 * {@code secret_key}) for {@link #KEY_SECRET} and the {@code credentials} map for {@link #CREDENTIALS}.
 */
public enum AuthType {
    /** OAuth2 authorization-code flow (Google, Microsoft 365). */
    OAUTH2,
    /** A single API key sent as a header (OpenRouter, Mistral, DeepSeek). */
    API_KEY,
    /** An access key plus a secret key (for example AWS, Twilio). */
    KEY_SECRET,
    /** A bot token (for example Telegram, Discord). */
    BOT_TOKEN,
    /** A free-form credentials map (for example SMTP, databases). */
    CREDENTIALS;

    /**
     * The fields a connection of this auth type stores for its credentials, whatever its provider declares as setup
     * fields (PhoenixKit's names; {@link ProviderDefinition#knownFields()} adds them to the provider's own).
     *
     * @return for {@link #OAUTH2} the app's {@code client_id}, {@code client_secret}, {@code tenant_id}, the tokens
     *         with {@code token_type}, {@code expires_at}, {@code token_obtained_at}, {@code scopes} and PhoenixKit's
     *         {@code oauth_state}; for {@link #API_KEY} {@code api_key}; for {@link #BOT_TOKEN} {@code bot_token};
     *         for {@link #KEY_SECRET} {@code access_key} and {@code secret_key}; for {@link #CREDENTIALS} the
     *         {@code credentials} map
     */
    public List<String> credentialFields() {
        return switch (this) {
            case OAUTH2 ->
                List.of(
                        Fields.CLIENT_ID,
                        Fields.CLIENT_SECRET,
                        Fields.TENANT_ID,
                        Fields.ACCESS_TOKEN,
                        Fields.REFRESH_TOKEN,
                        Fields.TOKEN_TYPE,
                        Fields.EXPIRES_AT,
                        Fields.TOKEN_OBTAINED_AT,
                        Fields.SCOPES,
                        Fields.OAUTH_STATE);
            case API_KEY -> List.of(Fields.API_KEY);
            case BOT_TOKEN -> List.of(Fields.BOT_TOKEN);
            case KEY_SECRET -> List.of(Fields.ACCESS_KEY, Fields.SECRET_KEY);
            case CREDENTIALS -> List.of(Fields.CREDENTIALS);
        };
    }

    /** @return the lowercase text PhoenixKit stores, for example {@code "oauth2"} or {@code "api_key"} */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the stored text.
     *
     * @param value the stored text, for example {@code "api_key"}
     * @return the type, or empty when the text is not one of the five wire values
     */
    public static Optional<AuthType> fromWireValue(String value) {
        Objects.requireNonNull(value, "value");
        for (AuthType type : values()) {
            if (type.wireValue().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
