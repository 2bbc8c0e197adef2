package dev.phoenixkit.integrations.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiKeyProvidersTest {

    private static SetupField apiKey(String placeholder, String help) {
        return SetupField.builder("api_key").label("API Key").type(SetupFieldType.PASSWORD).required(true)
                .placeholder(placeholder).help(help).build();
    }

    @Nested
    @DisplayName("openrouter")
    class OpenRouterTest {
        private final ProviderDefinition openrouter = OpenRouter.definition();

        @Test
        void definitionMatchesPhoenixKit() {
            assertThat(openrouter.key()).isEqualTo("openrouter");
            assertThat(openrouter.name()).isEqualTo("OpenRouter");
            assertThat(openrouter.description()).isEqualTo("AI model access via OpenRouter (100+ models)");
            assertThat(openrouter.icon()).isEqualTo("hero-sparkles");
            assertThat(openrouter.authType()).isEqualTo(AuthType.API_KEY);
            assertThat(openrouter.oauthConfig()).isEmpty();
            assertThat(openrouter.validation()).contains(
                    new ValidationSpec("https://openrouter.ai/api/v1/auth/key", "Authorization", "Bearer "));
            assertThat(openrouter.setupFields()).containsExactly(apiKey("sk-or-v1-...", "From openrouter.ai/keys"));
            assertThat(openrouter.capabilities()).containsExactly("ai_completions", "ai_embeddings");
            assertThat(openrouter.instructions()).extracting(InstructionSection::title).containsExactly(
                    "Create an OpenRouter account", "Create an API key", "Add credits (optional)");
        }
    }

    @Nested
    @DisplayName("mistral")
    class MistralTest {
        private final ProviderDefinition mistral = Mistral.definition();

        @Test
        void definitionMatchesPhoenixKit() {
            assertThat(mistral.key()).isEqualTo("mistral");
            assertThat(mistral.name()).isEqualTo("Mistral");
            assertThat(mistral.description())
                    .isEqualTo("AI model access via Mistral AI (Mistral Large, Codestral, Pixtral)");
            assertThat(mistral.icon()).isEqualTo("hero-sparkles");
            assertThat(mistral.authType()).isEqualTo(AuthType.API_KEY);
            assertThat(mistral.oauthConfig()).isEmpty();
            assertThat(mistral.validation()).contains(
                    new ValidationSpec("https://api.mistral.ai/v1/models", "Authorization", "Bearer "));
            assertThat(mistral.setupFields()).containsExactly(apiKey("...", "From console.mistral.ai/api-keys"));
            assertThat(mistral.capabilities()).containsExactly("ai_completions", "ai_embeddings");
            assertThat(mistral.instructions()).extracting(InstructionSection::title).containsExactly(
                    "Create a Mistral account", "Add a payment method", "Create an API key");
            assertThat(mistral.instructions().get(1).note()).isPresent();
        }
    }

    @Nested
    @DisplayName("deepseek")
    class DeepSeekTest {
        private final ProviderDefinition deepseek = DeepSeek.definition();

        @Test
        void definitionMatchesPhoenixKit() {
            assertThat(deepseek.key()).isEqualTo("deepseek");
            assertThat(deepseek.name()).isEqualTo("DeepSeek");
            assertThat(deepseek.description())
                    .isEqualTo("AI model access via DeepSeek (deepseek-chat, deepseek-reasoner)");
            assertThat(deepseek.icon()).isEqualTo("hero-sparkles");
            assertThat(deepseek.authType()).isEqualTo(AuthType.API_KEY);
            assertThat(deepseek.oauthConfig()).isEmpty();
            assertThat(deepseek.validation()).contains(
                    new ValidationSpec("https://api.deepseek.com/models", "Authorization", "Bearer "));
            assertThat(deepseek.setupFields()).containsExactly(apiKey("sk-...", "From platform.deepseek.com/api_keys"));
            assertThat(deepseek.capabilities()).containsExactly("ai_completions");
            assertThat(deepseek.instructions()).extracting(InstructionSection::title).containsExactly(
                    "Create a DeepSeek account", "Add credits", "Create an API key");
        }
    }
}
