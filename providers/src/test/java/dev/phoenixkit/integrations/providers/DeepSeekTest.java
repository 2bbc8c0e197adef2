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

class DeepSeekTest {
    private final ProviderDefinition provider = DeepSeek.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(provider.key()).isEqualTo("deepseek");
        assertThat(provider.name()).isEqualTo("DeepSeek");
        assertThat(provider.description()).isEqualTo("AI model access via DeepSeek (deepseek-chat, deepseek-reasoner)");
        assertThat(provider.icon()).isEqualTo("hero-sparkles");
        assertThat(provider.authType()).isEqualTo(AuthType.API_KEY);
        assertThat(provider.oauthConfig()).isEmpty();
        assertThat(provider.capabilities()).containsExactly("ai_completions");
        assertThat(provider.scopes()).containsExactly(ProviderScope.SYSTEM, ProviderScope.PERSONAL);
        assertThat(provider.baseUrl()).contains("https://api.deepseek.com/v1");
    }

    @Test
    void validationIsABearerGetOfTheProvidersEndpoint() {
        assertThat(provider.validation())
                .contains(ValidationSpec.http("https://api.deepseek.com/models", "Authorization", "Bearer "));
    }

    @Test
    void setupFieldIsTheRequiredPasswordApiKey() {
        assertThat(provider.setupFields())
                .containsExactly(SetupField.builder("api_key")
                        .label("API Key")
                        .type(SetupFieldType.PASSWORD)
                        .required(true)
                        .placeholder("sk-...")
                        .help("From platform.deepseek.com/api_keys")
                        .build());
    }

    @Test
    void instructionsHaveThreeSections() {
        assertThat(provider.instructions())
                .extracting(InstructionSection::title)
                .containsExactly("Create a DeepSeek account", "Add credits", "Create an API key");
    }
}
