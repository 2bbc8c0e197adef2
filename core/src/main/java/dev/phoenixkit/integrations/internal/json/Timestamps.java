package dev.phoenixkit.integrations.internal.json;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The timestamp text the library writes into connection data: ISO-8601 UTC with exactly six fractional digits
 * and {@code Z} ({@code 2026-05-01T10:00:00.123456Z}), fixed width so text order is time order.
 *
 * <p>Thread-safe.
 */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /**
     * @param instant the instant; sub-microsecond digits are dropped
     * @return the fixed-width text
     */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * @param clock the clock to read
     * @return the clock's current instant as fixed-width text
     */
    public static String now(Clock clock) {
        return format(clock.instant());
    }

    /**
     * Parses any ISO-8601 instant (PhoenixKit writes {@code Z}; other writers may use an offset).
     *
     * @param text the text, may be {@code null}
     * @return the instant, or empty if the text is {@code null} or not an ISO-8601 instant
     */
    public static Optional<Instant> parse(Object text) {
        if (!(text instanceof String string) || string.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(string, Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
