package dev.phoenixkit.integrations.internal.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the HTTP-facing operations. Immutable.
 *
 * @param httpTimeout      how long a provider call may take before it counts as unreachable (default 15 s)
 * @param refreshSkew      how close to {@code expires_at} a token is refreshed before use (default 60 s; capped at
 *                         half the token's lifetime)
 * @param authorizationTtl how long a state from {@code beginAuthorization} stays valid (default 10 min)
 * @param checkDeadline    how long a caller waits for a credential check before "The service did not respond in
 *                         time" (default 15 s, PhoenixKit's {@code integration_check_deadline})
 */
public record AuthSettings(
        Duration httpTimeout, Duration refreshSkew, Duration authorizationTtl, Duration checkDeadline) {
    /** The defaults: 15 s, 60 s, 10 min, 15 s. */
    public static final AuthSettings DEFAULTS = new AuthSettings(
            Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(15));

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when a duration is negative, or a timeout, TTL or deadline is zero
     */
    public AuthSettings {
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        Objects.requireNonNull(refreshSkew, "refreshSkew");
        Objects.requireNonNull(authorizationTtl, "authorizationTtl");
        Objects.requireNonNull(checkDeadline, "checkDeadline");
        if (checkDeadline.isNegative() || checkDeadline.isZero()) {
            throw new IllegalArgumentException("checkDeadline must be positive, was " + checkDeadline);
        }
        if (httpTimeout.isNegative() || httpTimeout.isZero()) {
            throw new IllegalArgumentException("httpTimeout must be positive, was " + httpTimeout);
        }
        if (refreshSkew.isNegative()) {
            throw new IllegalArgumentException("refreshSkew must not be negative, was " + refreshSkew);
        }
        if (authorizationTtl.isNegative() || authorizationTtl.isZero()) {
            throw new IllegalArgumentException("authorizationTtl must be positive, was " + authorizationTtl);
        }
    }
}
