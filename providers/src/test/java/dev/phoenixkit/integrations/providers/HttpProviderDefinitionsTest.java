package dev.phoenixkit.integrations.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import dev.phoenixkit.integrations.providers.internal.BrevoApiCheck;
import dev.phoenixkit.integrations.providers.internal.TelegramCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins openai, xai, elevenlabs, github, brevo_api and telegram to PhoenixKit's definitions
 * ({@code lib/phoenix_kit/integrations/providers.ex} at 0f15ccfd; reference phoenix-kit-since-v107.md §4): every
 * field of every definition, instructions word for word.
 */
class HttpProviderDefinitionsTest {
    private static final List<ProviderScope> BOTH = List.of(ProviderScope.SYSTEM, ProviderScope.PERSONAL);

    private static SetupField password(String key, String label, String placeholder, String help) {
        return SetupField.builder(key)
                .label(label)
                .type(SetupFieldType.PASSWORD)
                .required(true)
                .placeholder(placeholder)
                .help(help)
                .build();
    }

    private static void assertIdentity(
            ProviderDefinition provider, String key, String name, String description, String icon, AuthType auth) {
        assertThat(provider.key()).isEqualTo(key);
        assertThat(provider.name()).isEqualTo(name);
        assertThat(provider.description()).isEqualTo(description);
        assertThat(provider.icon()).isEqualTo(icon);
        assertThat(provider.authType()).isEqualTo(auth);
        assertThat(provider.oauthConfig()).isEmpty();
        assertThat(provider.scopes()).isEqualTo(BOTH);
    }

    @Test
    void openAiMatchesPhoenixKit() {
        ProviderDefinition provider = OpenAi.definition();
        assertIdentity(
                provider,
                "openai",
                "OpenAI",
                "AI models via OpenAI (GPT, embeddings, images, audio)",
                "hero-sparkles",
                AuthType.API_KEY);
        assertThat(provider.baseUrl()).contains("https://api.openai.com/v1");
        assertThat(provider.validation())
                .contains(ValidationSpec.http("https://api.openai.com/v1/models", "Authorization", "Bearer "));
        assertThat(provider.setupFields())
                .containsExactly(password("api_key", "API Key", "sk-...", "From platform.openai.com/api-keys"));
        assertThat(provider.capabilities())
                .containsExactly(
                        "ai_completions", "ai_embeddings", "image_generation", "text_to_speech", "speech_to_text");
        assertThat(provider.instructions())
                .containsExactly(
                        InstructionSection.of(
                                "Create an OpenAI account",
                                List.of(
                                        "Go to [platform.openai.com](https://platform.openai.com) and sign up or log in")),
                        InstructionSection.of(
                                "Add credits",
                                List.of(
                                        "Go to [Billing](https://platform.openai.com/account/billing/overview) and add a payment method or credits",
                                        "OpenAI requires a positive balance before the API will return completions, even on cheaper models")),
                        InstructionSection.of(
                                "Create an API key",
                                List.of(
                                        "Go to [API Keys](https://platform.openai.com/api-keys)",
                                        "Click **Create new secret key**, give it a name",
                                        "Copy the key (shown once) and paste it into the form above"),
                                "If your account belongs to multiple organizations, keys are scoped to the org selected when the key was created."));
    }

    @Test
    void xaiMatchesPhoenixKit() {
        ProviderDefinition provider = Xai.definition();
        assertIdentity(
                provider, "xai", "xAI", "AI model access via xAI (Grok models)", "hero-sparkles", AuthType.API_KEY);
        assertThat(provider.baseUrl()).contains("https://api.x.ai/v1");
        assertThat(provider.validation())
                .contains(ValidationSpec.http("https://api.x.ai/v1/models", "Authorization", "Bearer "));
        assertThat(provider.setupFields())
                .containsExactly(password("api_key", "API Key", "xai-...", "From console.x.ai/team/default/api-keys"));
        assertThat(provider.capabilities()).containsExactly("ai_completions", "realtime_voice", "image_generation");
        assertThat(provider.instructions())
                .containsExactly(
                        InstructionSection.of(
                                "Create an xAI account",
                                List.of("Go to [accounts.x.ai](https://accounts.x.ai) and sign up or log in")),
                        InstructionSection.of(
                                "Add credits",
                                List.of(
                                        "Go to [console.x.ai](https://console.x.ai) → Billing and add credits",
                                        "xAI requires a funded account before the API will return completions")),
                        InstructionSection.of(
                                "Create an API key",
                                List.of(
                                        "Go to [API Keys](https://console.x.ai/team/default/api-keys)",
                                        "Click **Create API key**, give it a name",
                                        "Copy the key (shown once) and paste it into the form above")));
    }

