package dev.phoenixkit.integrations.providers.internal;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.provider.CheckContext;
import dev.phoenixkit.integrations.provider.CheckResponse;
import dev.phoenixkit.integrations.provider.CredentialCheck;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PhoenixKit's {@code Validators.telegram/1}: {@code GET https://api.telegram.org/bot<token>/getMe}. 200 passes,
 * with {@code "Connected as @<username>"} when the answer is {@code {"ok":true,"result":{"username":...}}}; 401 or
 * 404 "Invalid bot token"; any other N "Telegram error N"; no answer "Could not reach Telegram". No retry.
 *
 * <p>Telegram puts the token in the URL path, so it is sent in a URL; it never reaches a log line or a message
 * (transport failures name the host only). A token with characters a bot token never has (Telegram's are
 * {@code <digits>:<letters, digits, _ and ->}) is answered "Invalid bot token" without a call, as Telegram would
 * answer it, so no such text is ever put into a URL. Stateless and thread-safe.
 */
public final class TelegramCheck implements CredentialCheck {
    /** The strategy name PhoenixKit's definition carries. */
    public static final String NAME = "telegram";

    /** The Bot API base, before overrides. */
    public static final String API_BASE = "https://api.telegram.org";

    /** The one instance (stateless). */
    public static final TelegramCheck INSTANCE = new TelegramCheck();

    private static final Logger LOG = LoggerFactory.getLogger(TelegramCheck.class);
    private static final Pattern URL_SAFE_TOKEN = Pattern.compile("^[A-Za-z0-9:_-]+$");

    private TelegramCheck() {}

    @Override
    public ValidationResult check(CheckContext context) {
        Optional<String> token = context.text(Fields.BOT_TOKEN);
        if (token.isEmpty()) {
            return ValidationResult.error("No bot token configured");
        }
        if (!URL_SAFE_TOKEN.matcher(token.get()).matches()) {
            return ValidationResult.error("Invalid bot token");
        }
        CheckResponse response;
        try {
            response = context.get(API_BASE + "/bot" + token.get() + "/getMe", Map.of());
        } catch (IntegrationException e) {
            if (e.error() != IntegrationError.TRANSPORT_FAILED) {
                throw e;
            }
            LOG.warn("Telegram connection check failed: {}", e.getMessage());
            return ValidationResult.error("Could not reach Telegram");
        }
        return switch (response.status()) {
            case 200 ->
                response.json()
                        .flatMap(TelegramCheck::username)
                        .map(username -> ValidationResult.ok("Connected as @" + username))
                        .orElseGet(ValidationResult::ok);
            case 401, 404 -> ValidationResult.error("Invalid bot token");
            default -> ValidationResult.error("Telegram error " + response.status());
        };
    }

    private static Optional<String> username(Map<String, Object> body) {
        if (Boolean.TRUE.equals(body.get("ok"))
                && body.get("result") instanceof Map<?, ?> result
                && result.get("username") instanceof String username
                && !username.isEmpty()) {
            return Optional.of(username);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "TelegramCheck";
    }
}
