package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import dev.phoenixkit.integrations.providers.internal.TelegramCheck;
import java.util.List;

/**
 * A Telegram bot by bot token, validated by the {@code telegram} strategy:
 * {@code GET https://api.telegram.org/bot<token>/getMe}, whose pass carries {@code "Connected as @<username>"}.
 * Stateless.
 */
public final class Telegram {
    /** The provider key. */
    public static final String KEY = "telegram";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("Telegram")
            .description("Send messages and notifications via your own Telegram bot")
            .icon("hero-paper-airplane")
            .authType(AuthType.BOT_TOKEN)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .validation(ValidationSpec.strategy(TelegramCheck.NAME, TelegramCheck.INSTANCE))
            .setupField(SetupField.builder(Fields.BOT_TOKEN)
                    .label("Bot Token")
                    .type(SetupFieldType.PASSWORD)
                    .required(true)
                    .placeholder("123456789:ABCdef...")
                    .help("From @BotFather → /newbot (or /token for an existing bot)")
                    .build())
            .capability("messaging")
            .instruction(InstructionSection.of(
                    "Create a bot with BotFather",
                    List.of(
                            "Open [@BotFather](https://t.me/BotFather) in Telegram",
                            "Send **/newbot** and follow the prompts to name your bot")))
            .instruction(InstructionSection.of(
                    "Copy the bot token",
                    List.of(
                            "BotFather replies with an HTTP API token like `123456789:ABCdef...` — copy it",
                            "Paste the token into the form above and press **Test Connection**")))
            .build();

    private Telegram() {}

    /** @return the Telegram provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
