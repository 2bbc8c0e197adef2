package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderRegistry;

/** The one lookup of a connection's OAuth2 configuration, shared by the authorization flows and the refresher. */
final class OAuthProviders {
    private OAuthProviders() {}

    /**
     * @param providers the registry
     * @param row       the connection
     * @return the OAuth2 configuration of the connection's provider
     * @throws IntegrationException {@code UNKNOWN_PROVIDER} for an unregistered or non-OAuth2 provider
     */
    static OAuthConfig config(ProviderRegistry providers, StoredConnection row) {
        return providers
                .get(row.provider())
                .flatMap(provider -> provider.oauthConfig())
                .orElseThrow(() -> new IntegrationException(
                        IntegrationError.UNKNOWN_PROVIDER,
                        "Provider '" + row.provider() + "' is not a registered OAuth2 provider"));
    }
}
