package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.protocol.CredentialValidator;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.fake.Fault;
import dev.phoenixkit.testkit.fake.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/phoenixkit-reference.md#2-5 do_validate and its HTTP mapping, over loopback. */
class CredentialValidatorTest {
    private static final String GOOD_KEY = "sk-good-key";

    private final FakeProviderServer fake = FakeProviderServer.start().addApiKey(GOOD_KEY);
    private final ProviderRegistry registry = fake.providerRegistry();
    private final CredentialValidator validator = new CredentialValidator(OAuthFixture.http(Duration.ofSeconds(15)));

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private ValidationResult validate(String provider, Map<String, ?> data) {
        return validator.validate(registry.get(provider).orElseThrow(), data);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openrouter", "mistral", "deepseek"})
    void validateWhenApiKeyAcceptedThenOkAndTheProvidersHeaderWasSent(String provider) {
        assertThat(validate(provider, Map.of("api_key", GOOD_KEY))).isEqualTo(ValidationResult.ok());

        RecordedRequest request = fake.requests(FakeEndpoint.API_KEY).get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("authorization")).contains("Bearer " + GOOD_KEY);
    }

    @Test
    void validateWhenApiKeyRejectedThenInvalidCredentials() {
        assertThat(validate("openrouter", Map.of("api_key", "sk-wrong")))
                .isEqualTo(ValidationResult.error("Invalid credentials"));
    }

    @Test
    void validateWhenFaultsThenMappedAsPhoenixKitDoes() {
        Map<Fault, ValidationResult> expected = Map.of(
                Fault.UNAUTHORIZED, ValidationResult.error("Invalid credentials"),
                Fault.FORBIDDEN, ValidationResult.error("Access denied"),
                Fault.TOO_MANY_REQUESTS, ValidationResult.error("Service error 429"),
                Fault.SERVER_ERROR, ValidationResult.error("Service error 500"),
                Fault.SERVICE_UNAVAILABLE, ValidationResult.error("Service error 503"),
                Fault.DISCONNECT, ValidationResult.error("Could not reach the service"),
                Fault.MALFORMED_JSON, ValidationResult.ok());
        expected.forEach((fault, result) -> {
            fake.fail(FakeEndpoint.API_KEY, fault);
            assertThat(validate("mistral", Map.of("api_key", GOOD_KEY)))
                    .as(fault.name())
                    .isEqualTo(result);
        });
    }

    @Test
    void validateWhenServiceSlowerThanTheTimeoutThenCouldNotReachTheService() {
        CredentialValidator impatient = new CredentialValidator(OAuthFixture.http(Duration.ofMillis(300)));
        fake.fail(FakeEndpoint.API_KEY, Fault.SLOW);

        assertThat(impatient.validate(registry.get("deepseek").orElseThrow(), Map.of("api_key", GOOD_KEY)))
                .isEqualTo(ValidationResult.error("Could not reach the service"));
    }

    @Test
    void validateWhenNoKeyThenNoCredentialsConfiguredWithoutACall() {
        assertThat(validate("openrouter", Map.of())).isEqualTo(ValidationResult.error("No credentials configured"));
        assertThat(validate("openrouter", Map.of("api_key", "")))
                .isEqualTo(ValidationResult.error("No credentials configured"));
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void validateWhenBotTokenProviderThenTheBotTokenIsUsedWithTheConfiguredHeaderAndPrefix() {
        ProviderDefinition bot = ProviderDefinition.builder("telegram")
                .name("Telegram")
                .authType(AuthType.BOT_TOKEN)
                .validation(ValidationSpec.http(fake.uri("/models").toString(), "X-Bot-Token", "tok:"))
                .build();

        ValidationResult result = validator.validate(bot, Map.of("bot_token", "123"));

        assertThat(result).isEqualTo(ValidationResult.error("Invalid credentials"));
        assertThat(fake.requests().get(0).header("x-bot-token")).contains("tok:123");
    }

    @Test
    void validateWhenApiKeyProviderHasNoValidationSpecThenOkWithoutACall() {
        ProviderDefinition unchecked = ProviderDefinition.builder("custom")
                .name("Custom")
                .authType(AuthType.API_KEY)
                .build();

        assertThat(validator.validate(unchecked, Map.of("api_key", "k"))).isEqualTo(ValidationResult.ok());
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void validateWhenKeySecretOrCredentialsThenOkUnchecked() {
        for (AuthType type : List.of(AuthType.KEY_SECRET, AuthType.CREDENTIALS)) {
            ProviderDefinition provider =
                    ProviderDefinition.builder("p").name("P").authType(type).build();
            assertThat(validator.validate(provider, Map.of())).isEqualTo(ValidationResult.ok());
        }
    }

    @Test
    void validateWhenOauthWithoutAccessTokenThenNoAccessToken() {
        assertThat(validate("google", Map.of("client_id", "c"))).isEqualTo(ValidationResult.error("No access token"));
    }

    @Test
    void validateWhenOauthTokenValidThenOkThroughUserinfoAndWhenExpiredThenInvalidCredentials() {
        String token = fake.issueTokens().accessToken();

        assertThat(validate("microsoft", Map.of("access_token", token))).isEqualTo(ValidationResult.ok());
        fake.expireAccessTokens();
        assertThat(validate("google", Map.of("access_token", token)))
                .isEqualTo(ValidationResult.error("Invalid credentials"));
        assertThat(fake.requests(FakeEndpoint.USERINFO))
                .extracting(RecordedRequest::path)
                .containsExactly("/v1.0/me", "/oauth2/v2/userinfo");
    }

    @Test
    void fromStatusMapsEveryStatus() {
        assertThat(CredentialValidator.fromStatus(200)).isEqualTo(ValidationResult.ok());
        assertThat(CredentialValidator.fromStatus(401).message()).isEqualTo("Invalid credentials");
        assertThat(CredentialValidator.fromStatus(403).message()).isEqualTo("Access denied");
        assertThat(CredentialValidator.fromStatus(404).message()).isEqualTo("Service error 404");
        assertThat(CredentialValidator.fromStatus(201).message()).isEqualTo("Service error 201");
    }
}
