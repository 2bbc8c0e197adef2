package dev.phoenixkit.benchmarks;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The OAuth fixture of P5 and P6: a migrated database, the testkit's fake provider server on loopback, one shared
 * JDK {@link HttpClient}, and a Google connection whose tokens the fake issued. With cross-node events on, every
 * instance has its LISTEN/NOTIFY bridge and so its credential cache (defaults: 10,000 rows, 30 s); off is the
 * builder's default, without the cache. Not thread-safe to set up; the built {@link Integrations} instances are.
 */
final class OAuthFixture implements AutoCloseable {
    private static final String SECRET_KEY_BASE = "benchmark-secret-key-base-0123456789abcdef0123456789abcdef";

    final boolean crossNodeEvents;
    final TestDatabase database = PostgresServer.shared().createDatabase();
    final FakeProviderServer fake = FakeProviderServer.start();
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Integrations integrations;
    final UUID google;
    final URI resource = fake.uri("/resource/data");
    private final List<Integrations> built = new CopyOnWriteArrayList<>();
    private final LongAdder cacheHits = new LongAdder();

    /** @param crossNodeEvents whether the instances bridge events (and so cache credentials) */
    OAuthFixture(boolean crossNodeEvents) {
        this.crossNodeEvents = crossNodeEvents;
        integrations = build(database.dataSource());
        built.add(integrations);
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
                .crossNodeEvents(crossNodeEvents)
                .observer(new IntegrationsObserver() {
                    @Override
                    public void cacheHit() {
                        cacheHits.increment();
                    }
                })
                .build();
    }

    /**
     * Waits until a read of the connection on {@code node} is a cache hit (nothing is cached before the bridge's
     * first {@code LISTEN}). Call it from one thread, with no other reads going on.
     *
     * @param node the instance, built with cross-node events on
     */
    void awaitCaching(Integrations node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            long before = cacheHits.sum();
            node.getCredentials(google.toString());
            if (cacheHits.sum() > before) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The credential cache did not start caching within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /**
     * Waits until {@code node} hands out the connection's current access token (its cache dropped an older row, or
     * the row is read from the database).
     *
     * @param node        the instance
     * @param accessToken the token stored last
     */
    void awaitSeen(Integrations node, String accessToken) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!accessToken.equals(
                node.getCredentials(google.toString()).getString("access_token").orElse(null))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("An instance did not see the stored token within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
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
