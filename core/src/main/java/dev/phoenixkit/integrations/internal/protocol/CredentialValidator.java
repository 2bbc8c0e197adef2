package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.provider.CredentialCheck;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tests credentials against the provider (docs/phoenixkit-reference.md#2-5 {@code do_validate}); never throws.
 * Thread-safe.
 *
 * <p>Dispatch, as PhoenixKit's {@code do_validate}: a provider whose {@link ValidationSpec} is a
 * {@link ValidationSpec.Strategy} runs that strategy's {@link CredentialCheck}, whatever its auth type. Otherwise
 * OAuth2 needs an {@code access_token} ("No access token") and, with a userinfo URL, {@code GET}s it with the bearer
 * token; API key and bot token run the generic HTTP check ({@link GenericHttpCheck}) when the provider has an
 * {@link ValidationSpec.Http}, else need only a key ("No credentials configured"); key/secret and credentials
 * providers without a strategy are accepted unchecked. Every check that calls out runs in the {@link CheckRunner}
 * under the deadline: statuses map by {@link CredentialCheck#fromStatus(int)}; no answer, a transport failure or a
 * crash gives "Could not reach the service"; the deadline "The service did not respond in time".
 */
public final class CredentialValidator {
    private final ProviderHttp http;
    private final CheckRunner runner;
    private final ProviderRegistry registry;
    private final Clock clock;

    /**
     * A validator with its own runner (default deadline), no URL overrides beyond the definitions' own, and the
     * system clock; for tests of the HTTP mapping.
     *
     * @param http the HTTP plumbing; its timeout bounds each call
     */
    public CredentialValidator(ProviderHttp http) {
        this(
                http,
                new CheckRunner(CheckRunner.DEFAULT_DEADLINE),
                ProviderRegistry.builder().build(),
                Clock.systemUTC());
    }

    /**
     * @param http     the HTTP plumbing; its timeout bounds each call (and the deadline bounds it further)
     * @param runner   runs the checks under the deadline
     * @param registry resolves the URLs strategies build ({@link ProviderRegistry#resolveUrl(String, String)})
     * @param clock    the instance's clock, given to strategies
     */
    public CredentialValidator(ProviderHttp http, CheckRunner runner, ProviderRegistry registry, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param provider the provider
     * @param data     the (decrypted) connection data or attributes to test, as plain JSON values
     * @return the outcome
     */
    public ValidationResult validate(ProviderDefinition provider, Map<String, ?> data) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(data, "data");
        Optional<ValidationSpec> spec = provider.validation();
        CredentialCheck check;
        if (spec.isPresent() && spec.get() instanceof ValidationSpec.Strategy strategy) {
            check = strategy.check();
        } else {
            switch (provider.authType()) {
                case OAUTH2 -> {
                    if (FieldText.of(data, Fields.ACCESS_TOKEN).isEmpty()) {
                        return ValidationResult.error("No access token");
                    }
                    Optional<String> url =
                            provider.oauthConfig().orElseThrow().userinfoUrl().filter(text -> !text.isBlank());
                    if (url.isEmpty()) {
                        return ValidationResult.ok();
                    }
                    check = context -> CredentialCheck.fromStatus(context.get(
                                    url.get(),
                                    Map.of(
                                            "Authorization",
                                            "Bearer "
                                                    + FieldText.of(context.data(), Fields.ACCESS_TOKEN)
                                                            .orElseThrow()))
                            .status());
                }
                case API_KEY, BOT_TOKEN -> {
                    if (GenericHttpCheck.key(data).isEmpty()) {
                        return ValidationResult.error("No credentials configured");
                    }
                    if (spec.isEmpty()) {
                        return ValidationResult.ok();
                    }
                    check = new GenericHttpCheck((ValidationSpec.Http) spec.get());
                }
                default -> {
                    return ValidationResult.ok();
                }
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>(data);
        CredentialCheck chosen = check;
        return runner.run(
                provider.key(),
                deadlineNanos -> chosen.check(new CheckSession(provider, copy, http, registry, clock, deadlineNanos)));
    }

    /**
     * @param status an HTTP status
     * @return the validation outcome PhoenixKit gives that status ({@link CredentialCheck#fromStatus(int)})
     */
    public static ValidationResult fromStatus(int status) {
        return CredentialCheck.fromStatus(status);
    }
}
