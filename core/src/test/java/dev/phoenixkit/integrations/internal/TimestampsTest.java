package dev.phoenixkit.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.internal.json.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void formatWhenAnyInstantThenSixFractionDigitsAndZ() {
        assertThat(Timestamps.format(Instant.parse("2026-05-01T10:00:00Z"))).isEqualTo("2026-05-01T10:00:00.000000Z");
        assertThat(Timestamps.format(Instant.parse("2026-05-01T10:00:00.123456789Z")))
                .isEqualTo("2026-05-01T10:00:00.123456Z");
        assertThat(Timestamps.now(Clock.fixed(Instant.parse("2030-01-02T03:04:05.6Z"), ZoneOffset.UTC)))
                .isEqualTo("2030-01-02T03:04:05.600000Z");
    }

    @Test
    void formatWhenInstantsOrderedThenTextOrdered() {
        Instant base = Instant.parse("2026-05-01T09:59:59.999999Z");
        String previous = Timestamps.format(base);
        for (long micros = 1; micros < 3_000_000; micros += 77_777) {
            String next = Timestamps.format(base.plusNanos(micros * 1000));
            assertThat(next).hasSize(previous.length()).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void parseWhenPhoenixKitOrOffsetTextThenInstant() {
        assertThat(Timestamps.parse("2026-05-01T10:00:00.123456Z"))
                .contains(Instant.parse("2026-05-01T10:00:00.123456Z"));
        assertThat(Timestamps.parse("2026-05-01T12:00:00+02:00")).contains(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(Timestamps.parse("yesterday")).isEmpty();
        assertThat(Timestamps.parse(42)).isEmpty();
    }
}
