package dev.phoenixkit.benchmarks;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * P8: {@code getCredentials(uuid)} and {@code accessToken(uuid)} on rows the credential cache holds, against today's
 * uncached read.
 *
 * <ul>
 *   <li>{@code library} ({@link #read} = {@code getCredentials} or {@code accessToken}): the facade with cross-node
 *       events on (so the cache is on, with its defaults: 10,000 rows, 30 s), reading the next of
 *       {@value #TARGETS} Google connections, each with an {@code enc:v1} access token valid for a day, refresh
 *       token and client secret; every call decodes and decrypts the cached row again (the cache holds
 *       ciphertext);</li>
 *   <li>{@code baseline}: a raw JDBC prepared {@code SELECT value_json … WHERE uuid = ?} on the same HikariCP pool,
 *       Jackson parse and decryption of the sensitive fields with the same cipher.</li>
 * </ul>
 * The trial waits until the bridge listens and every target is cached; the trial's end prints the cache's hits and
 * misses (rows older than 30 s are read again: a few misses per 30 s, not per call).
 */
@RatioTarget(id = "P8", maxRatio = 0.25)
@BenchmarkMode(Mode.AverageTime)
@State(Scope.Benchmark)
public class CachedReadBenchmark {
    /** Connections the operations cycle through (a power of two). */
    static final int TARGETS = 64;

    private static final String SECRET_KEY_BASE = "benchmark-secret-key-base-0123456789abcdef0123456789abcdef";
    private static final String SELECT_BY_UUID = "SELECT value_json FROM public.phoenix_kit_settings WHERE uuid = ?";

    /** Which cached read the library side measures. */
    @Param({"getCredentials", "accessToken"})
    public String read;

    private TestDatabase database;
    private DataSource dataSource;
    private SecretCipher cipher;
    private Integrations integrations;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final UUID[] uuids = new UUID[TARGETS];
    private final String[] uuidTexts = new String[TARGETS];
    private int cursor;
    private boolean accessToken;

    /** Creates the database, the facade with the cache on, and the connections; fills the cache. */
    @Setup(Level.Trial)
    public void createConnections() {
        accessToken = read.equals("accessToken");
        database = PostgresServer.shared().createDatabase();
        dataSource = database.dataSource();
        cipher = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
        integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(ProviderRegistry.loadDefault())
                .cipher(cipher)
                .clock(Clock.systemUTC())
                .crossNodeEvents(true)
                .observer(new IntegrationsObserver() {
                    @Override
                    public void cacheHit() {
                        hits.increment();
                    }

                    @Override
                    public void cacheMiss() {
                        misses.increment();
                    }
                })
                .build();
        String expiresAt = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        for (int i = 0; i < TARGETS; i++) {
            Connection connection = integrations.addConnection("google", "conn-" + i);
            integrations.saveSetup(
                    connection.uuid(),
                    Map.of(
                            "client_id", "benchmark-client-id.apps.example",
                            "client_secret", "benchmark-client-secret-0123456789",
                            "access_token", "ya29.benchmark-access-token-" + i + "-0123456789abcdef",
                            "refresh_token", "1//benchmark-refresh-token-" + i,
                            "token_type", "Bearer",
                            "expires_at", expiresAt,
                            "status", "connected"));
            uuids[i] = connection.uuid();
            uuidTexts[i] = uuids[i].toString();
        }
        Databases.execute(dataSource, "VACUUM ANALYZE phoenix_kit_settings");
        fillCache();
    }

    /** Reads every target until all of them are hits (nothing is cached before the bridge's first LISTEN). */
    private void fillCache() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long missesBefore = misses.sum();
            for (String uuid : uuidTexts) {
                integrations.getCredentials(uuid);
            }
            if (misses.sum() == missesBefore) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while filling the cache", e);
            }
        }
        throw new IllegalStateException("The credential cache did not start caching within 30 s");
    }

    /** Prints the cache's hits and misses, closes the facade and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        System.err.printf("P8 %s: cache hits %,d, misses %,d%n", read, hits.sum(), misses.sum());
        integrations.close();
        database.close();
    }

    private int next() {
        cursor = (cursor + 1) & (TARGETS - 1);
        return cursor;
    }

    /** @return the decrypted data, or the access token */
    @Benchmark
    public Object library() {
        int i = next();
        return accessToken ? integrations.accessToken(uuids[i]) : integrations.getCredentials(uuidTexts[i]);
    }

    /** @return the decrypted fields */
    @Benchmark
    public Map<String, Object> baseline() {
        int i = next();
        String valueJson;
        try (var connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT_BY_UUID)) {
            statement.setObject(1, uuids[i]);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("No row for the benchmark's uuid");
                }
                valueJson = result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Baseline query failed: " + e.getMessage(), e);
        }
        return ConnectionsFixture.parseAndDecrypt(valueJson, cipher);
    }
}
