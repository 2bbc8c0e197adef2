package dev.phoenixkit.integrations.observe;

import dev.phoenixkit.migrations.MigrationListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Told what one {@code Integrations} instance does, for metrics and tracing. Every method has an empty default, so
 * an observer implements only what it needs. Also a {@link MigrationListener}, so the same observer can be given to
 * {@code Migrator.listener(...)}.
 *
 * <p>Callbacks run synchronously on the thread doing the work, after the work (except
 * {@link #tokenRefreshStarted}): keep them cheap and non-blocking. An exception thrown by a callback is logged and
 * ignored; it never changes the outcome of the call it observes. Implementations must be thread-safe.
 *
 * <p>No callback receives a connection's uuid, name or secret: only the provider key (for example {@code google})
 * and enums, so each value can be used as a metric tag without unbounded cardinality or leaks.
 */
public interface IntegrationsObserver extends MigrationListener {
    /** An observer that does nothing. */
    IntegrationsObserver NONE = new IntegrationsObserver() {};

    /**
     * An HTTP call to a provider ended (answered, or failed to reach it).
     *
     * @param provider the provider key, or {@code "unknown"} when the call was not made for a known connection
     * @param kind     what the call was for
     * @param outcome  how it ended
     * @param duration how long it took
     */
    default void providerCall(String provider, ProviderCallKind kind, CallOutcome outcome, Duration duration) {}

    /**
     * A caller starts a token refresh: it leads (it will call the token endpoint, unless a peer node already
     * refreshed) or it joined the refresh already in flight in this JVM.
     *
     * @param provider the provider key
     * @param role     leader or joined
     */
    default void tokenRefreshStarted(String provider, RefreshRole role) {}

    /**
     * A caller's token refresh ended.
     *
     * @param provider the provider key
     * @param role     leader or joined
     * @param outcome  {@link Outcome#SUCCESS} when the caller got a token
     * @param duration how long the caller waited
     */
    default void tokenRefresh(String provider, RefreshRole role, Outcome outcome, Duration duration) {}

    /**
     * A connection was validated ({@code validateConnection}, {@code validateCredentials}).
     *
     * @param provider the provider key
     * @param outcome  {@link Outcome#SUCCESS} for a valid connection
     * @param duration how long the validation took
     */
    default void validation(String provider, Outcome outcome, Duration duration) {}

    /** A credential read was answered from the credential cache. */
    default void cacheHit() {}

    /** A credential read went to the database (not cached, expired, or the cache is off or not listening). */
    default void cacheMiss() {}

    /**
     * Entries left the credential cache.
     *
     * @param cause why
     * @param count how many entries (at least 1)
     */
    default void cacheEviction(EvictionCause cause, int count) {}

    /**
     * The cross-node listener lost its connection (notifications sent until it listens again are lost; the
     * credential cache is cleared and stays off until then).
     */
    default void bridgeDisconnected() {}

    /**
     * The cross-node listener listens again after losing its connection.
     *
     * @param downtime how long it was not listening
     */
    default void bridgeReconnected(Duration downtime) {}

    /**
     * An observer that tells each of {@code observers}, in order; a failing one does not stop the others.
     *
     * @param observers the observers
     * @return one observer for all
     */
    static IntegrationsObserver composite(List<? extends IntegrationsObserver> observers) {
        return new CompositeObserver(List.copyOf(Objects.requireNonNull(observers, "observers")));
    }
}
