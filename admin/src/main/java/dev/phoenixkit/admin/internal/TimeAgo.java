package dev.phoenixkit.admin.internal;

import java.time.Duration;
import java.time.Instant;

/** "3 minutes ago" texts. Thread-safe (stateless). */
public final class TimeAgo {
    private TimeAgo() {}

    /**
     * @param then an instant
     * @param now  the current instant
     * @return for example "just now", "5 minutes ago", "2 hours ago", "3 days ago", "in 4 minutes"
     */
    public static String format(Instant then, Instant now) {
        Duration between = Duration.between(then, now);
        boolean future = between.isNegative();
        long seconds = Math.abs(between.getSeconds());
        if (seconds < 45) {
            return "just now";
        }
        String amount;
        if (seconds < 3600) {
            amount = plural(Math.max(1, Math.round(seconds / 60.0)), "minute");
        } else if (seconds < 86_400) {
            amount = plural(Math.round(seconds / 3600.0), "hour");
        } else if (seconds < 86_400L * 60) {
            amount = plural(Math.round(seconds / 86_400.0), "day");
        } else if (seconds < 86_400L * 730) {
            amount = plural(Math.round(seconds / (86_400.0 * 30.44)), "month");
        } else {
            amount = plural(Math.round(seconds / (86_400.0 * 365.25)), "year");
        }
        return future ? "in " + amount : amount + " ago";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
