package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.fake.FakeTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** A fake provider server, a test clock, and {@link Integrations} instances over one test database. */
final class FacadeFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
    static final URI REDIRECT = URI.create("http://localhost:4000/admin/settings/integrations/callback");
    static final String SECRET_KEY_BASE = "oauth-tests-secret-key-base";

    final TestClock clock = new TestClock(START);
    final FakeProviderServer fake = FakeProviderServer.start(clock);
    final Integrations integrations;
    private final TestDatabase database;
    private final List<Integrations> built = new java.util.concurrent.CopyOnWriteArrayList<>();

    FacadeFixture(TestDatabase database) {
        this(database, Duration.ofSeconds(15));
    }

    FacadeFixture(TestDatabase database, Duration httpTimeout) {
        this.database = database;
        this.integrations = build(database.dataSource(), httpTimeout);
    }

    /** Another instance (another "node") with its own connection pool on the same database. */
    Integrations anotherNode() {
        return build(database.newDataSource(), Duration.ofSeconds(15));
    }

    Integrations build(DataSource dataSource, Duration httpTimeout) {
        Integrations instance = Integrations.builder()
                .dataSource(dataSource)
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .providers(fake.providerRegistry())
                .clock(clock)
                .httpClient(OAuthFixture.client())
                .httpTimeout(httpTimeout)
                .build();
        built.add(instance);
        return instance;
    }

    /** An OAuth connection with the fake's client credentials saved (status disconnected). */
    UUID oauthConnection(String provider, String name, Map<String, Object> extra) {
        Connection connection = integrations.addConnection(provider, name);
        Map<String, Object> attrs = new HashMap<>(extra);
        attrs.put("client_id", FakeProviderServer.CLIENT_ID);
        attrs.put("client_secret", FakeProviderServer.CLIENT_SECRET);
        integrations.saveSetup(connection.uuid(), attrs);
        return connection.uuid();
    }

    /** A Google connection connected through the real authorization flow. */
    UUID connectedGoogle(String name) {
        UUID uuid = oauthConnection("google", name, Map.of());
        var request = integrations.beginAuthorization(uuid, REDIRECT);
        var redirect = fake.authorize(request.url());
        integrations.completeAuthorization(uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT);
        assertThat(integrations.getIntegration(uuid.toString()).accessToken()).isPresent();
        fake.clearRequests();
        return uuid;
    }

    /** A Google connection whose stored tokens are the given ones, expiring at {@code expiresAt}. */
    UUID googleWithTokens(String name, FakeTokens tokens, Instant expiresAt) {
        UUID uuid = oauthConnection("google", name, Map.of());
        integrations.saveSetup(uuid, Map.of("access_token", tokens.accessToken(), "refresh_token",
                tokens.refreshToken(), "expires_at", expiresAt.toString(), "status", "connected"));
        return uuid;
    }

    IntegrationData data(UUID uuid) {
        return integrations.getIntegration(uuid.toString());
    }

    @Override
    public void close() {
        built.forEach(Integrations::close);
        fake.close();
    }
}
