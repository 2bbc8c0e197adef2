package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.util.List;

/**
 * DeepSeek (deepseek-chat, deepseek-reasoner) by API key, validated with
 * {@code GET https://api.deepseek.com/models}. Stateless.
 */
public final class DeepSeek {
    /** The provider key. */
    public static final String KEY = "deepseek";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("DeepSeek")
            .description("AI model access via DeepSeek (deepseek-chat, deepseek-reasoner)")
            .icon("hero-sparkles")
            .authType(AuthType.API_KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .baseUrl("https://api.deepseek.com/v1")
            .validation(ValidationSpec.http("https://api.deepseek.com/models", "Authorization", "Bearer "))
            .setupField(ApiKeyField.of("sk-...", "From platform.deepseek.com/api_keys"))
            .capability("ai_completions")
            .instruction(InstructionSection.of(
                    "Create a DeepSeek account",
                    List.of("Sign up at [platform.deepseek.com](https://platform.deepseek.com)")))
            .instruction(
                    InstructionSection.of(
                            "Add credits",
                            List.of(
                                    "Open **Top up** and add funds; a positive balance is needed even for the cheapest models")))
            .instruction(InstructionSection.of(
                    "Create an API key",
                    List.of(
                            "Open [API Keys](https://platform.deepseek.com/api_keys) and click **Create API key**",
                            "Copy the key (it is shown only once) into the form above")))
            .build();

    private DeepSeek() {}

    /** @return the DeepSeek provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
