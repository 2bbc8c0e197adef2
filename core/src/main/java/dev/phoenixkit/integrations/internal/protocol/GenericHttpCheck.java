package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.provider.CheckContext;
import dev.phoenixkit.integrations.provider.CredentialCheck;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PhoenixKit's generic api_key/bot_token check as a {@link CredentialCheck}: needs {@code api_key} or
 * {@code bot_token} ("No credentials configured"), then {@code GET url} with {@code authHeader: authPrefix + key},
 * mapped by {@link CredentialCheck#fromStatus(int)}. The URL is used as the definition holds it (already rebased by
 * the registry). Immutable.
 *
 * @param spec the provider's HTTP validation
 */
record GenericHttpCheck(ValidationSpec.Http spec) implements CredentialCheck {
    GenericHttpCheck {
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public ValidationResult check(CheckContext context) {
        Optional<String> token = key(context.data());
        if (token.isEmpty()) {
            return ValidationResult.error("No credentials configured");
        }
        return CredentialCheck.fromStatus(
                context.get(spec.url(), Map.of(spec.authHeader(), spec.authPrefix() + token.get()))
                        .status());
    }

    /**
     * @param data connection data
     * @return {@code api_key}, else {@code bot_token}, when one is non-blank text
     */
    static Optional<String> key(Map<String, ?> data) {
        return FieldText.of(data, Fields.API_KEY).or(() -> FieldText.of(data, Fields.BOT_TOKEN));
    }
}
