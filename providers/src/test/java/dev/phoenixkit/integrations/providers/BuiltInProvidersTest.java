package dev.phoenixkit.integrations.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.integrations.provider.SetupField;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/phoenixkit-reference.md#11-5 (providers_test.exs), ported to the registry. */
class BuiltInProvidersTest {
    private final ProviderRegistry registry = ProviderRegistry.loadDefault();

    @Test
    void loadDefaultFindsTheBuiltInsThroughServiceLoaderInPhoenixKitOrder() {
        assertThat(registry.all())
                .extracting(ProviderDefinition::key)
                .containsExactly(
                        "google",
                        "microsoft",
                        "openai",
                        "openrouter",
                        "mistral",
                        "deepseek",
                        "xai",
                        "elevenlabs",
                        "amazon_bedrock",
                        "aws_ses",
                        "object_storage",
                        "smtp",
                        "brevo_api",
                        "telegram",
                        "github");
        assertThat(new BuiltInProviders().builtIn()).isTrue();
    }

    @Test
    void googleIsOauth2WithGoogleUrls() {
        ProviderDefinition google = registry.get("google").orElseThrow();

        assertThat(google.name()).isEqualTo("Google");
        assertThat(google.authType()).isEqualTo(AuthType.OAUTH2);
        var oauth = google.oauthConfig().orElseThrow();
        assertThat(oauth.authUrl()).contains("accounts.google.com");
        assertThat(oauth.tokenUrl()).contains("oauth2.googleapis.com");
        assertThat(oauth.userinfoUrl().orElseThrow()).contains("googleapis.com/oauth2");
    }

    @Test
    void openrouterIsApiKeyWithoutOauthConfig() {
        ProviderDefinition openrouter = registry.get("openrouter").orElseThrow();

        assertThat(openrouter.name()).isEqualTo("OpenRouter");
        assertThat(openrouter.authType()).isEqualTo(AuthType.API_KEY);
        assertThat(openrouter.oauthConfig()).isEmpty();
    }

    @Test
    void setupFieldKeysMatchTheAuthType() {
        assertThat(registry.get("google").orElseThrow().setupFields())
                .extracting(SetupField::key)
                .contains("client_id", "client_secret");
        assertThat(registry.get("openrouter").orElseThrow().setupFields())
                .extracting(SetupField::key)
                .contains("api_key");
    }

    @Test
    void everyProviderHasKeyNameDescriptionIconValidAuthTypeFieldsAndCapabilities() {
        assertThat(registry.all()).allSatisfy(provider -> {
            assertThat(provider.key()).isNotBlank();
            assertThat(provider.name()).isNotBlank();
            assertThat(provider.description()).isNotBlank();
            assertThat(provider.icon()).startsWith("hero-");
            assertThat(Arrays.asList(AuthType.values())).contains(provider.authType());
            assertThat(provider.setupFields()).isNotEmpty();
            assertThat(provider.capabilities()).isNotEmpty();
            // PhoenixKit gives object_storage, smtp and brevo_api no instructions.
            assertThat(provider.instructions().isEmpty())
                    .isEqualTo(List.of("object_storage", "smtp", "brevo_api").contains(provider.key()));
            assertThat(provider.oauthConfig().isPresent()).isEqualTo(provider.authType() == AuthType.OAUTH2);
        });
    }

    @Test
    void getWhenKnownKeyOrReferenceThenFoundWhenUnknownOrEmptyThenEmpty() {
        assertThat(registry.get("google:personal")).map(ProviderDefinition::key).contains("google");
        assertThat(registry.get("mistral")).isPresent();
        assertThat(registry.get("nonexistent")).isEmpty();
        assertThat(registry.get("")).isEmpty();
    }

    @Test
    void ownGoogleWhenAddedThenBuildFailsAndWhenReplacedThenItTakesTheBuiltInsPlace() {
        ProviderDefinition own = ProviderDefinition.builder("google")
                .name("Not Google")
                .authType(AuthType.API_KEY)
                .build();
        ProviderDefinition extra = ProviderDefinition.builder("acme_chat")
                .name("Acme Chat")
                .authType(AuthType.BOT_TOKEN)
                .build();

        assertThatThrownBy(
                        () -> ProviderRegistry.builder().add(own).loadServices().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'google' is defined twice");

        ProviderRegistry merged = ProviderRegistry.builder()
                .replace(own)
                .add(extra)
                .loadServices()
                .build();
        assertThat(merged.get("google")).map(ProviderDefinition::name).contains("Not Google");
        assertThat(merged.all())
                .extracting(ProviderDefinition::key)
                .startsWith("google", "microsoft", "openai", "openrouter")
                .endsWith("github", "acme_chat");
    }

    @Test
    void rebuildingTheRegistryGivesEqualDefinitions() {
        assertThat(ProviderRegistry.loadDefault().all()).isEqualTo(registry.all());
        assertThat(List.copyOf(new BuiltInProviders().providers())).isEqualTo(registry.all());
    }
}
