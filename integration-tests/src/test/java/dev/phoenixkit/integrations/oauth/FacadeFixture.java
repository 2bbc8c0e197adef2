package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ForeignRows;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.TestClock;
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
    /** The library's default HTTP timeout, used by every instance but {@link #impatient()}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** The HTTP timeout of {@link #impatient()}: short, for tests whose fault must time out. */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    final TestClock clock = TestClock.startingAt(START);
    final FakeProviderServer fake = FakeProviderServer.start(clock);
    /** Counts callers joining a refresh in flight, on every instance built here. */
    final RefreshJoins joins = new RefreshJoins();

    final Integrations integrations;
    private final TestDatabase database;
    private final List<Integrations> built = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The facade under test, with the default HTTP timeout (15 s). */
    FacadeFixture(TestDatabase database) {
        this.database = database;
        this.integrations = build(database.dataSource(), DEFAULT_TIMEOUT, cipher());
    }

    /** @return the cipher every instance but {@link #withCipher(SecretCipher)} uses */
    static SecretCipher cipher() {
        return SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
    }

    /** Another instance (another "node") with its own connection pool on the same database. */
    Integrations anotherNode() {
        return build(database.newDataSource(), DEFAULT_TIMEOUT, cipher());
    }

    /** An instance on the same database whose HTTP timeout is {@link #SHORT_TIMEOUT}, for faults that must time out. */
    Integrations impatient() {
        return build(database.dataSource(), SHORT_TIMEOUT, cipher());
    }

    /** An instance on the same database with another cipher. */
    Integrations withCipher(SecretCipher cipher) {
        return build(database.dataSource(), DEFAULT_TIMEOUT, cipher);
    }

    /** @return the advisory locks of the test database */
    AdvisoryLocks advisoryLocks() {
        return new AdvisoryLocks(database.jdbi());
    }

    Integrations build(DataSource dataSource, Duration httpTimeout, SecretCipher cipher) {
        Integrations instance = Integrations.builder()
                .dataSource(dataSource)
                .cipher(cipher)
                .providers(fake.providerRegistry())
                .clock(clock)
                .httpClient(OAuthFixture.client())
                .httpTimeout(httpTimeout)
                .observer(joins)
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
        integrations.saveSetup(
                uuid,
                Map.of(
                        "access_token",
                        tokens.accessToken(),
                        "refresh_token",
                        tokens.refreshToken(),
                        "expires_at",
                        expiresAt.toString(),
                        "status",
                        "connected"));
        return uuid;
    }

    /** A row of a provider the fake's registry does not know, as another host wrote it (the current layout). */
    UUID foreignRow(String provider, String name, Map<String, ?> fields) {
        return ForeignRows.insert(database.jdbi(), integrations.storageLayout(), provider, name, fields);
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
