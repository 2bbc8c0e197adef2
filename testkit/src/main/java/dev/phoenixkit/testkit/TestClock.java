package dev.phoenixkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it (or, made with {@link #ticking(Instant, Duration)}, moves a
 * fixed step at every reading), for expiry, refresh-skew and timestamp tests.
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
    private final Duration tick;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, Duration tick, ZoneId zone) {
        this.now = now;
        this.tick = tick;
        this.zone = zone;
    }

    /**
     * @param start the instant the clock shows until moved
     * @return a UTC clock standing at {@code start}
     */
    public static TestClock startingAt(Instant start) {
        return new TestClock(
                new AtomicReference<>(Objects.requireNonNull(start, "start")), Duration.ZERO, ZoneOffset.UTC);
    }

    /**
     * A clock that moves {@code step} forward at every reading, so successive timestamps differ (for example
     * {@code date_updated} after {@code date_added}) without the test moving it; {@link #advance(Duration)} and
     * {@link #set(Instant)} still jump it.
     *
     * @param start the instant of the first reading
     * @param step  how far each reading moves the clock; positive
     * @return a ticking UTC clock
     */
    public static TestClock ticking(Instant start, Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), step, ZoneOffset.UTC);
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
        return tick.isZero() ? now.get() : now.getAndUpdate(instant -> instant.plus(tick));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(now, tick, Objects.requireNonNull(newZone, "newZone"));
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + (tick.isZero() ? "" : ", ticking " + tick) + "]";
    }
}
