package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A test declaring a {@link FakeProviderServer} gets a facade whose providers point at it, on the test's clock. */
@PhoenixKitTest
class FakeServerInjectionTest {
    private static final String GOOD_KEY = "sk-or-v1-injected";

    private FakeProviderServer fakeFromBeforeEach;

    @BeforeEach
    void setUp(FakeProviderServer fake) {
        fakeFromBeforeEach = fake.addApiKey(GOOD_KEY);
    }

    @Test
    void injectedFacadeValidatesAgainstTheInjectedFakeServerOnTheTestClock(
            Integrations integrations, FakeProviderServer fake, TestClock clock) {
        clock.advance(Duration.ofDays(2));
        UUID uuid = integrations.addConnection("openrouter", "fake").uuid();
        integrations.saveSetup(uuid, Map.of("api_key", GOOD_KEY));

        ValidationResult result = integrations.validateConnection(uuid);
        integrations.recordValidation(uuid, result);

        assertThat(fake).isSameAs(fakeFromBeforeEach);
        assertThat(result).isEqualTo(ValidationResult.ok());
        assertThat(fake.requests(FakeEndpoint.API_KEY)).hasSize(1);
        assertThat(integrations.getIntegration(uuid.toString()).lastValidatedAt())
                .contains(TestClock.DEFAULT_START.plus(Duration.ofDays(2)));
    }

    @Test
    void aWrongKeyIsRefusedByTheFakeServer(Integrations integrations, FakeProviderServer fake) {
        UUID uuid = integrations.addConnection("openrouter", "wrong").uuid();
        integrations.saveSetup(uuid, Map.of("api_key", "sk-or-v1-wrong"));

        assertThat(integrations.validateConnection(uuid)).isEqualTo(ValidationResult.error("Invalid credentials"));
        assertThat(fake.requests()).isNotEmpty();
    }
}