    @Test
    void elevenLabsMatchesPhoenixKitWithItsOwnHeaderAndNoPrefix() {
        ProviderDefinition provider = ElevenLabs.definition();
        assertIdentity(
                provider,
                "elevenlabs",
                "ElevenLabs",
                "Text-to-speech and voice generation via ElevenLabs",
                "hero-speaker-wave",
                AuthType.API_KEY);
        assertThat(provider.baseUrl()).isEmpty();
        assertThat(provider.validation())
                .contains(ValidationSpec.http("https://api.elevenlabs.io/v1/user", "xi-api-key", ""));
        assertThat(provider.setupFields())
                .containsExactly(password("api_key", "API Key", "sk_...", "From elevenlabs.io → Settings → API Keys"));
        assertThat(provider.capabilities())
                .containsExactly("text_to_speech", "speech_to_text", "sound_effects", "music_generation");
        assertThat(provider.instructions())
                .containsExactly(
                        InstructionSection.of(
                                "Create an ElevenLabs account",
                                List.of("Go to [elevenlabs.io](https://elevenlabs.io) and sign up or log in")),
                        InstructionSection.of(
                                "Create an API key",
                                List.of(
                                        "Go to [Settings → API Keys](https://elevenlabs.io/app/settings/api-keys)",
                                        "Click **Create API Key**, give it a name",
                                        "Copy the key (shown once) and paste it into the form above"),
                                "The free tier includes a monthly character quota; paid plans raise the quota and unlock commercial use and additional voices."));
    }

    @Test
    void gitHubMatchesPhoenixKit() {
        ProviderDefinition provider = GitHub.definition();
        assertIdentity(
                provider,
                "github",
                "GitHub",
                "GitHub API token — org statistics, repositories (read-only is enough)",
                "hero-code-bracket-square",
                AuthType.API_KEY);
        assertThat(provider.baseUrl()).isEmpty();
        assertThat(provider.validation())
                .contains(ValidationSpec.http("https://api.github.com/rate_limit", "Authorization", "Bearer "));
        assertThat(provider.setupFields())
                .containsExactly(password(
                        "api_key",
                        "Personal access token",
                        "github_pat_… / ghp_…",
                        "github.com/settings/personal-access-tokens — fine-grained, read-only"));
        assertThat(provider.capabilities()).containsExactly("github_api");
        assertThat(provider.instructions())
                .containsExactly(InstructionSection.of(
                        "Create a token",
                        List.of(
                                "Go to [Fine-grained tokens](https://github.com/settings/personal-access-tokens) and click **Generate new token**",
                                "Repository access: **Public repositories (read-only)** — no extra permissions needed for public-org statistics",
                                "Copy the token and paste it into the form above")));
    }

    @Test
    void brevoApiMatchesPhoenixKitWithItsStrategyAndNoInstructions() {
        ProviderDefinition provider = BrevoApi.definition();
        assertIdentity(
                provider,
                "brevo_api",
                "Brevo API",
                "Send email via the Brevo transactional email API",
                "hero-envelope",
                AuthType.API_KEY);
        assertThat(provider.baseUrl()).contains("https://api.brevo.com/v3");
        assertThat(provider.validation()).contains(ValidationSpec.strategy("brevo_api", BrevoApiCheck.INSTANCE));
        assertThat(provider.setupFields())
                .containsExactly(password(
                        "api_key",
                        "API Key",
                        "xkeysib-...",
                        "From Brevo → SMTP & API → API Keys. Starts with xkeysib- — not the SMTP key (xsmtpsib-)."));
        assertThat(provider.capabilities()).containsExactly("email_send");
        assertThat(provider.instructions()).isEmpty();
    }

    @Test
    void telegramMatchesPhoenixKitWithItsStrategy() {
        ProviderDefinition provider = Telegram.definition();
        assertIdentity(
                provider,
                "telegram",
                "Telegram",
                "Send messages and notifications via your own Telegram bot",
                "hero-paper-airplane",
                AuthType.BOT_TOKEN);
        assertThat(provider.baseUrl()).isEmpty();
        assertThat(provider.validation()).contains(ValidationSpec.strategy("telegram", TelegramCheck.INSTANCE));
        assertThat(provider.setupFields())
                .containsExactly(password(
                        "bot_token",
                        "Bot Token",
                        "123456789:ABCdef...",
                        "From @BotFather → /newbot (or /token for an existing bot)"));
        assertThat(provider.capabilities()).containsExactly("messaging");
        assertThat(provider.instructions())
                .containsExactly(
                        InstructionSection.of(
                                "Create a bot with BotFather",
                                List.of(
                                        "Open [@BotFather](https://t.me/BotFather) in Telegram",
                                        "Send **/newbot** and follow the prompts to name your bot")),
                        InstructionSection.of(
                                "Copy the bot token",
                                List.of(
                                        "BotFather replies with an HTTP API token like `123456789:ABCdef...` — copy it",
                                        "Paste the token into the form above and press **Test Connection**")));
    }

    @Test
    void capabilityQueriesFollowPhoenixKitsOrder() {
        ProviderRegistry registry = ProviderRegistry.loadDefault();
        assertThat(registry.withCapability("image_generation"))
                .extracting(ProviderDefinition::key)
                .containsSubsequence("openai", "openrouter", "xai");
        assertThat(registry.withCapability("email_send"))
                .extracting(ProviderDefinition::key)
                .contains("brevo_api");
        assertThat(registry.withCapability("messaging"))
                .extracting(ProviderDefinition::key)
                .containsExactly("telegram");
        assertThat(registry.withCapability("ai_completions"))
                .extracting(ProviderDefinition::key)
                .startsWith("openai", "openrouter", "mistral", "deepseek", "xai");
    }
}
