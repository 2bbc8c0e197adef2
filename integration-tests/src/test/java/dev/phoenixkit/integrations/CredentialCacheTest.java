package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.observe.EvictionCause;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestClock;
import dev.phoenixkit.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The credential cache's coherence rules (docs/decisions/tokens-cache.md), each with a test that fails when the rule
 * is broken. Waits are for events the observer reports, bounded against hangs only.
 */
@PhoenixKitTest
class CredentialCacheTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String KEY = "sk-credential-cache-test-0123456789";
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    /** Counts what the cache and the bridge report; can hold one thread's miss and the bridge's disconnect. */
    static final class Probe implements IntegrationsObserver {
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger misses = new AtomicInteger();
        final Map<EvictionCause, AtomicInteger> evictions = new EnumMap<>(EvictionCause.class);
        final Semaphore reconnects = new Semaphore(0);
        final Semaphore disconnects = new Semaphore(0);
        volatile Thread holdMissOf;
        final CountDownLatch missHeld = new CountDownLatch(1);
        final CountDownLatch releaseMiss = new CountDownLatch(1);
        volatile CountDownLatch holdDisconnect;

        Probe() {
            for (EvictionCause cause : EvictionCause.values()) {
                evictions.put(cause, new AtomicInteger());
            }
        }

        @Override
        public void cacheHit() {
            hits.incrementAndGet();
        }

        @Override
        public void cacheMiss() {
            misses.incrementAndGet();
            if (Thread.currentThread() == holdMissOf) {
                missHeld.countDown();
                await(releaseMiss);
            }
        }

        @Override
        public void cacheEviction(EvictionCause cause, int count) {
            evictions.get(cause).addAndGet(count);
        }

        @Override
        public void bridgeDisconnected() {
            disconnects.release();
            CountDownLatch hold = holdDisconnect;
            if (hold != null) {
                await(hold);
            }
        }

        @Override
        public void bridgeReconnected(Duration downtime) {
            reconnects.release();
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Integrations build(DataSource dataSource, Probe probe, UnaryOperator<Integrations.Builder> settings) {
        Integrations node = settings.apply(Integrations.builder()
                        .dataSource(dataSource)
                        .providers(TestIntegrations.registry())
                        .cipher(SecretCipher.fromSecretKeyBase(TestIntegrations.SECRET_KEY_BASE))
                        .observer(probe))
                .build();
        closeables.add(node);
        return node;
    }

    private Integrations node(DataSource dataSource, Probe probe) {
        return build(dataSource, probe, builder -> builder.crossNodeEvents(true));
    }

    private static UUID connection(Integrations node, String name, String note) {
        UUID uuid = node.addConnection("openrouter", name).uuid();
        node.saveSetup(uuid, Map.of("api_key", KEY, "note", note));
        return uuid;
    }

    private static String note(Integrations node, UUID uuid) {
        return node.getCredentials(uuid.toString()).getString("note").orElseThrow();
    }

    /** A write by software that sends no notification (PhoenixKit, SQL by hand). */
    private static void writeBehindTheCachesBack(Jdbi jdbi, UUID uuid, String note) {
        jdbi.useHandle(handle ->
                handle.createUpdate("""
                UPDATE phoenix_kit_settings SET value_json = jsonb_set(value_json, '{note}', to_jsonb(:note::text))
                WHERE uuid = :uuid""").bind("note", note).bind("uuid", uuid).execute());
    }

    /** Reads until a read is a cache hit (the cache starts once the listener listens). */
    private static void warm(Integrations node, Probe probe, UUID uuid) throws InterruptedException {
        int before = probe.hits.get();
        await("a cache hit", () -> {
            note(node, uuid);
            return probe.hits.get() > before;
        });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(BOUND);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    private static void killListener(Jdbi jdbi) {
        int killed = jdbi.withHandle(
                handle -> handle.createQuery("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = current_database() AND query LIKE 'LISTEN %'""").mapTo(Integer.class).one());
        assertThat(killed).as("listening sessions terminated").isEqualTo(1);
    }

    @Test
    @DisplayName("a cached row is used, and this instance's write drops it before the write returns")
    void ownWriteWhenRowCachedThenNextReadSeesItWithoutWaiting(TestDatabase database) throws Exception {
        Probe probe = new Probe();
        Integrations node = node(database.dataSource(), probe);
        UUID uuid = connection(node, "own", "v1");
        warm(node, probe, uuid);

        node.saveSetup(uuid, Map.of("note", "v2"));

        assertThat(probe.evictions.get(EvictionCause.INVALIDATED).get()).isEqualTo(1);
        assertThat(note(node, uuid)).isEqualTo("v2");
    }

    @Test
    @DisplayName("two instances on one database: a write on B drops A's cached row through LISTEN/NOTIFY")
    void otherNodeWriteWhenRowCachedThenDroppedThroughTheBridge(TestDatabase database) throws Exception {
        Probe probeA = new Probe();
        Integrations nodeA = node(database.dataSource(), probeA);
        Integrations nodeB = node(database.newDataSource(), new Probe());
        UUID uuid = connection(nodeA, "shared", "v1");
        warm(nodeA, probeA, uuid);
        writeBehindTheCachesBack(database.jdbi(), uuid, "by-hand");
        assertThat(note(nodeA, uuid))
                .as("cached: a write without notification is not seen yet")
                .isEqualTo("v1");

        nodeB.saveSetup(uuid, Map.of("note", "from-b"));

        await(
                "A dropping the row",
                () -> probeA.evictions.get(EvictionCause.INVALIDATED).get() > 0);
        assertThat(note(nodeA, uuid)).isEqualTo("from-b");
    }

    @Test
    @DisplayName("a killed LISTEN session clears the cache, and nothing is cached until it listens again")
    void listenerWhenKilledThenCacheClearedAndOffUntilListeningAgain(TestDatabase database) throws Exception {
        Probe probe = new Probe();
        Integrations node = node(database.dataSource(), probe);
        UUID uuid = connection(node, "killed", "v1");
        warm(node, probe, uuid);
        writeBehindTheCachesBack(database.jdbi(), uuid, "while-cached");
        assertThat(note(node, uuid)).as("cached").isEqualTo("v1");
        CountDownLatch reconnect = new CountDownLatch(1);
        probe.holdDisconnect = reconnect; // the bridge thread waits here: not listening until released

        killListener(database.jdbi());
        assertThat(probe.disconnects.tryAcquire(BOUND.toSeconds(), TimeUnit.SECONDS))
                .isTrue();

        assertThat(probe.evictions.get(EvictionCause.CLEARED).get()).isEqualTo(1);
        int hits = probe.hits.get();
        assertThat(note(node, uuid)).isEqualTo("while-cached");
        writeBehindTheCachesBack(database.jdbi(), uuid, "while-not-listening");
        assertThat(note(node, uuid)).as("not cached while not listening").isEqualTo("while-not-listening");
        assertThat(probe.hits.get()).isEqualTo(hits);

        reconnect.countDown();
        assertThat(probe.reconnects.tryAcquire(BOUND.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        warm(node, probe, uuid);
        assertThat(note(node, uuid)).isEqualTo("while-not-listening");
    }

    @Test
    @DisplayName("a load that read the old row before an invalidation never puts it back")
    void loadWhenRacingAnInvalidationThenOldRowNotCached(TestDatabase database) throws Exception {
        Probe probe = new Probe();
        Integrations node = node(database.dataSource(), probe);
        UUID uuid = connection(node, "race", "v1");
        warm(node, probe, uuid);
        node.saveSetup(uuid, Map.of("note", "v2")); // drops the row: the next read loads

        CompletableFuture<String> loader = new CompletableFuture<>();
        Thread thread = new Thread(() -> loader.complete(note(node, uuid)), "cache-loader");
        probe.holdMissOf = thread; // held after its database read, before it inserts
        thread.start();
        assertThat(probe.missHeld.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        node.saveSetup(uuid, Map.of("note", "v3")); // commits and invalidates while the load holds v2
        probe.releaseMiss.countDown();
        assertThat(loader.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("v2");

        assertThat(note(node, uuid)).isEqualTo("v3");
        assertThat(note(node, uuid)).isEqualTo("v3");
    }

    @Test
    @DisplayName("no row older than the maximum staleness is used (writes that send no notification)")
    void rowWhenOlderThanMaxStalenessThenReadAgain(TestDatabase database) {
        Probe probe = new Probe();
        TestClock clock = TestClock.startingAt(Instant.parse("2026-05-01T10:00:00Z"));
        Integrations node = build(
                database.dataSource(),
                probe,
                builder -> builder.clock(clock)
                        .credentialCache(100, Duration.ofSeconds(30))
                        .credentialCacheWithoutCrossNodeEvents(true));
        UUID uuid = connection(node, "stale", "v1");
        assertThat(note(node, uuid)).isEqualTo("v1");
        writeBehindTheCachesBack(database.jdbi(), uuid, "by-hand");

        clock.advance(Duration.ofSeconds(29));
        assertThat(note(node, uuid)).as("within the staleness: cached").isEqualTo("v1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(note(node, uuid)).as("at the staleness: read again").isEqualTo("by-hand");
        assertThat(probe.evictions.get(EvictionCause.EXPIRED).get()).isEqualTo(1);
    }

    @Test
    @DisplayName("with cross-node events off the cache is off unless the host opts in")
    void cacheWhenCrossNodeEventsOffThenOffUnlessOptedIn(TestDatabase database) {
        Probe off = new Probe();
        Integrations plain = build(database.dataSource(), off, builder -> builder);
        UUID uuid = connection(plain, "plain", "v1");
        note(plain, uuid);
        note(plain, uuid);
        assertThat(off.hits.get()).isZero();

        Probe on = new Probe();
        Integrations optedIn =
                build(database.dataSource(), on, builder -> builder.credentialCacheWithoutCrossNodeEvents(true));
        note(optedIn, uuid);
        note(optedIn, uuid);
        assertThat(on.hits.get()).isEqualTo(1);
        assertThat(on.misses.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("the cache holds at most maxEntries rows")
    void cacheWhenMoreRowsThanMaxEntriesThenEvictsBySize(TestDatabase database) {
        Probe probe = new Probe();
        Integrations node = build(
                database.dataSource(),
                probe,
                builder ->
                        builder.credentialCache(2, Duration.ofSeconds(30)).credentialCacheWithoutCrossNodeEvents(true));
        List<UUID> uuids =
                List.of(connection(node, "one", "1"), connection(node, "two", "2"), connection(node, "three", "3"));
        uuids.forEach(uuid -> note(node, uuid));

        assertThat(probe.evictions.get(EvictionCause.SIZE).get()).isEqualTo(1);
        int misses = probe.misses.get();
        uuids.forEach(uuid -> note(node, uuid));
        assertThat(probe.misses.get() - misses)
                .as("one of three rows was evicted")
                .isGreaterThanOrEqualTo(1);
    }
}
