package dev.phoenixkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.observe.EvictionCause;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The observer bound to a {@link SimpleMeterRegistry}, driven by a real instance against the fake provider. */
@PhoenixKitTest
class MicrometerObserverTest {
    private static final String GOOD_KEY = "sk-micrometer-good-key-0123456789";
    private static final String BAD_KEY = "sk-micrometer-bad-key-9876543210";
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FakeProviderServer fake;
    private Integrations integrations;

    @BeforeEach
    void setUp(TestDatabase database) {
        fake = FakeProviderServer.start().addApiKey(GOOD_KEY);
        integrations = Integrations.builder()
                .dataSource(database.dataSource())
                .providers(fake.providerRegistry())
                .cipher(SecretCipher.fromSecretKeyBase("micrometer-tests-secret-key-base"))
                .crossNodeEvents(true)
                .observer(new MicrometerObserver(registry))
                .build();
    }

    @AfterEach
    void tearDown() {
        integrations.close();
        fake.close();
    }

    private double timerCount(String name, String... tags) {
        var timer = registry.find(name).tags(tags).timer();
        return timer == null ? 0 : timer.count();
    }

    private double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void validationsWhenRunThenTimedByProviderAndOutcome() {
        UUID good = integrations.addConnection("openrouter", "good-one").uuid();
        integrations.saveSetup(good, Map.of("api_key", GOOD_KEY));
        UUID bad = integrations.addConnection("openrouter", "bad-one").uuid();
        integrations.saveSetup(bad, Map.of("api_key", BAD_KEY));

        assertThat(integrations.validateConnection(good).isOk()).isTrue();
        assertThat(integrations.validateConnection(bad).isOk()).isFalse();

        assertThat(timerCount(MicrometerObserver.VALIDATIONS, "provider", "openrouter", "outcome", "success"))
                .isEqualTo(1);
        assertThat(timerCount(MicrometerObserver.VALIDATIONS, "provider", "openrouter", "outcome", "failure"))
                .isEqualTo(1);
        assertThat(timerCount(
                        MicrometerObserver.PROVIDER_REQUESTS,
                        "provider",
                        "openrouter",
                        "kind",
                        "validation",
                        "outcome",
                        "success"))
                .isEqualTo(1);
        assertThat(timerCount(
                        MicrometerObserver.PROVIDER_REQUESTS,
                        "provider",
                        "openrouter",
                        "kind",
                        "validation",
                        "outcome",
                        "client_error"))
                .isEqualTo(1);
        assertNoTagNamesTheConnection(good, "good-one", GOOD_KEY);
        assertNoTagNamesTheConnection(bad, "bad-one", BAD_KEY);
    }

    @Test
    void credentialReadsWhenRepeatedThenCacheHitsAndOwnWriteEvictionCounted() throws Exception {
        UUID uuid = integrations.addConnection("openrouter", "cached").uuid();
        integrations.saveSetup(uuid, Map.of("api_key", GOOD_KEY));
        Instant deadline = Instant.now().plus(BOUND);
        // the cache starts once the cross-node listener listens: read until a read is a hit
        while (counter(MicrometerObserver.CACHE_REQUESTS, "outcome", "hit") == 0) {
            assertThat(Instant.now()).as("waiting for a cache hit").isBefore(deadline);
            integrations.getCredentials(uuid.toString());
            Thread.sleep(10);
        }
        assertThat(counter(MicrometerObserver.CACHE_REQUESTS, "outcome", "miss"))
                .isGreaterThanOrEqualTo(1);

        integrations.saveSetup(uuid, Map.of("api_key", GOOD_KEY + "-rotated"));

        assertThat(counter(MicrometerObserver.CACHE_EVICTIONS, "cause", "invalidated"))
                .isEqualTo(1);
        assertThat(counter(
                        MicrometerObserver.CACHE_EVICTIONS,
                        "cause",
                        EvictionCause.SIZE.name().toLowerCase(java.util.Locale.ROOT)))
                .isZero();
        assertNoTagNamesTheConnection(uuid, "cached", GOOD_KEY);
    }

    @Test
    void migrationStepsWhenMigratedWithListenerThenTimedByTrackAndDirection(TestDatabase database) {
        Migrator.create(database.dataSource())
                .schema("metrics_migrated")
                .listener(new MicrometerObserver(registry))
                .migrate();

        assertThat(timerCount(
                        MicrometerObserver.MIGRATION_STEPS,
                        "track",
                        "phoenix_kit",
                        "direction",
                        "up",
                        "outcome",
                        "success"))
                .isGreaterThan(0);
    }

    private void assertNoTagNamesTheConnection(UUID uuid, String name, String secret) {
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue())
                        .as(meter.getId().toString())
                        .doesNotContain(uuid.toString())
                        .isNotEqualTo(name)
                        .doesNotContain(secret);
            }
        }
    }
}
