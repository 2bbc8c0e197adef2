package dev.phoenixkit.benchmarks;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * P6: a refresh storm. Before every shot the Google connection gets fresh tokens whose {@code expires_at} lies in
 * the past; then
 * <ul>
 *   <li>{@code library}: {@value #THREADS_PER_NODE} threads on each of two {@link Integrations} instances (two
 *       "nodes", separate pools, one database) call {@code authenticatedRequest} at once (released by one latch);
 *       the shot ends when all {@value #THREADS_PER_NODE}×2 calls have returned;</li>
 *   <li>{@code baseline}: one caller, one {@code authenticatedRequest} on the expired token: one plain refresh
 *       (token endpoint call, row update) plus the request.</li>
 * </ul>
 * Both instances run with cross-node events on, so with their credential caches (the set-up of every shot waits
 * until both hand out the expired token, which also opens their pools, so both nodes really race).
 * The token endpoint answers after {@link #tokenLatencyMs} ms (0: as fast as loopback allows; 100: a realistic
 * provider). Every shot records the number of token-endpoint calls (target: exactly 1) and each caller's latency
 * from the release; at the end of the trial these go to {@code results/p6-storm-<latency>ms.txt}, from which the
 * suite reports the token calls and the p99 caller latency against the baseline's mean (target: at most 2×). The
 * JMH ratio library/baseline compares the whole storm (its slowest caller) with one refresh; {@code floor} is the
 * same storm without the library (128 concurrent requests with a valid token set by hand), so library/floor shows
 * what the library adds to the concurrency cost.
 */
@RatioTarget(id = "P6", maxRatio = 2.0)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@State(Scope.Benchmark)
public class RefreshStormBenchmark {
    /** Callers per {@code Integrations} instance. */
    static final int THREADS_PER_NODE = 64;
    /** Where the fork writes the storm's side results, relative to the working directory. */
    static final Path RESULTS = Path.of("results");

    /** Latency of the fake token endpoint, in milliseconds. */
    @Param({"0", "100"})
    public int tokenLatencyMs;

    private OAuthFixture fixture;
    private Integrations otherNode;
    private HttpRequest request;
    private boolean storm;
    private boolean floor;
    private String heldToken;
    private ExecutorService pool;
    private CountDownLatch go;
    private CountDownLatch done;
    private volatile long releasedAt;
    private long[] latencies;
    private AtomicInteger failures;
    private final List<Long> allLatencies = new ArrayList<>();
    private final List<Integer> tokenCalls = new ArrayList<>();
    private int failedCalls;
    private boolean measuring;

    /**
     * Starts the database, the fake server and both instances.
     *
     * @param params which method this trial runs
     */
    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        fixture = new OAuthFixture(true);
        fixture.fake.latency(FakeEndpoint.TOKEN, Duration.ofMillis(tokenLatencyMs));
        otherNode = fixture.anotherNode();
        request = fixture.resourceRequest();
        storm = params.getBenchmark().endsWith(".library");
        floor = params.getBenchmark().endsWith(".floor");
    }

    /**
     * Stores an expired token, clears the fake's request log and, for the storm, parks every caller on the latch.
     *
     * @param params tells warm-up from measurement
     */
    @Setup(Level.Iteration)
    public void expireToken(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
        String expired = fixture.storeNewTokens(Instant.now().minus(Duration.ofMinutes(5)))
                .accessToken();
        // both nodes must hand out the expired token (the other node's cache drops its row on the notification)
        fixture.awaitSeen(fixture.integrations, expired);
        fixture.awaitSeen(otherNode, expired);
        fixture.fake.clearRequests();
        if (!storm && !floor) {
            return;
        }
        int callers = 2 * THREADS_PER_NODE;
        pool = Executors.newFixedThreadPool(callers);
        CountDownLatch ready = new CountDownLatch(callers);
        go = new CountDownLatch(1);
        done = new CountDownLatch(callers);
        latencies = new long[callers];
        failures = new AtomicInteger();
        for (int i = 0; i < callers; i++) {
            int caller = i;
            Integrations node = i % 2 == 0 ? fixture.integrations : otherNode;
            pool.execute(() -> {
                ready.countDown();
                try {
                    go.await();
                    HttpResponse<byte[]> response = floor
                            ? fixture.client.send(
                                    HttpRequest.newBuilder(request, (name, value) -> true)
                                            .header("Authorization", "Bearer " + heldToken)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            : node.authenticatedRequest(fixture.google, request);
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    failures.incrementAndGet();
                } finally {
                    latencies[caller] = System.nanoTime() - releasedAt;
                    done.countDown();
                }
            });
        }
        await(ready);
    }

    /** Records the shot's token calls and latencies. */
    @TearDown(Level.Iteration)
    public void record() {
        int calls = fixture.fake.tokenCalls();
        if (floor) {
            pool.shutdownNow();
            if (calls != 0 || failures.get() != 0) {
                throw new IllegalStateException(
                        "The floor made " + calls + " token calls and " + failures.get() + " failed requests");
            }
        } else if (storm) {
            pool.shutdownNow();
            if (measuring) {
                tokenCalls.add(calls);
                failedCalls += failures.get();
                for (long latency : latencies) {
                    allLatencies.add(latency);
                }
            }
        } else if (calls != 1) {
            throw new IllegalStateException("One plain refresh made " + calls + " token calls");
        }
    }

    /** Writes the storm's side results and stops everything. */
    @TearDown(Level.Trial)
    public void finish() {
        try {
            if (storm) {
                writeSideResults();
            }
        } finally {
            fixture.close();
        }
    }

    private void writeSideResults() {
        List<Long> sorted = new ArrayList<>(allLatencies);
        Collections.sort(sorted);
        StringBuilder out = new StringBuilder();
        out.append("tokenLatencyMs=")
                .append(tokenLatencyMs)
                .append('\n')
                .append("callers=")
                .append(2 * THREADS_PER_NODE)
                .append('\n')
                .append("shots=")
                .append(tokenCalls.size())
                .append('\n')
                .append("tokenCalls=")
                .append(tokenCalls.toString().replaceAll("[\\[\\] ]", ""))
                .append('\n')
                .append("failedCalls=")
                .append(failedCalls)
                .append('\n')
                .append(String.format(
                        Locale.ROOT,
                        "p50Ms=%.3f%np99Ms=%.3f%nmaxMs=%.3f%n",
                        percentile(sorted, 50),
                        percentile(sorted, 99),
                        percentile(sorted, 100)));
        try {
            Files.createDirectories(RESULTS);
            Files.writeString(RESULTS.resolve("p6-storm-" + tokenLatencyMs + "ms.txt"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double percentile(List<Long> sortedNanos, int percent) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    /** Releases all callers at once and waits for the last one. */
    @Benchmark
    public void library() {
        releasedAt = System.nanoTime();
        go.countDown();
        await(done);
    }

    /**
     * The storm's floor, without the library: the same {@value #THREADS_PER_NODE}×2 callers released at once, each
     * sending the same GET with a valid token set by hand through the same {@code HttpClient} to the same fake
     * server. What the 2-core machine, the client and the fake need to serve 128 concurrent requests, whatever
     * the refresh costs; the storm cannot end before this.
     */
    @Benchmark
    public void floor() {
        library();
    }

    /** @return the answer of one request that needs one refresh */
    @Benchmark
    public int baseline() {
        HttpResponse<byte[]> response = fixture.integrations.authenticatedRequest(fixture.google, request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The fake provider answered " + response.statusCode());
        }
        return response.statusCode();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Storm callers did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the storm", e);
        }
    }
}
