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

class MistralTest {
    private final ProviderDefinition provider = Mistral.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(provider.key()).isEqualTo("mistral");
        assertThat(provider.name()).isEqualTo("Mistral");
        assertThat(provider.description())
                .isEqualTo("AI model access via Mistral AI (Mistral Large, Codestral, Pixtral)");
        assertThat(provider.icon()).isEqualTo("hero-sparkles");
        assertThat(provider.authType()).isEqualTo(AuthType.API_KEY);
        assertThat(provider.oauthConfig()).isEmpty();
        assertThat(provider.capabilities()).containsExactly("ai_completions", "ai_embeddings");
        assertThat(provider.scopes()).containsExactly(ProviderScope.SYSTEM, ProviderScope.PERSONAL);
        assertThat(provider.baseUrl()).contains("https://api.mistral.ai/v1");
    }

    @Test
    void validationIsABearerGetOfTheProvidersEndpoint() {
        assertThat(provider.validation())
                .contains(ValidationSpec.http("https://api.mistral.ai/v1/models", "Authorization", "Bearer "));
    }

    @Test
    void setupFieldIsTheRequiredPasswordApiKey() {
        assertThat(provider.setupFields())
                .containsExactly(SetupField.builder("api_key")
                        .label("API Key")
                        .type(SetupFieldType.PASSWORD)
                        .required(true)
                        .placeholder("...")
                        .help("From console.mistral.ai/api-keys")
                        .build());
    }

    @Test
    void instructionsHaveThreeSections() {
        assertThat(provider.instructions())
                .extracting(InstructionSection::title)
                .containsExactly("Create a Mistral account", "Add a payment method", "Create an API key");
        assertThat(provider.instructions().get(1).note())
                .hasValueSatisfying(note -> assertThat(note).contains("hard requirement"));
    }
}
