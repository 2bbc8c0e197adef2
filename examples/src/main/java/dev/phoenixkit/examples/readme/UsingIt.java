package dev.phoenixkit.examples.readme;

// region using-imports
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
// endregion

/** The README's "Using it" snippet, compiled (README.md shows regions {@code using-imports} and {@code using}). */
final class UsingIt {
    private UsingIt() {
    }

    static HttpResponse<byte[]> usingIt(DataSource dataSource, String apiKey) {
        // region using
        // from examples/src/main/java/dev/phoenixkit/examples/readme/UsingIt.java
        // The secret key base is your application's long random secret (PhoenixKit: the endpoint's secret_key_base,
        // at least 20 characters). Stored secrets are encrypted with a key derived from it: keep it like a password,
        // and give PhoenixKit and this library the same one to share rows.
        String secretKeyBase = System.getenv("SECRET_KEY_BASE");
        Integrations integrations = Integrations.builder()
                .dataSource(dataSource)                                 // or .jdbi(jdbi); only connections are borrowed
                .cipher(SecretCipher.fromSecretKeyBase(secretKeyBase))  // PhoenixKit's enc:v1, same secret → same format
                .providers(ProviderRegistry.loadDefault())              // PhoenixKit's fifteen (google ... github, see Providers) + yours
                .build();                                               // immutable, thread-safe; close() at shutdown

        Connection work = integrations.addConnection("openrouter", "work");   // the only place a storage key is born
        UUID uuid = work.uuid();                                              // keep this in your own rows
        integrations.saveSetup(uuid, Map.of("api_key", apiKey));              // encrypted at rest, status "configured"
        integrations.recordValidation(uuid, integrations.validateConnection(uuid));   // calls the provider, stores the result
        integrations.renameConnection(uuid, "production");                    // same row, same uuid

        List<Connection> openrouter = integrations.listConnections("openrouter");   // "default" first, then by name
        for (Connection connection : openrouter) {
            System.out.println(connection.name() + " " + connection.uuid() + " " + connection.data().status());
        }
        IntegrationData credentials = integrations.getCredentials(uuid.toString()); // or "openrouter:production"
        UUID resolved = integrations.resolveToUuid("openrouter:production");        // for migrating provider:name strings
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://openrouter.ai/api/v1/models")).build();
        HttpResponse<byte[]> response = integrations.authenticatedRequest(uuid, request); // bearer set, refresh + retry on 401
        // endregion
        System.out.println(credentials + " " + resolved);
        return response;
    }
}
