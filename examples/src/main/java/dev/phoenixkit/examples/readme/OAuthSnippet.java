package dev.phoenixkit.examples.readme;

import dev.phoenixkit.integrations.AuthorizationRequest;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** The README's OAuth2 snippet, compiled (region {@code oauth}). */
final class OAuthSnippet {
    private OAuthSnippet() {
    }

    static IntegrationData oauth(Integrations integrations, UUID uuid, String id, String secret, URI callbackUri,
            String state, String code) {
        // region oauth
        // from examples/src/main/java/dev/phoenixkit/examples/readme/OAuthSnippet.java
        integrations.saveSetup(uuid, Map.of("client_id", id, "client_secret", secret)); // Microsoft: also "tenant_id"
        AuthorizationRequest request = integrations.beginAuthorization(uuid, callbackUri); // stores single-use state + PKCE
        // redirect the browser to request.url(); on the callback:
        IntegrationData connected = integrations.completeAuthorization(uuid, state, code, callbackUri);
        // endregion
        System.out.println(request.url());
        return connected;
    }
}
