package dev.phoenixkit.integrations.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import org.junit.jupiter.api.Test;

class OpenRouterTest {
    private final ProviderDefinition provider = OpenRouter.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(provider.key()).isEqualTo("openrouter");
        assertThat(provider.name()).isEqualTo("OpenRouter");
        assertThat(provider.description()).isEqualTo("AI model access via OpenRouter (100+ models)");
        assertThat(provider.icon()).isEqualTo("hero-sparkles");
        assertThat(provider.authType()).isEqualTo(AuthType.API_KEY);
        assertThat(provider.oauthConfig()).isEmpty();
        assertThat(provider.capabilities()).containsExactly("ai_completions", "ai_embeddings", "image_generation");
        assertThat(provider.scopes()).containsExactly(ProviderScope.SYSTEM, ProviderScope.PERSONAL);
        assertThat(provider.baseUrl()).contains("https://openrouter.ai/api/v1");
    }

    @Test
    void validationIsABearerGetOfTheProvidersEndpoint() {
        assertThat(provider.validation())
                .contains(ValidationSpec.http("https://openrouter.ai/api/v1/auth/key", "Authorization", "Bearer "));
    }

    @Test
    void setupFieldIsTheRequiredPasswordApiKey() {
        assertThat(provider.setupFields())
                .containsExactly(SetupField.builder("api_key")
                        .label("API Key")
                        .type(SetupFieldType.PASSWORD)
                        .required(true)
                        .placeholder("sk-or-v1-...")
                        .help("From openrouter.ai/keys")
                        .build());
    }

    @Test
    void instructionsHaveThreeSections() {
        assertThat(provider.instructions())
                .extracting(InstructionSection::title)
                .containsExactly("Create an OpenRouter account", "Create an API key", "Add credits (optional)");
    }
}
