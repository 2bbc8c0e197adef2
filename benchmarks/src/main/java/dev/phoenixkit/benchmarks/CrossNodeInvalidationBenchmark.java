package dev.phoenixkit.benchmarks;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * P9: a write on one {@link Integrations} instance seen by another instance's credential cache. Two instances
 * ({@code writer} and {@code reader}), each with its own HikariCP pool and its own LISTEN/NOTIFY bridge, on one
 * database; the cache is on (cross-node events on, defaults).
 *
 * <p>One operation ({@code propagation}): the reader's cache holds the connection (checked: the read just before the
 * write is a cache hit); the writer saves a new {@code api_key} ({@code saveSetup}, which commits and sends its
 * {@code pg_notify}); the reader then calls {@code getCredentials(uuid)} every ~20 µs until it returns the new key.
 * Two latencies are recorded per operation: from the start of the write call (the write's own time included) and
 * from its return (commit done) to the reader's first read with the new key. The target (p99 ≤ 50 ms) is judged on
 * the first, the longer one. Without the bridge the reader would see the write only after the cache's maximum
 * staleness (30 s). The fork writes {@code results/p9-propagation.txt}, from which {@code results.md} reports the
 * percentiles. There is no baseline: the JMH score (mean time per operation) is printed for information only.
 */
@BenchmarkMode(Mode.AverageTime)
@State(Scope.Benchmark)
public class CrossNodeInvalidationBenchmark {
    /** Where the fork writes the side results, relative to the working directory. */
    static final Path RESULTS = Path.of("results");
    /** The side result's file name. */
    static final String FILE = "p9-propagation.txt";
    /** The target: p99 from the start of the write until the other instance sees it. */
    static final double TARGET_P99_MS = 50.0;

    private static final String SECRET_KEY_BASE = "benchmark-secret-key-base-0123456789abcdef0123456789abcdef";
    private static final long POLL_NANOS = 20_000;
    private static final long GIVE_UP_NANOS = Duration.ofSeconds(5).toNanos();

    private TestDatabase database;
    private Integrations writer;
    private Integrations reader;
    private final LongAdder readerHits = new LongAdder();
    private final LongAdder readerMisses = new LongAdder();
    private UUID uuid;
    private String uuidText;
    private long version;
    private boolean measuring;
    private final List<Long> fromWriteStart = new ArrayList<>();
    private final List<Long> fromCommit = new ArrayList<>();

    /** Creates the database, both instances and one connection. */
    @Setup(Level.Trial)
    public void start() {
        database = PostgresServer.shared().createDatabase();
        writer = build(database.dataSource(), null);
        reader = build(database.newDataSource(), new IntegrationsObserver() {
            @Override
            public void cacheHit() {
                readerHits.increment();
            }

            @Override
            public void cacheMiss() {
                readerMisses.increment();
            }
        });
        Connection connection = writer.addConnection("openrouter", "shared");
        uuid = connection.uuid();
        uuidText = uuid.toString();
        writer.saveSetup(uuid, Map.of("api_key", key(version)));
    }

    private static Integrations build(DataSource dataSource, IntegrationsObserver observer) {
        Integrations.Builder builder = Integrations.builder()
                .dataSource(dataSource)
                .providers(ProviderRegistry.loadDefault())
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .clock(Clock.systemUTC())
                .crossNodeEvents(true);
        if (observer != null) {
            builder.observer(observer);
        }
        return builder.build();
    }

    private static String key(long version) {
        return "sk-or-benchmark-" + version + "-0123456789abcdef";
    }

    /**
     * Notes whether the iteration is measured and makes sure the reader caches the row.
     *
     * @param params tells warm-up from measurement
     */
    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!readIsHit()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The reader's cache did not start caching within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private boolean readIsHit() {
        long before = readerHits.sum();
        reader.getCredentials(uuidText);
        return readerHits.sum() > before;
    }

    /** Writes the side results, closes both instances and drops the database. */
    @TearDown(Level.Trial)
    public void finish() {
        try {
            writeSideResults();
        } finally {
            reader.close();
            writer.close();
            database.close();
        }
    }

    /** @return the number of reads the reader made until it saw the write */
    @Benchmark
    public int propagation() {
        // the row must be in the reader's cache, else the measure would be a plain database read
        int tries = 0;
        while (!readIsHit()) {
            if (++tries > 1000) {
                throw new IllegalStateException("The reader does not cache the row");
            }
        }
        version++;
        String expected = key(version);
        long started = System.nanoTime();
        writer.saveSetup(uuid, Map.of("api_key", expected));
        long committed = System.nanoTime();
        int reads = 0;
        while (true) {
            reads++;
            if (expected.equals(
                    reader.getCredentials(uuidText).getString("api_key").orElse(null))) {
                break;
            }
            if (System.nanoTime() - committed > GIVE_UP_NANOS) {
                throw new IllegalStateException("The reader did not see the write within 5 s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        long seen = System.nanoTime();
        if (measuring) {
            fromWriteStart.add(seen - started);
            fromCommit.add(seen - committed);
        }
        return reads;
    }

    private void writeSideResults() {
        List<Long> start = sorted(fromWriteStart);
        List<Long> commit = sorted(fromCommit);
        String out = String.format(
                Locale.ROOT,
                "writes=%d%nreaderHits=%d%nreaderMisses=%d%n"
                        + "startP50Ms=%.3f%nstartP99Ms=%.3f%nstartMaxMs=%.3f%n"
                        + "commitP50Ms=%.3f%ncommitP99Ms=%.3f%ncommitMaxMs=%.3f%n",
                start.size(),
                readerHits.sum(),
                readerMisses.sum(),
                percentile(start, 50),
                percentile(start, 99),
                percentile(start, 100),
                percentile(commit, 50),
                percentile(commit, 99),
                percentile(commit, 100));
        try {
            Files.createDirectories(RESULTS);
            Files.writeString(RESULTS.resolve(FILE), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double percentile(List<Long> sortedNanos, int percent) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
