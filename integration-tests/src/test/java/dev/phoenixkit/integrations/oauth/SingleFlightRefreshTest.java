package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deliberate fix 6: concurrent callers, in one JVM and on two "nodes", cause one call to the token endpoint. */
@PhoenixKitTest
class SingleFlightRefreshTest {
    private static final Logger LOG = LoggerFactory.getLogger(SingleFlightRefreshTest.class);
    private static final int THREADS = 64;

    private FacadeFixture fixture;

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
        // Keep the single token call in flight long enough for every caller to pile up behind it.
        fixture.fake.latency(FakeEndpoint.TOKEN, Duration.ofMillis(300));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private HttpRequest resource() {
        return HttpRequest.newBuilder(fixture.fake.uri("/resource/data")).timeout(Duration.ofSeconds(30)).GET()
                .build();
    }

    /** Runs {@code calls} at once (released together by a latch) and returns their results. */
    private static <T> List<T> storm(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Opens the node's pool before the storm, so both nodes really race. */
    private static Integrations warmedUp(Integrations node, UUID uuid) {
        assertThat(node.getIntegration(uuid.toString()).accessToken()).isPresent();
        return node;
    }

    private static List<Callable<Integer>> requests(Integrations integrations, UUID uuid, HttpRequest request,
            int count) {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(() -> integrations.authenticatedRequest(uuid, request).statusCode());
        }
        return calls;
    }

    @Test
    @DisplayName("64 threads on an expired token → exactly one token call, every request succeeds")
    void authenticatedRequestWhen64ThreadsFindTheTokenExpiredThenExactlyOneTokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.clock.advance(Duration.ofHours(2));

        long started = System.nanoTime();
        List<Integer> statuses = storm(requests(fixture.integrations, uuid, resource(), THREADS));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        LOG.info("Storm: {} threads, {} token calls, {} ms", THREADS, fixture.fake.tokenCalls(), elapsedMillis);
        assertThat(statuses).hasSize(THREADS).containsOnly(200);
        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE)).hasSize(THREADS);
    }

    @Test
    @DisplayName("64 threads all rejected with 401 → exactly one token call, one retry each")
    void authenticatedRequestWhen64ThreadsGet401ThenExactlyOneTokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.fake.expireAccessTokens();

        List<Integer> statuses = storm(requests(fixture.integrations, uuid, resource(), THREADS));

        assertThat(statuses).containsOnly(200);
        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE)).hasSize(2 * THREADS);
    }

    @Test
    @DisplayName("two Integrations instances (two nodes) on one database → exactly one token call")
    void authenticatedRequestWhenTwoNodesFindTheTokenExpiredThenExactlyOneTokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        Integrations otherNode = warmedUp(fixture.anotherNode(), uuid);
        fixture.fake.latency(FakeEndpoint.TOKEN, Duration.ofSeconds(1));
        fixture.clock.advance(Duration.ofHours(2));
        List<Callable<Integer>> calls = new ArrayList<>(requests(fixture.integrations, uuid, resource(), THREADS / 2));
        calls.addAll(requests(otherNode, uuid, resource(), THREADS / 2));

        long started = System.nanoTime();
        List<Integer> statuses = storm(calls);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        LOG.info("Two-node storm: {} threads, {} token calls, {} ms", THREADS, fixture.fake.tokenCalls(),
                elapsedMillis);
        assertThat(statuses).hasSize(THREADS).containsOnly(200);
        assertThat(fixture.fake.tokenCalls()).isOne();
    }

    @Test
    void refreshAccessTokenWhenCalledConcurrentlyThenOneTokenCallAndEveryoneGetsTheSameToken() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        Integrations otherNode = warmedUp(fixture.anotherNode(), uuid);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Integrations node = i % 2 == 0 ? fixture.integrations : otherNode;
            calls.add(() -> node.refreshAccessToken(uuid));
        }

        List<String> tokens = storm(calls);

        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(tokens).containsOnly(fixture.data(uuid).accessToken().orElseThrow());
    }

    @Test
    void authenticatedRequestWhenTokenStillFreshThenNoTokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");

        List<Integer> statuses = storm(requests(fixture.integrations, uuid, resource(), 8));

        assertThat(statuses).containsOnly(200);
        assertThat(fixture.fake.tokenCalls()).isZero();
    }

    @Test
    void sequentialRefreshesAfterEachExpiryEachCallTheTokenEndpoint() {
        UUID uuid = fixture.connectedGoogle("default");
        HttpRequest request = resource();

        for (int round = 1; round <= 3; round++) {
            fixture.clock.advance(Duration.ofHours(2));
            HttpResponse<byte[]> response = fixture.integrations.authenticatedRequest(uuid, request);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(fixture.fake.tokenCalls()).isEqualTo(round);
        }
    }
}
