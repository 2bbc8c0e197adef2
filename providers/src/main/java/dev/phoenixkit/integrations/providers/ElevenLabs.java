package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.util.List;

/**
 * ElevenLabs (text-to-speech, voices) by API key, validated with {@code GET https://api.elevenlabs.io/v1/user} and
 * the key, unprefixed, in the {@code xi-api-key} header (not {@code Authorization}). No base URL, as in PhoenixKit:
 * it is not an {@code ai_completions} provider. Stateless.
 */
public final class ElevenLabs {
    /** The provider key. */
    public static final String KEY = "elevenlabs";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("ElevenLabs")
            .description("Text-to-speech and voice generation via ElevenLabs")
            .icon("hero-speaker-wave")
            .authType(AuthType.API_KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .validation(ValidationSpec.http("https://api.elevenlabs.io/v1/user", "xi-api-key", ""))
            .setupField(ApiKeyField.of("sk_...", "From elevenlabs.io → Settings → API Keys"))
            .capability("text_to_speech")
            .capability("speech_to_text")
            .capability("sound_effects")
            .capability("music_generation")
            .instruction(InstructionSection.of(
                    "Create an ElevenLabs account",
                    List.of("Go to [elevenlabs.io](https://elevenlabs.io) and sign up or log in")))
            .instruction(InstructionSection.of(
                    "Create an API key",
                    List.of(
                            "Go to [Settings → API Keys](https://elevenlabs.io/app/settings/api-keys)",
                            "Click **Create API Key**, give it a name",
                            "Copy the key (shown once) and paste it into the form above"),
                    "The free tier includes a monthly character quota; paid plans raise the quota and unlock"
                            + " commercial use and additional voices."))
            .build();

    private ElevenLabs() {}

    /** @return the ElevenLabs provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
