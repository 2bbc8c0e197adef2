package dev.phoenixkit.testkit.fake.internal;

import dev.phoenixkit.testkit.fake.FakeAccount;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The fake server's mutable configuration and state, shared by its handlers. Thread-safe. */
public final class ServerSettings {
    /** When the server was closed; slow handlers stop waiting. */
    public final CountDownLatch closed = new CountDownLatch(1);
    /** Issued codes and tokens. */
    public final TokenStore tokens = new TokenStore();
    /** Faults switched on. */
    public final FaultSwitch faults = new FaultSwitch();
    /** Every request received, in arrival order; add through {@link #record(RecordedRequest)}. */
    public final List<RecordedRequest> log = new CopyOnWriteArrayList<>();
    /** Registered OAuth clients: id to secret. */
    public final Map<String, String> clients = new ConcurrentHashMap<>();
    /** Accepted API keys. */
    public final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    /** Accepted Telegram bot tokens: token to the bot's username. */
    public final Map<String, String> botTokens = new ConcurrentHashMap<>();

    private final Clock clock;
    private final Map<FakeEndpoint, Duration> latency = new EnumMap<>(FakeEndpoint.class);
    private final Map<FakeEndpoint, CountDownLatch> holds = new EnumMap<>(FakeEndpoint.class);
    private final Object logChanged = new Object();
    private volatile FakeAccount account = FakeAccount.defaultAccount();
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile boolean rotateRefreshTokens = true;
    private volatile boolean requirePkce;
    private volatile Duration slowDelay = Duration.ofSeconds(30);
    private volatile List<Map<String, Object>> brevoPlan =
            List.of(Map.of("type", "free", "creditsType", "sendLimit", "credits", 300));

    /** @param clock the server's clock, for token and code expiry */
    public ServerSettings(Clock clock) {
        this.clock = clock;
    }

    /** @return the server's clock */
    public Clock clock() {
        return clock;
    }

    /** @return the {@code plan} list Brevo's {@code /v3/account} answers with */
    public List<Map<String, Object>> brevoPlan() {
        return brevoPlan;
    }

    /** @param plan the {@code plan} list Brevo's {@code /v3/account} answers with */
    public void brevoPlan(List<Map<String, Object>> plan) {
        this.brevoPlan = plan;
    }

    /** @return the signed-in account */
    public FakeAccount account() {
        return account;
    }

    /** @param account the signed-in account */
    public void account(FakeAccount account) {
        this.account = account;
    }

    /** @return the lifetime of issued access tokens */
    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    /** @param lifetime the lifetime of issued access tokens */
    public void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    /** @return whether a refresh returns a new refresh token and revokes the old one */
    public boolean rotateRefreshTokens() {
        return rotateRefreshTokens;
    }

    /** @param rotate whether a refresh returns a new refresh token and revokes the old one */
    public void rotateRefreshTokens(boolean rotate) {
        this.rotateRefreshTokens = rotate;
    }

    /** @return whether an authorization request without a PKCE challenge is refused */
    public boolean requirePkce() {
        return requirePkce;
    }

    /** @param require whether an authorization request without a PKCE challenge is refused */
    public void requirePkce(boolean require) {
        this.requirePkce = require;
    }

    /** @return how long {@code SLOW} waits */
    public Duration slowDelay() {
        return slowDelay;
    }

    /** @param delay how long {@code SLOW} waits */
    public void slowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    /**
     * @param endpoint the endpoint group
     * @return the latency added to every answer of that group
     */
    public synchronized Duration latency(FakeEndpoint endpoint) {
        return latency.getOrDefault(endpoint, Duration.ZERO);
    }

    /**
     * @param endpoint the endpoint group
     * @param delay    the latency added to every answer of that group
     */
    public synchronized void latency(FakeEndpoint endpoint, Duration delay) {
        latency.put(endpoint, delay);
    }

    /**
     * Appends a request to the log and wakes {@link #awaitLog} waiters.
     *
     * @param request the request received
     */
    public void record(RecordedRequest request) {
        log.add(request);
        synchronized (logChanged) {
            logChanged.notifyAll();
        }
    }

    /**
     * Waits until the log satisfies a condition.
     *
     * @param condition the condition, tested on a snapshot of the log
     * @param timeout   how long to wait at most
     * @return whether the condition held before the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitLog(Predicate<List<RecordedRequest>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (logChanged) {
            while (!condition.test(List.copyOf(log))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(logChanged, left);
            }
            return true;
        }
    }

    /**
     * Holds every later request to an endpoint group (after logging it) until {@link #release} or
     * {@link #releaseAll}. Holding a held group again does nothing.
     *
     * @param endpoint the endpoint group
     */
    public synchronized void hold(FakeEndpoint endpoint) {
        holds.putIfAbsent(endpoint, new CountDownLatch(1));
    }

    /**
     * Lets the held requests of an endpoint group go on and stops holding it.
     *
     * @param endpoint the endpoint group
     */
    public synchronized void release(FakeEndpoint endpoint) {
        CountDownLatch gate = holds.remove(endpoint);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Releases every held endpoint group (on close). */
    public synchronized void releaseAll() {
        holds.values().forEach(CountDownLatch::countDown);
        holds.clear();
    }

    /**
     * @param endpoint the endpoint group
     * @return the gate a request to that group must pass, when the group is held
     */
    public synchronized Optional<CountDownLatch> gate(FakeEndpoint endpoint) {
        return Optional.ofNullable(holds.get(endpoint));
    }
}
