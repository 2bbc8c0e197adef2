/**
 * The provider model: what a third-party provider is ({@link dev.phoenixkit.integrations.provider.ProviderDefinition}),
 * how it authenticates ({@link dev.phoenixkit.integrations.provider.AuthType},
 * {@link dev.phoenixkit.integrations.provider.OAuthConfig}), how its credentials are tested
 * ({@link dev.phoenixkit.integrations.provider.ValidationSpec}), and the registry that merges the built-in providers
 * with every {@link dev.phoenixkit.integrations.provider.ProviderSource} ({@link
 * dev.phoenixkit.integrations.provider.ProviderRegistry}).
 *
 * <p>Every type here is immutable and thread-safe once built.
 */
package dev.phoenixkit.integrations.provider;
