package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.util.List;

/**
 * OpenAI (GPT, embeddings, images, audio) by API key, validated with {@code GET https://api.openai.com/v1/models}
 * and {@code Authorization: Bearer}. Stateless.
 */
public final class OpenAi {
    /** The provider key. */
    public static final String KEY = "openai";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("OpenAI")
            .description("AI models via OpenAI (GPT, embeddings, images, audio)")
            .icon("hero-sparkles")
            .authType(AuthType.API_KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .baseUrl("https://api.openai.com/v1")
            .validation(ValidationSpec.http("https://api.openai.com/v1/models", "Authorization", "Bearer "))
            .setupField(ApiKeyField.of("sk-...", "From platform.openai.com/api-keys"))
            .capability("ai_completions")
            .capability("ai_embeddings")
            .capability("image_generation")
            .capability("text_to_speech")
            .capability("speech_to_text")
            .instruction(InstructionSection.of(
                    "Create an OpenAI account",
                    List.of("Go to [platform.openai.com](https://platform.openai.com) and sign up or log in")))
            .instruction(InstructionSection.of(
                    "Add credits",
                    List.of(
                            "Go to [Billing](https://platform.openai.com/account/billing/overview) and add a payment"
                                    + " method or credits",
                            "OpenAI requires a positive balance before the API will return completions, even on"
                                    + " cheaper models")))
            .instruction(InstructionSection.of(
                    "Create an API key",
                    List.of(
                            "Go to [API Keys](https://platform.openai.com/api-keys)",
                            "Click **Create new secret key**, give it a name",
                            "Copy the key (shown once) and paste it into the form above"),
                    "If your account belongs to multiple organizations, keys are scoped to the org selected when the"
                            + " key was created."))
            .build();

    private OpenAi() {}

    /** @return the OpenAI provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
