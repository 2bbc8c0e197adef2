/**
 * The built-in providers: {@link dev.phoenixkit.integrations.providers.Google},
 * {@link dev.phoenixkit.integrations.providers.Microsoft}, {@link dev.phoenixkit.integrations.providers.OpenRouter},
 * {@link dev.phoenixkit.integrations.providers.Mistral}, {@link dev.phoenixkit.integrations.providers.DeepSeek},
 * {@link dev.phoenixkit.integrations.providers.OpenAi}, {@link dev.phoenixkit.integrations.providers.Xai},
 * {@link dev.phoenixkit.integrations.providers.ElevenLabs}, {@link dev.phoenixkit.integrations.providers.GitHub},
 * {@link dev.phoenixkit.integrations.providers.BrevoApi} and {@link dev.phoenixkit.integrations.providers.Telegram},
 * contributed to {@link dev.phoenixkit.integrations.provider.ProviderRegistry#loadDefault()} by
 * {@link dev.phoenixkit.integrations.providers.BuiltInProviders} through {@link java.util.ServiceLoader}.
 *
 * <p>The definitions follow PhoenixKit's (names, URLs, scopes, setup fields, validation, instructions). Every type
 * here is immutable and thread-safe.
 */
package dev.phoenixkit.integrations.providers;
