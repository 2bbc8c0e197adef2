package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.util.List;

/**
 * Mistral AI (Mistral Large, Codestral, Pixtral) by API key, validated with
 * {@code GET https://api.mistral.ai/v1/models}. Stateless.
 */
public final class Mistral {
    /** The provider key. */
    public static final String KEY = "mistral";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("Mistral")
            .description("AI model access via Mistral AI (Mistral Large, Codestral, Pixtral)")
            .icon("hero-sparkles")
            .authType(AuthType.API_KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .baseUrl("https://api.mistral.ai/v1")
            .validation(ValidationSpec.http("https://api.mistral.ai/v1/models", "Authorization", "Bearer "))
            .setupField(ApiKeyField.of("...", "From console.mistral.ai/api-keys"))
            .capability("ai_completions")
            .capability("ai_embeddings")
            .instruction(InstructionSection.of(
                    "Create a Mistral account",
                    List.of("Sign up at [console.mistral.ai](https://console.mistral.ai) (phone verification may be "
                            + "required)")))
            .instruction(InstructionSection.of(
                    "Add a payment method",
                    List.of("Open **Workspace → Billing**", "Choose the **Experiment** plan or a paid tier"),
                    "This is a hard requirement: without billing set up, even the free models refuse requests."))
            .instruction(InstructionSection.of(
                    "Create an API key",
                    List.of(
                            "Open [API Keys](https://console.mistral.ai/api-keys) and click **Create new key**",
                            "Optionally set an expiry",
                            "Copy the key (it is shown only once) into the form above")))
            .build();

    private Mistral() {}

    /** @return the Mistral provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
