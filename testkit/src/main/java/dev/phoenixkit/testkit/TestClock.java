package dev.phoenixkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it, for expiry, refresh-skew and timestamp tests.
 *
 * <p>Give the same instance to {@code Integrations.builder().clock(...)} and
 * {@code FakeProviderServer.start(clock)} so the library and the fake provider agree on the time. A test method of a
 * {@link PhoenixKitTest} class that declares a {@code TestClock} parameter gets one starting at
 * {@link #DEFAULT_START}, and the {@code Integrations} injected into the same test uses it.
 *
 * <p>Thread-safe. {@link #withZone(ZoneId)} returns a view sharing this clock's time.
 */
public final class TestClock extends Clock {
    /** Where {@link #startingAtDefault()} starts: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * @param start the instant the clock shows until moved
     * @return a UTC clock standing at {@code start}
     */
    public static TestClock startingAt(Instant start) {
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /** @return a UTC clock standing at {@link #DEFAULT_START} */
    public static TestClock startingAtDefault() {
        return startingAt(DEFAULT_START);
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(instant -> instant.plus(duration));
    }

    /**
     * Sets the clock.
     *
     * @param instant the instant to show from now on
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(now, Objects.requireNonNull(newZone, "newZone"));
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "]";
    }
}
