package dev.phoenixkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.spring.app.WebApp;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The web side of the starter in a running application (Tomcat on a random port, the testkit's PostgreSQL, the fake
 * provider server): the OAuth callback, JSON of the library's values, problem details, health, configprops
 * sanitising and the bearer interceptor.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebEndpointsTest {
    private static final TestDatabase DATABASE = Databases.migrated();
    private static final String API_KEY = "sk-or-web-test-key-0123456789";
    /** Spring Security is on the test class path (for AdminConsoleTest); this application runs without it. */
    static final String[] NO_SECURITY = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
    };

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    Integrations integrations;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Databases.register(registry, DATABASE);
        registry.add("phoenixkit.integrations.problem-details", () -> "true");
        registry.add("phoenixkit.integrations.callback.success-redirect", () -> "/connected");
        registry.add("spring.autoconfigure.exclude", () -> String.join(",", NO_SECURITY));
        registry.add("management.endpoints.web.exposure.include", () -> "health,configprops,env");
        registry.add("management.endpoint.health.show-details", () -> "always");
        registry.add("management.endpoint.configprops.show-values", () -> "always");
        registry.add("management.endpoint.env.show-values", () -> "always");
    }

    @AfterAll
    static void drop() {
        DATABASE.close();
    }

    @AfterEach
    void cleanUp() {
        integrations.listIntegrations().forEach(c -> integrations.removeConnection(c.uuid()));
        WebApp.FAKE.clearFaults().clearRequests();
    }

    private URI local(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI callback() {
        return local("/phoenixkit/oauth/callback");
    }

    private UUID google(String name) {
        Connection connection = integrations.addConnection("google", name);
        integrations.saveSetup(
                connection.uuid(),
                Map.of("client_id", FakeProviderServer.CLIENT_ID, "client_secret", FakeProviderServer.CLIENT_SECRET));
        return connection.uuid();
    }

    private UUID connectedGoogle(String name) throws Exception {
        UUID uuid = google(name);
        AuthorizationRedirect redirect = WebApp.FAKE.authorize(
                integrations.beginAuthorization(uuid, callback()).url());
        assertThat(get(redirect.location()).statusCode()).isEqualTo(302);
        return uuid;
    }

    @Test
    @DisplayName("callback: the provider's redirect completes by state alone and lands on success-redirect")
    void callbackCompletesByState() throws Exception {
        UUID uuid = google("work");
        AuthorizationRedirect redirect = WebApp.FAKE.authorize(
                integrations.beginAuthorization(uuid, callback()).url());
        assertThat(redirect.location().getPath()).isEqualTo("/phoenixkit/oauth/callback");

        HttpResponse<String> response = get(redirect.location());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/connected?connection=" + uuid);
        assertThat(integrations.getIntegration(uuid.toString()).status()).hasValue(ConnectionStatus.CONNECTED);
        assertThat(integrations.getIntegration(uuid.toString()).accessToken()).isPresent();
    }

    @Test
    @DisplayName("callback: a replayed state ends on a 400 page naming state_mismatch, no stack trace")
    void callbackReplayedState() throws Exception {
        UUID uuid = google("replay");
        AuthorizationRedirect redirect = WebApp.FAKE.authorize(
                integrations.beginAuthorization(uuid, callback()).url());
        assertThat(get(redirect.location()).statusCode()).isEqualTo(302);

        HttpResponse<String> replay = get(redirect.location());

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(replay.body())
                .contains("state_mismatch")
                .doesNotContain("Exception")
                .doesNotContain(redirect.code());
    }

    @Test
    @DisplayName("callback: a provider error (access_denied, no code) ends on a clear page; an unknown state too")
    void callbackProviderError() throws Exception {
        UUID uuid = google("denied");
        String state = integrations.beginAuthorization(uuid, callback()).state();
        HttpResponse<String> denied = get(local("/phoenixkit/oauth/callback?error=access_denied&state=" + state));
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(denied.body()).contains("authorization_denied").contains("did not grant access");

        HttpResponse<String> unknown = get(local("/phoenixkit/oauth/callback?code=abc&state=not-a-state"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("state_mismatch");
        assertThat(integrations.getIntegration(uuid.toString()).accessToken()).isEmpty();
    }

    @Test
    @DisplayName("JSON: a controller returning List<Connection> gives 200 with every secret redacted")
    void jsonRedactsSecrets() throws Exception {
        Connection connection = integrations.addConnection("openrouter", "default");
        integrations.saveSetup(connection.uuid(), Map.of("api_key", API_KEY));

        HttpResponse<String> response = get(local("/host/connections"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"uuid\":\"" + connection.uuid() + "\"")
                .contains("\"provider\":\"openrouter\"")
                .contains("\"api_key\":\"<redacted>\"")
                .contains("\"status\":\"configured\"")
                .doesNotContain(API_KEY);
    }

    @Test
    @DisplayName("JSON: a ValidationResult serialises as ok/message")
    void jsonValidationResult() throws Exception {
        WebApp.FAKE.addApiKey(API_KEY);
        Connection connection = integrations.addConnection("openrouter", "checked");
        integrations.saveSetup(connection.uuid(), Map.of("api_key", API_KEY));

        HttpResponse<String> response = get(local("/host/validate/" + connection.uuid()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"ok\":true").doesNotContain(API_KEY);
    }

    @Test
    @DisplayName("problem details: NOT_CONFIGURED is 404, ALREADY_EXISTS 409, INVALID_NAME 400, as problem+json")
    void problemDetails() throws Exception {
        HttpResponse<String> missing = get(local("/host/connections/openrouter:nobody"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("\"error\":\"not_found\"").doesNotContain("at dev.phoenixkit");

        HttpRequest add = HttpRequest.newBuilder(local("/host/add/openrouter/dup"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        assertThat(http.send(add, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = http.send(add, HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"error\":\"already_exists\"");

        HttpRequest bad = HttpRequest.newBuilder(local("/host/add/openrouter/bad%20name!"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> invalid = http.send(bad, HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"error\":\"invalid_name\"");
    }

    @Test
    @DisplayName("health: phoenixkit is UP with schema version and connections in error counted")
    void health() throws Exception {
        Connection connection = integrations.addConnection("openrouter", "broken");
        integrations.saveSetup(connection.uuid(), Map.of("api_key", "sk-unknown-to-the-fake"));
        var result = integrations.validateConnection(connection.uuid());
        assertThat(result.isOk()).isFalse();
        integrations.recordValidation(connection.uuid(), result);

        HttpResponse<String> response = get(local("/actuator/health/phoenixkit"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("\"schemaVersion\":" + dev.phoenixkit.migrations.Migrator.LATEST)
                .contains("\"connectionsInError\":1");
    }

    @Test
    @DisplayName("configprops and env never show the secret key base, even with show-values=always")
    void secretsSanitised() throws Exception {
        HttpResponse<String> configprops = get(local("/actuator/configprops"));
        assertThat(configprops.statusCode()).isEqualTo(200);
        assertThat(configprops.body()).contains("secretKeyBase").doesNotContain(Databases.SECRET);
        HttpResponse<String> env = get(local("/actuator/env"));
        assertThat(env.statusCode()).isEqualTo(200);
        assertThat(env.body())
                .contains("phoenixkit.integrations.secret-key-base")
                .doesNotContain(Databases.SECRET);
    }

    @Test
    @DisplayName("bearer interceptor: RestClient sends the token; after a 401 one refresh and one resend")
    void bearerInterceptor() throws Exception {
        UUID uuid = connectedGoogle("outbound");
        RestClient client = RestClient.builder()
                .baseUrl(WebApp.FAKE.baseUri().toString())
                .requestInterceptor(PhoenixKitBearerInterceptor.of(integrations, uuid))
                .build();
        WebApp.FAKE.clearRequests();

        ResponseEntity<String> first =
                client.get().uri("/resource/data").retrieve().toEntity(String.class);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(WebApp.FAKE.tokenCalls()).isZero();

        WebApp.FAKE.expireAccessTokens();
        ResponseEntity<String> second =
                client.get().uri("/resource/data").retrieve().toEntity(String.class);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(WebApp.FAKE.tokenCalls("refresh_token")).isOne();
        assertThat(WebApp.FAKE.requests(dev.phoenixkit.testkit.fake.FakeEndpoint.RESOURCE))
                .hasSize(3);
    }

    @Test
    @DisplayName("Micrometer present: provider calls and validations are recorded by the MicrometerObserver")
    void micrometerObserverRegistered() throws Exception {
        WebApp.FAKE.addApiKey(API_KEY);
        Connection connection = integrations.addConnection("openrouter", "metered");
        integrations.saveSetup(connection.uuid(), Map.of("api_key", API_KEY));
        assertThat(integrations.validateConnection(connection.uuid()).isOk()).isTrue();

        assertThat(meters.find(dev.phoenixkit.micrometer.MicrometerObserver.VALIDATIONS)
                        .tag("provider", "openrouter")
                        .tag("outcome", "success")
                        .timer())
                .isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
    }

    @Test
    @DisplayName("admin console without Spring Security and without an AdminAccess bean: every request refused")
    void adminConsoleClosedWithoutSecurity() throws Exception {
        HttpResponse<String> response = get(local("/phoenixkit/admin"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(get(local("/phoenixkit/admin/")).statusCode()).isEqualTo(403);
    }
}
