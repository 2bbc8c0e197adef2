package dev.phoenixkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.phoenixkit.examples.readme.AccessTokenSnippet;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.fake.FakeTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's accessToken snippets run against the testkit's fake provider on loopback, on a Google connection
 * whose stored token expired: each must refresh once and send the new token.
 */
class AccessTokenSnippetTest {
    private TestDatabase database;
    private FakeProviderServer fake;
    private Integrations integrations;
    private UUID uuid;
    private URI resource;

    @BeforeEach
    void connectWithExpiredToken() {
        database = PostgresServer.shared().createDatabase();
        fake = FakeProviderServer.start();
        integrations = Integrations.builder()
                .dataSource(database.dataSource())
                .cipher(SecretCipher.fromSecretKeyBase("examples-secret-key-base-0123456789abcdef"))
                .providers(fake.providerRegistry())
                .build();
        Connection connection = integrations.addConnection("google", "default");
        uuid = connection.uuid();
        FakeTokens tokens = fake.issueTokens();
        integrations.saveSetup(
                uuid,
                Map.of(
                        "client_id",
                        FakeProviderServer.CLIENT_ID,
                        "client_secret",
                        FakeProviderServer.CLIENT_SECRET,
                        "access_token",
                        tokens.accessToken(),
                        "refresh_token",
                        tokens.refreshToken(),
                        "expires_at",
                        Instant.now().minusSeconds(60).toString(),
                        "status",
                        "connected"));
        resource = fake.uri("/resource/data");
    }

    @AfterEach
    void close() {
        integrations.close();
        fake.close();
        database.close();
    }

    @Test
    void jdkHttpClientWhenTokenExpiredThenRefreshesOnceAndSendsTheNewToken() throws Exception {
        HttpResponse<String> response =
                AccessTokenSnippet.withJdkHttpClient(integrations, uuid, HttpClient.newHttpClient(), resource);

        assertEquals(200, response.statusCode(), response::body);
        assertEquals(1, fake.tokenCalls());
        assertSentTheStoredToken();
    }

    @Test
    void springRestClientWhenTokenExpiredThenRefreshesOnceAndSendsTheNewToken() {
        String body = AccessTokenSnippet.withSpringRestClient(integrations, uuid, resource);

        assertTrue(body.contains("/resource/data"), body);
        assertEquals(1, fake.tokenCalls());
        assertSentTheStoredToken();
    }

    private void assertSentTheStoredToken() {
        String stored = integrations
                .getCredentials(uuid.toString())
                .getString("access_token")
                .orElseThrow();
        List<String> sent = fake.requests(FakeEndpoint.RESOURCE).stream()
                .map(request -> request.header("Authorization").orElse(""))
                .toList();
        assertEquals(List.of("Bearer " + stored), sent);
    }
}
