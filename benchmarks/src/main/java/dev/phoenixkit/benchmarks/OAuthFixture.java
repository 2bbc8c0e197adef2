package dev.phoenixkit.benchmarks;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.fake.FakeTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * The OAuth fixture of P5 and P6: a migrated database, the testkit's fake provider server on loopback, one shared
 * JDK {@link HttpClient}, and a Google connection whose tokens the fake issued. Not thread-safe to set up; the
 * built {@link Integrations} instances are.
 */
final class OAuthFixture implements AutoCloseable {
    private static final String SECRET_KEY_BASE = "benchmark-secret-key-base-0123456789abcdef0123456789abcdef";

    final TestDatabase database = PostgresServer.shared().createDatabase();
    final FakeProviderServer fake = FakeProviderServer.start();
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Integrations integrations = build(database.dataSource());
    final UUID google;
    final URI resource = fake.uri("/resource/data");
    private final List<Integrations> built = new CopyOnWriteArrayList<>(List.of(integrations));

    OAuthFixture() {
        Connection connection = integrations.addConnection("google", "default");
        integrations.saveSetup(
                connection.uuid(),
                Map.of("client_id", FakeProviderServer.CLIENT_ID, "client_secret", FakeProviderServer.CLIENT_SECRET));
        google = connection.uuid();
    }

    /**
     * Another instance (another "node") with its own connection pool on the same database.
     *
     * @return the instance, closed with the fixture
     */
    Integrations anotherNode() {
        Integrations node = build(database.newDataSource());
        built.add(node);
        return node;
    }

    private Integrations build(DataSource dataSource) {
        return Integrations.builder()
                .dataSource(dataSource)
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .providers(fake.providerRegistry())
                .clock(Clock.systemUTC())
                .httpClient(client)
                .build();
    }

    /**
     * Stores freshly issued tokens on the Google connection.
     *
     * @param expiresAt the {@code expires_at} to store (in the past for an expired token)
     * @return the tokens
     */
    FakeTokens storeNewTokens(Instant expiresAt) {
        FakeTokens tokens = fake.issueTokens();
        integrations.saveSetup(
                google,
                Map.of(
                        "access_token",
                        tokens.accessToken(),
                        "refresh_token",
                        tokens.refreshToken(),
                        "expires_at",
                        expiresAt.toString(),
                        "status",
                        "connected"));
        return tokens;
    }

    /** @return a GET of the fake's protected resource, without an {@code Authorization} header */
    HttpRequest resourceRequest() {
        return HttpRequest.newBuilder(resource)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    @Override
    public void close() {
        built.forEach(Integrations::close);
        fake.close();
        database.close();
    }
}
