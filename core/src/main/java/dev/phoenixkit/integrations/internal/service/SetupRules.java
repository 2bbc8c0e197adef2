package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.util.stream.Collectors;

/**
 * What a new connection and its setup must name (docs/decisions/catalog-input.md): a provider the registry knows.
 * Rows already stored with a provider the registry does not know (written by PhoenixKit or another host) are not
 * affected; only the birth of new ones is refused.
 *
 * <p>Thread-safe (stateless).
 */
public final class SetupRules {
    private SetupRules() {}

    /**
     * The provider a new connection is born with.
     *
     * @param providers the registry
     * @param key       a well-formed provider key
     * @return its definition
     * @throws IntegrationException {@code UNKNOWN_PROVIDER} naming the key and listing the registered keys
     */
    public static ProviderDefinition registered(ProviderRegistry providers, String key) {
        return providers.get(key).orElseThrow(() -> unknownProvider(providers, key));
    }

    private static IntegrationException unknownProvider(ProviderRegistry providers, String key) {
        String known = providers.all().stream().map(ProviderDefinition::key).collect(Collectors.joining(", "));
        return new IntegrationException(
                IntegrationError.UNKNOWN_PROVIDER,
                "Unknown provider '" + key + "'; registered providers: " + (known.isEmpty() ? "none" : known));
    }
}
