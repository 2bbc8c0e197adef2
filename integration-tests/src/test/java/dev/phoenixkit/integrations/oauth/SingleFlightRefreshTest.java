package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
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

/**
 * docs/behaviour.md#fix-6: concurrent callers, in one JVM and on two "nodes", cause one call to the token endpoint.
 *
 * <p>The storms are deterministic: the fake server holds the token call in flight until every caller is waiting for
 * it (joined the refresh in flight, queued on the database's advisory lock, or rejected with 401), and only then
 * lets it answer. No outcome depends on how fast the machine is.
 */
@PhoenixKitTest
class SingleFlightRefreshTest {
    private static final Logger LOG = LoggerFactory.getLogger(SingleFlightRefreshTest.class);
    private static final int THREADS = 64;
    /** Bound against hangs only; a healthy run waits for events, never for this. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    private FacadeFixture fixture;
    private RefreshJoins joins;
    private ExecutorService pool;

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
        joins = fixture.joins;
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        fixture.close();
    }

    private HttpRequest resource() {
        return HttpRequest.newBuilder(fixture.fake.uri("/resource/data"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    /** Starts {@code calls} at once (released together by a latch) and returns their futures. */
    private <T> List<Future<T>> start(List<Callable<T>> calls) throws InterruptedException {
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
        assertThat(ready.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        go.countDown();
        return futures;
    }

    private static <T> List<T> results(List<Future<T>> futures) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        }
        return results;
    }

    /** Opens the node's pool before the storm, so both nodes really race. */
    private static Integrations warmedUp(Integrations node, UUID uuid) {
        assertThat(node.getIntegration(uuid.toString()).accessToken()).isPresent();
        return node;
    }

    private static List<Callable<Integer>> requests(
            Integrations integrations, UUID uuid, HttpRequest request, int count) {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(() -> integrations.authenticatedRequest(uuid, request).statusCode());
        }
        return calls;
    }

    /** Waits until the one token call is in flight and every other caller waits for it, then lets it answer. */
    private void releaseTheTokenCallOnce(int joiners, int advisoryWaiters) throws InterruptedException {
        fixture.fake.awaitRequests(FakeEndpoint.TOKEN, 1, BOUND);
        boolean joined = joins.await(joiners, BOUND);
        boolean queued = fixture.advisoryLocks().awaitWaiters(advisoryWaiters, BOUND);
        fixture.fake.release(FakeEndpoint.TOKEN);
        assertThat(joined)
                .as("%d callers joined the refresh in flight", joiners)
                .isTrue();
        assertThat(queued)
                .as("%d nodes queued on the advisory lock", advisoryWaiters)
                .isTrue();
    }

    @Test
    @DisplayName("64 threads on an expired token → exactly one token call, every request succeeds")
    void authenticatedRequestWhen64ThreadsFindTheTokenExpiredThenExactlyOneTokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.clock.advance(Duration.ofHours(2));
        fixture.fake.hold(FakeEndpoint.TOKEN);

        List<Future<Integer>> running = start(requests(fixture.integrations, uuid, resource(), THREADS));
        releaseTheTokenCallOnce(THREADS - 1, 0);
        List<Integer> statuses = results(running);

        LOG.info("Storm: {} threads, {} token calls", THREADS, fixture.fake.tokenCalls());
        assertThat(statuses).hasSize(THREADS).containsOnly(200);
        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE)).hasSize(THREADS);
    }

    @Test
    @DisplayName("64 threads all rejected with 401 → exactly one token call, one retry each")
    void authenticatedRequestWhen64ThreadsGet401ThenExactlyOneTokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.fake.expireAccessTokens();
        fixture.fake.hold(FakeEndpoint.TOKEN);

        List<Future<Integer>> running = start(requests(fixture.integrations, uuid, resource(), THREADS));
        // Every caller has been rejected with the old token before the one refresh may answer.
        fixture.fake.awaitRequests(FakeEndpoint.RESOURCE, THREADS, BOUND);
        fixture.fake.awaitRequests(FakeEndpoint.TOKEN, 1, BOUND);
        fixture.fake.release(FakeEndpoint.TOKEN);
        List<Integer> statuses = results(running);

        assertThat(statuses).containsOnly(200);
        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE)).hasSize(2 * THREADS);
    }

    @Test
    @DisplayName("two Integrations instances (two nodes) on one database → exactly one token call")
    void authenticatedRequestWhenTwoNodesFindTheTokenExpiredThenExactlyOneTokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        Integrations otherNode = warmedUp(fixture.anotherNode(), uuid);
        fixture.clock.advance(Duration.ofHours(2));
        fixture.fake.hold(FakeEndpoint.TOKEN);
        List<Callable<Integer>> calls = new ArrayList<>(requests(fixture.integrations, uuid, resource(), THREADS / 2));
        calls.addAll(requests(otherNode, uuid, resource(), THREADS / 2));

        List<Future<Integer>> running = start(calls);
        // One node's first caller calls the token endpoint, the other's waits on the advisory lock, the rest join.
        releaseTheTokenCallOnce(THREADS - 2, 1);
        List<Integer> statuses = results(running);

        LOG.info("Two-node storm: {} threads, {} token calls", THREADS, fixture.fake.tokenCalls());
        assertThat(statuses).hasSize(THREADS).containsOnly(200);
        assertThat(fixture.fake.tokenCalls()).isOne();
    }

    @Test
    void refreshAccessTokenWhenCalledConcurrentlyThenOneTokenCallAndEveryoneGetsTheSameToken() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        Integrations otherNode = warmedUp(fixture.anotherNode(), uuid);
        fixture.fake.hold(FakeEndpoint.TOKEN);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Integrations node = i % 2 == 0 ? fixture.integrations : otherNode;
            calls.add(() -> node.refreshAccessToken(uuid));
        }

        List<Future<String>> running = start(calls);
        releaseTheTokenCallOnce(16 - 2, 1);
        List<String> tokens = results(running);

        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(tokens).containsOnly(fixture.data(uuid).accessToken().orElseThrow());
    }

    @Test
    @DisplayName("invalid_grant storm: 64 threads → exactly one token call and one error write, all get the failure")
    void refreshAccessTokenWhenManyThreadsHitInvalidGrantThenOneTokenCallAndOneErrorWrite() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.fake.revokeRefreshTokens();
        fixture.fake.hold(FakeEndpoint.TOKEN);
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(() -> {
                try {
                    return fixture.integrations.refreshAccessToken(uuid);
                } catch (IntegrationException e) {
                    return e;
                }
            });
        }

        List<Future<Object>> running = start(calls);
        fixture.fake.awaitRequests(FakeEndpoint.TOKEN, 1, BOUND);
        boolean allJoined = joins.await(THREADS - 1, BOUND);
        fixture.fake.release(FakeEndpoint.TOKEN);
        List<Object> outcomes = results(running);

        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(outcomes)
                .hasSize(THREADS)
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(IntegrationException.class, e -> {
                    assertThat(e.error()).isEqualTo(IntegrationError.REFRESH_FAILED);
                    assertThat(e.oauthError()).contains("invalid_grant");
                }));
        assertThat(fixture.integrations.auditTrail(uuid))
                .filteredOn(entry -> entry.action().equals("integration.token_refresh_failed"))
                .hasSize(1);
        assertThat(allJoined).as("every other caller joined the one refresh").isTrue();
    }

    @Test
    @DisplayName("the cross-node lock is pg_advisory_xact_lock(bigint) keyed on all 128 bits (msb ^ lsb)")
    void refreshAccessTokenWhileInFlightThenHoldsTheFull64BitAdvisoryKeyOfTheConnection() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.fake.hold(FakeEndpoint.TOKEN);

        Future<String> running = pool.submit(() -> fixture.integrations.refreshAccessToken(uuid));
        fixture.fake.awaitRequests(FakeEndpoint.TOKEN, 1, BOUND);
        List<AdvisoryLocks.Lock> held = fixture.advisoryLocks().all();
        fixture.fake.release(FakeEndpoint.TOKEN);
        running.get(BOUND.toSeconds(), TimeUnit.SECONDS);

        assertThat(held).containsExactly(new AdvisoryLocks.Lock(AdvisoryLocks.refreshKeyOf(uuid), 1, true));
    }

    @Test
    @DisplayName("(c) a token living less than the skew, refreshed by another node meanwhile, is not refreshed again")
    void authenticatedRequestWhenAnotherNodeRefreshedAShortLivedTokenMeanwhileThenNoSecondTokenCall() throws Exception {
        fixture.fake.accessTokenLifetime(Duration.ofSeconds(30));
        UUID uuid = fixture.connectedGoogle("default");
        Integrations otherNode = warmedUp(fixture.anotherNode(), uuid);
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.fake.hold(FakeEndpoint.TOKEN);

        Future<Integer> first = pool.submit(() ->
                fixture.integrations.authenticatedRequest(uuid, resource()).statusCode());
        fixture.fake.awaitRequests(FakeEndpoint.TOKEN, 1, BOUND);
        Future<Integer> second = pool.submit(
                () -> otherNode.authenticatedRequest(uuid, resource()).statusCode());
        boolean queued = fixture.advisoryLocks().awaitWaiters(1, BOUND);
        fixture.fake.release(FakeEndpoint.TOKEN);

        assertThat(first.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(second.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(queued).as("the second node queued behind the first").isTrue();
        assertThat(fixture.fake.tokenCalls()).isOne();
    }

    @Test
    void authenticatedRequestWhenTokenStillFreshThenNoTokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");

        List<Integer> statuses = results(start(requests(fixture.integrations, uuid, resource(), 8)));

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
