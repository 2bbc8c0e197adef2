package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests credentials against the provider (docs/phoenixkit-reference.md#2-5 {@code do_validate}); never throws. Stateless and thread-safe.
 *
 * <p>OAuth2: needs an {@code access_token} ("No access token"); with a userinfo URL, {@code GET}s it with the
 * bearer token, else accepts. API key and bot token: needs {@code api_key} or {@code bot_token} ("No credentials
 * configured"); with a {@link ValidationSpec}, {@code GET}s its URL with the provider's header and prefix, else
 * accepts. Other auth types are accepted unchecked. Answers map as: 200 ok; 401 "Invalid credentials"; 403 "Access
 * denied"; any other N "Service error N"; no answer (including a timeout) "Could not reach the service"; anything
 * unexpected "Validation failed unexpectedly".
 */
public final class CredentialValidator {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialValidator.class);

    private final ProviderHttp http;

    /** @param http the HTTP plumbing; its timeout bounds each check (default 15 s) */
    public CredentialValidator(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * @param provider the provider
     * @param data     the (decrypted) connection data or attributes to test
     * @return the outcome
     */
    public ValidationResult validate(ProviderDefinition provider, Map<String, ?> data) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(data, "data");
        try {
            return switch (provider.authType()) {
                case OAUTH2 -> validateOauth(provider.oauthConfig().orElseThrow(), data);
                case API_KEY, BOT_TOKEN -> validateKey(provider.validation(), data);
                case KEY_SECRET, CREDENTIALS -> ValidationResult.ok();
            };
        } catch (IntegrationException e) {
            if (e.error() == IntegrationError.TRANSPORT_FAILED) {
                return ValidationResult.error("Could not reach the service");
            }
            LOG.warn("Validation of a {} connection failed unexpectedly: {}", provider.key(), e.getMessage());
            return ValidationResult.error("Validation failed unexpectedly");
        } catch (RuntimeException e) {
            LOG.warn("Validation of a {} connection failed unexpectedly: {}", provider.key(),
                    e.getClass().getSimpleName());
            return ValidationResult.error("Validation failed unexpectedly");
        }
    }

    /**
     * @param status an HTTP status
     * @return the validation outcome PhoenixKit gives that status
     */
    public static ValidationResult fromStatus(int status) {
        return switch (status) {
            case 200 -> ValidationResult.ok();
            case 401 -> ValidationResult.error("Invalid credentials");
            case 403 -> ValidationResult.error("Access denied");
            default -> ValidationResult.error("Service error " + status);
        };
    }

    private ValidationResult validateOauth(OAuthConfig config, Map<String, ?> data) {
        Optional<String> token = FieldText.of(data, Fields.ACCESS_TOKEN);
        if (token.isEmpty()) {
            return ValidationResult.error("No access token");
        }
        Optional<String> url = config.userinfoUrl().filter(text -> !text.isBlank());
        if (url.isEmpty()) {
            return ValidationResult.ok();
        }
        return fromStatus(http.get(URI.create(url.get()), "Authorization", "Bearer " + token.get()).status());
    }

    private ValidationResult validateKey(Optional<ValidationSpec> spec, Map<String, ?> data) {
        Optional<String> token = FieldText.of(data, Fields.API_KEY).or(() -> FieldText.of(data, Fields.BOT_TOKEN));
        if (token.isEmpty()) {
            return ValidationResult.error("No credentials configured");
        }
        if (spec.isEmpty()) {
            return ValidationResult.ok();
        }
        if (!(spec.get() instanceof ValidationSpec.Http validation)) {
            return ValidationResult.ok();
        }
        return fromStatus(http.get(URI.create(validation.url()), validation.authHeader(),
                validation.authPrefix() + token.get()).status());
    }
}
