package dev.phoenixkit.integrations.catalog;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.TestClock;
import dev.phoenixkit.testkit.fake.FakeAwsServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A fake AWS endpoint on a test clock and facades pointed at it (every AWS host rebased onto the fake). */
final class AwsFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
    /** Generous: a normal check (and its confirm-retry pause of 1 s) ends long before. */
    static final Duration DEADLINE = Duration.ofSeconds(10);
    /** For faults that must run into the deadline. */
    static final Duration SHORT_DEADLINE = Duration.ofMillis(800);

    final TestClock clock = TestClock.startingAt(START);
    final FakeAwsServer aws = FakeAwsServer.start(clock);
    final Integrations integrations;
    private final DataSource dataSource;
    private final List<Integrations> opened = new CopyOnWriteArrayList<>();

    AwsFixture(DataSource dataSource) {
        this.dataSource = dataSource;
        this.integrations = build(aws.providerRegistry(), clock, DEADLINE);
    }

    /** @return a facade whose checks must finish within {@link #SHORT_DEADLINE} */
    Integrations impatient() {
        return build(aws.providerRegistry(), clock, SHORT_DEADLINE);
    }

    /** @return a facade whose clock runs {@code skew} ahead of the fake's */
    Integrations skewed(Duration skew) {
        return build(aws.providerRegistry(), Clock.offset(clock, skew), DEADLINE);
    }

    /** @return a facade pointed at a loopback port nobody listens on */
    Integrations unreachable() {
        URI closed;
        try (FakeAwsServer gone = FakeAwsServer.start(clock)) {
            closed = gone.baseUri();
        }
        return build(
                ProviderRegistry.builder()
                        .loadServices()
                        .overrideBaseUrl(closed)
                        .build(),
                clock,
                DEADLINE);
    }

    ValidationResult validate(String provider, Map<String, ?> attrs) {
        return integrations.validateCredentials(provider, attrs);
    }

    private Integrations build(ProviderRegistry registry, Clock instanceClock, Duration deadline) {
        Integrations instance = Integrations.builder()
                .dataSource(dataSource)
                .providers(registry)
                .cipher(SecretCipher.none())
                .clock(instanceClock)
                .checkDeadline(deadline)
                .build();
        opened.add(instance);
        return instance;
    }

    @Override
    public void close() {
        for (Integrations instance : opened) {
            instance.close();
        }
        aws.close();
    }
}
