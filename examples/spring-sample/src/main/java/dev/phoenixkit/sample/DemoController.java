package dev.phoenixkit.sample;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.spring.PhoenixKitBearerInterceptor;
import dev.phoenixkit.spring.PhoenixKitProperties;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The host's own endpoints: its connections as JSON, an OAuth connect, and an outbound call with a connection's token. */
@RestController
public class DemoController {
    private final Integrations integrations;
    private final PhoenixKitProperties properties;

    /**
     * @param integrations the facade the starter configured
     * @param properties   the starter's properties (for the callback path)
     */
    public DemoController(Integrations integrations, PhoenixKitProperties properties) {
        this.integrations = integrations;
        this.properties = properties;
    }

    /** @return every connection (secrets redacted by the starter's Jackson module) */
    @GetMapping("/")
    public List<Connection> connections() {
        return integrations.listIntegrations();
    }

    /**
     * Creates a Google connection with the fake server's client and sends the browser to authorize it; the
     * provider comes back to the starter's one callback, which lands on {@code /}.
     *
     * @param name the connection's name
     * @return a redirect to the provider
     */
    @GetMapping("/demo/connect/{name}")
    public ResponseEntity<Void> connect(@PathVariable String name) {
        Connection connection = integrations.addConnection("google", name);
        integrations.saveSetup(
                connection.uuid(),
                Map.of("client_id", FakeProviderServer.CLIENT_ID, "client_secret", FakeProviderServer.CLIENT_SECRET));
        URI callback = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(properties.getCallback().getPath())
                .build()
                .toUri();
        URI authorize =
                integrations.beginAuthorization(connection.uuid(), callback).url();
        return ResponseEntity.status(HttpStatus.FOUND).location(authorize).build();
    }

    /**
     * @param uuid an OAuth2 connection
     * @return what the provider's protected resource answered to the connection's token
     */
    @GetMapping("/demo/resource/{uuid}")
    public String resource(@PathVariable UUID uuid) {
        // region spring-interceptor
        RestClient api = RestClient.builder()
                .baseUrl(SampleApplication.fake.baseUri().toString())
                // the connection's bearer, refreshed first when about to expire; after a 401 one refresh and resend
                .requestInterceptor(PhoenixKitBearerInterceptor.of(integrations, uuid))
                .build();
        String answer = api.get().uri("/resource/profile").retrieve().body(String.class);
        // endregion
        return answer;
    }
}
