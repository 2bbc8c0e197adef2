package dev.phoenixkit.integrations.provider;

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
