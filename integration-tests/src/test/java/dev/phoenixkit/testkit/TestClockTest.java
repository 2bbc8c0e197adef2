package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@PhoenixKitTest
class TestClockTest {

    @Test
    void clockStandsStillUntilMovedAndZoneViewsShareItsTime() {
        TestClock clock = TestClock.startingAt(Instant.parse("2030-05-01T10:00:00Z"));
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofMinutes(5));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-05-01T10:05:00Z"));
        assertThat(paris.instant()).isEqualTo(clock.instant());
        clock.set(Instant.parse("2031-01-01T00:00:00Z"));
        assertThat(paris.instant()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
    }

    @Test
    void tickingClockMovesOneStepPerReadingAndStillJumps() {
        TestClock clock = TestClock.ticking(Instant.parse("2030-05-01T10:00:00Z"), Duration.ofMillis(1));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-05-01T10:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-05-01T10:00:00.001Z"));
        assertThat(clock.withZone(ZoneId.of("Europe/Paris")).instant())
                .isEqualTo(Instant.parse("2030-05-01T10:00:00.002Z"));
        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-05-01T11:00:00.003Z"));
    }

    @Test
    void tickingClockRefusesANonPositiveStep() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestClock.ticking(Instant.EPOCH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void injectedIntegrationsRunsOnTheInjectedClockWhenTheTestAsksForOne(Integrations integrations, TestClock clock) {
        clock.advance(Duration.ofDays(3));

        var connection = integrations.addConnection("openrouter", "clocked");
        integrations.recordValidation(connection.uuid(), ValidationResult.ok());

        assertThat(integrations.getIntegration(connection.uuid().toString()).lastValidatedAt())
                .contains(TestClock.DEFAULT_START.plus(Duration.ofDays(3)));
    }

    @Test
    void injectedIntegrationsRunsOnTheSystemClockOtherwise(Integrations integrations) {
        Instant before = Instant.now();
        var connection = integrations.addConnection("openrouter", "unclocked");
        integrations.recordValidation(connection.uuid(), ValidationResult.ok());

        assertThat(integrations.getIntegration(connection.uuid().toString()).lastValidatedAt())
                .hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(before.minusSeconds(1)));
    }
}
