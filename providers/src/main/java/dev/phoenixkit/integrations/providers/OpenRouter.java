package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.util.List;

/**
 * OpenRouter (100+ AI models) by API key, validated with {@code GET https://openrouter.ai/api/v1/auth/key}.
 * Stateless.
 */
public final class OpenRouter {
    /** The provider key. */
    public static final String KEY = "openrouter";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("OpenRouter")
            .description("AI model access via OpenRouter (100+ models)")
            .icon("hero-sparkles")
            .authType(AuthType.API_KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .baseUrl("https://openrouter.ai/api/v1")
            .validation(ValidationSpec.http("https://openrouter.ai/api/v1/auth/key", "Authorization", "Bearer "))
            .setupField(ApiKeyField.of("sk-or-v1-...", "From openrouter.ai/keys"))
            .capability("ai_completions")
            .capability("ai_embeddings")
            .capability("image_generation")
            .instruction(InstructionSection.of(
                    "Create an OpenRouter account",
                    List.of(
                            "Sign up or log in at [openrouter.ai](https://openrouter.ai)",
                            "Open [Keys](https://openrouter.ai/keys)")))
            .instruction(InstructionSection.of(
                    "Create an API key",
                    List.of(
                            "Click **Create Key**",
                            "Name it (for example after your application)",
                            "Paste the key into the form above")))
            .instruction(InstructionSection.of(
                    "Add credits (optional)",
                    List.of(
                            "A few models are free; most need credits",
                            "Add funds on the [Credits](https://openrouter.ai/credits) page")))
            .build();

    private OpenRouter() {}

    /** @return the OpenRouter provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
