package dev.phoenixkit.micrometer;

import dev.phoenixkit.integrations.observe.CallOutcome;
import dev.phoenixkit.integrations.observe.EvictionCause;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.observe.Outcome;
import dev.phoenixkit.integrations.observe.ProviderCallKind;
import dev.phoenixkit.integrations.observe.RefreshRole;
import dev.phoenixkit.migrations.AppliedStep;
import dev.phoenixkit.migrations.MigrationDirection;
import dev.phoenixkit.migrations.MigrationTrack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Records what {@code Integrations} and the {@code Migrator} report as Micrometer meters:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #PROVIDER_REQUESTS}</td><td>timer</td><td>provider, kind, outcome</td></tr>
 *   <tr><td>{@value #TOKEN_REFRESHES}</td><td>timer</td><td>provider, role, outcome</td></tr>
 *   <tr><td>{@value #VALIDATIONS}</td><td>timer</td><td>provider, outcome</td></tr>
 *   <tr><td>{@value #CACHE_REQUESTS}</td><td>counter</td><td>outcome ({@code hit}, {@code miss})</td></tr>
 *   <tr><td>{@value #CACHE_EVICTIONS}</td><td>counter</td><td>cause</td></tr>
 *   <tr><td>{@value #BRIDGE_DISCONNECTS}</td><td>counter</td><td>none</td></tr>
 *   <tr><td>{@value #BRIDGE_RECONNECTS}</td><td>timer (the downtime)</td><td>none</td></tr>
 *   <tr><td>{@value #MIGRATION_STEPS}</td><td>timer</td><td>track, direction, outcome</td></tr>
 * </table>
 *
 * <p>Tag values are provider keys and lower-case enum names only: never a connection's uuid, name or any secret, so
 * their number stays bounded. Register it with {@code Integrations.builder().observer(new
 * MicrometerObserver(registry))} and {@code Migrator.listener(...)}.
 *
 * <p>Thread-safe.
 */
public final class MicrometerObserver implements IntegrationsObserver {
    /** Provider HTTP calls. */
    public static final String PROVIDER_REQUESTS = "phoenixkit.provider.requests";
    /** Token refreshes, per caller (leader or joined). */
    public static final String TOKEN_REFRESHES = "phoenixkit.token.refreshes";
    /** Connection and credential validations. */
    public static final String VALIDATIONS = "phoenixkit.validations";
    /** Credential reads by cache outcome. */
    public static final String CACHE_REQUESTS = "phoenixkit.cache.requests";
    /** Entries dropped from the credential cache. */
    public static final String CACHE_EVICTIONS = "phoenixkit.cache.evictions";
    /** Times the cross-node listener lost its connection. */
    public static final String BRIDGE_DISCONNECTS = "phoenixkit.bridge.disconnects";
    /** Times the cross-node listener listened again, timed by how long it was down. */
    public static final String BRIDGE_RECONNECTS = "phoenixkit.bridge.reconnects";
    /** Migration steps run. */
    public static final String MIGRATION_STEPS = "phoenixkit.migration.steps";

    private final MeterRegistry registry;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter bridgeDisconnects;
    private final Timer bridgeReconnects;

    /**
     * @param registry where to record
     */
    public MicrometerObserver(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cacheHits = Counter.builder(CACHE_REQUESTS)
                .description("Credential reads answered from the cache")
                .tag("outcome", "hit")
                .register(registry);
        this.cacheMisses = Counter.builder(CACHE_REQUESTS)
                .description("Credential reads that went to the database")
                .tag("outcome", "miss")
                .register(registry);
        this.bridgeDisconnects = Counter.builder(BRIDGE_DISCONNECTS)
                .description("Times the cross-node LISTEN connection was lost")
                .register(registry);
        this.bridgeReconnects = Timer.builder(BRIDGE_RECONNECTS)
                .description("Cross-node LISTEN reconnects, timed by how long it was not listening")
                .register(registry);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void providerCall(String provider, ProviderCallKind kind, CallOutcome outcome, Duration duration) {
        Timer.builder(PROVIDER_REQUESTS)
                .description("HTTP calls to providers")
                .tag("provider", provider)
                .tag("kind", tag(kind))
                .tag("outcome", tag(outcome))
                .register(registry)
                .record(duration);
    }

    @Override
    public void tokenRefresh(String provider, RefreshRole role, Outcome outcome, Duration duration) {
        Timer.builder(TOKEN_REFRESHES)
                .description("Token refreshes per caller")
                .tag("provider", provider)
                .tag("role", tag(role))
                .tag("outcome", tag(outcome))
                .register(registry)
                .record(duration);
    }

    @Override
    public void validation(String provider, Outcome outcome, Duration duration) {
        Timer.builder(VALIDATIONS)
                .description("Connection and credential validations")
                .tag("provider", provider)
                .tag("outcome", tag(outcome))
                .register(registry)
                .record(duration);
    }

    @Override
    public void cacheHit() {
        cacheHits.increment();
    }

    @Override
    public void cacheMiss() {
        cacheMisses.increment();
    }

    @Override
    public void cacheEviction(EvictionCause cause, int count) {
        Counter.builder(CACHE_EVICTIONS)
                .description("Entries dropped from the credential cache")
                .tag("cause", tag(cause))
                .register(registry)
                .increment(count);
    }

    @Override
    public void bridgeDisconnected() {
        bridgeDisconnects.increment();
    }

    @Override
    public void bridgeReconnected(Duration downtime) {
        bridgeReconnects.record(downtime);
    }

    @Override
    public void stepApplied(AppliedStep step) {
        migrationStep(step.track(), step.direction(), "success", step.duration());
    }

    @Override
    public void stepFailed(MigrationTrack track, String version, MigrationDirection direction, Duration duration) {
        migrationStep(track, direction, "failure", duration);
    }

    private void migrationStep(MigrationTrack track, MigrationDirection direction, String outcome, Duration duration) {
        Timer.builder(MIGRATION_STEPS)
                .description("Migration steps run")
                .tag("track", tag(track))
                .tag("direction", tag(direction))
                .tag("outcome", outcome)
                .register(registry)
                .record(duration);
    }

    @Override
    public String toString() {
        return "MicrometerObserver[" + registry.getClass().getSimpleName() + "]";
    }
}
