package dev.phoenixkit.integrations.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import org.junit.jupiter.api.Test;

/** Pins {@code amazon_bedrock} to PhoenixKit's definition (providers.ex, reference §4). */
class AmazonBedrockTest {
    private final ProviderDefinition provider = AmazonBedrock.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(provider.key()).isEqualTo("amazon_bedrock");
        assertThat(provider.name()).isEqualTo("Amazon Bedrock");
        assertThat(provider.description())
                .isEqualTo("AWS Bedrock LLMs via a Bedrock API key (OpenAI-compatible endpoint: gpt-oss models; the"
                        + " rest via native Converse)");
        assertThat(provider.icon()).isEqualTo("hero-sparkles");
        assertThat(provider.authType()).isEqualTo(AuthType.API_KEY);
        assertThat(provider.oauthConfig()).isEmpty();
        assertThat(provider.scopes()).containsExactly(ProviderScope.SYSTEM, ProviderScope.PERSONAL);
        assertThat(provider.baseUrl()).contains("https://bedrock-runtime.eu-central-1.amazonaws.com/openai/v1");
        assertThat(provider.capabilities()).containsExactly("ai_completions");
    }

    @Test
    void validationIsTheNamedStrategy() {
        assertThat(provider.validation())
                .get()
                .isInstanceOfSatisfying(
                        ValidationSpec.Strategy.class,
                        strategy -> assertThat(strategy.name()).isEqualTo("amazon_bedrock"));
    }

    @Test
    void setupFieldsAreTheKeyAndTheRegion() {
        assertThat(provider.setupFields())
                .containsExactly(
                        SetupField.builder("api_key")
                                .label("Bedrock API key")
                                .type(SetupFieldType.PASSWORD)
                                .required(true)
                                .placeholder("ABSK…")
                                .help("AWS console → Amazon Bedrock → API keys (long-term key)")
                                .build(),
                        SetupField.builder("aws_region")
                                .label("Region")
                                .type(SetupFieldType.TEXT)
                                .required(true)
                                .placeholder("eu-central-1")
                                .build());
    }

    @Test
    void instructionsHaveThreeSectionsTheFirstWithTheBearerTokenNote() {
        assertThat(provider.instructions())
                .extracting(InstructionSection::title)
                .containsExactly("Create a Bedrock API key", "Enable model access", "Use it from the AI module");
        assertThat(provider.instructions())
                .extracting(section -> section.steps().size())
                .containsExactly(3, 2, 2);
        assertThat(provider.instructions().get(0).note())
                .contains("The key's IAM identity must allow the `bedrock:CallWithBearerToken` action — without it"
                        + " every Bearer call answers 403 even when invoke permissions are in place.");
        assertThat(provider.instructions().get(0).steps().get(2))
                .isEqualTo("Copy the key (shown once, `ABSK…`) and paste it into the form above");
    }
}
