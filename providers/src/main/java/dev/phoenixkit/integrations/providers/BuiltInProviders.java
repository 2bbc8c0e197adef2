package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderSource;
import dev.phoenixkit.integrations.providers.aws.AmazonBedrock;
import dev.phoenixkit.integrations.providers.aws.AwsSes;
import dev.phoenixkit.integrations.providers.aws.ObjectStorage;
import dev.phoenixkit.integrations.providers.smtp.Smtp;
import java.util.List;

/**
 * The library's built-in providers, in PhoenixKit's order ({@code builtin_providers/0}): google, microsoft, openai,
 * openrouter, mistral, deepseek, xai, elevenlabs, amazon_bedrock, aws_ses, object_storage, smtp, brevo_api,
 * telegram, github.
 *
 * <p>Registered in {@code META-INF/services/dev.phoenixkit.integrations.provider.ProviderSource}, so
 * {@link dev.phoenixkit.integrations.provider.ProviderRegistry#loadDefault()} picks it up; marked
 * {@linkplain #builtIn() built-in}, so these definitions win any key clash. Thread-safe and stateless.
 */
public final class BuiltInProviders implements ProviderSource {
    private static final List<ProviderDefinition> ALL = List.of(
            Google.definition(),
            Microsoft.definition(),
            OpenAi.definition(),
            OpenRouter.definition(),
            Mistral.definition(),
            DeepSeek.definition(),
            Xai.definition(),
            ElevenLabs.definition(),
            AmazonBedrock.definition(),
            AwsSes.definition(),
            ObjectStorage.definition(),
            Smtp.definition(),
            BrevoApi.definition(),
            Telegram.definition(),
            GitHub.definition());

    /** Creates the source; {@link java.util.ServiceLoader} needs this public constructor. */
    public BuiltInProviders() {
        // stateless
    }

    /** @return the built-in definitions, in PhoenixKit's order */
    @Override
    public List<ProviderDefinition> providers() {
        return ALL;
    }

    /** @return {@code true}: these are the built-ins */
    @Override
    public boolean builtIn() {
        return true;
    }
}
