package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.util.List;

/**
 * xAI (Grok models, OpenAI-compatible API) by API key, validated with {@code GET https://api.x.ai/v1/models} and
 * {@code Authorization: Bearer}. Stateless.
 */
public final class Xai {
    /** The provider key. */
    public static final String KEY = "xai";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("xAI")
            .description("AI model access via xAI (Grok models)")
            .icon("hero-sparkles")
            .authType(AuthType.API_KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .baseUrl("https://api.x.ai/v1")
            .validation(ValidationSpec.http("https://api.x.ai/v1/models", "Authorization", "Bearer "))
            .setupField(ApiKeyField.of("xai-...", "From console.x.ai/team/default/api-keys"))
            .capability("ai_completions")
            .capability("realtime_voice")
            .capability("image_generation")
            .instruction(InstructionSection.of(
                    "Create an xAI account",
                    List.of("Go to [accounts.x.ai](https://accounts.x.ai) and sign up or log in")))
            .instruction(InstructionSection.of(
                    "Add credits",
                    List.of(
                            "Go to [console.x.ai](https://console.x.ai) → Billing and add credits",
                            "xAI requires a funded account before the API will return completions")))
            .instruction(InstructionSection.of(
                    "Create an API key",
                    List.of(
                            "Go to [API Keys](https://console.x.ai/team/default/api-keys)",
                            "Click **Create API key**, give it a name",
                            "Copy the key (shown once) and paste it into the form above")))
            .build();

    private Xai() {}

    /** @return the xAI provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
