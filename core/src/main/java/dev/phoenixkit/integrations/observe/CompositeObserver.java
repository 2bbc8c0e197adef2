package dev.phoenixkit.integrations.observe;

import dev.phoenixkit.migrations.AppliedStep;
import dev.phoenixkit.migrations.MigrationDirection;
import dev.phoenixkit.migrations.MigrationTrack;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several observers; one that throws is logged and skipped. Thread-safe (immutable). */
final class CompositeObserver implements IntegrationsObserver {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeObserver.class);

    private final List<IntegrationsObserver> observers;

    CompositeObserver(List<IntegrationsObserver> observers) {
        this.observers = observers;
    }

    private void each(Consumer<IntegrationsObserver> call) {
        for (IntegrationsObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Observer {} failed ({}); ignored",
                        observer.getClass().getName(),
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void providerCall(String provider, ProviderCallKind kind, CallOutcome outcome, Duration duration) {
        each(o -> o.providerCall(provider, kind, outcome, duration));
    }

    @Override
    public void tokenRefreshStarted(String provider, RefreshRole role) {
        each(o -> o.tokenRefreshStarted(provider, role));
    }

    @Override
    public void tokenRefresh(String provider, RefreshRole role, Outcome outcome, Duration duration) {
        each(o -> o.tokenRefresh(provider, role, outcome, duration));
    }

    @Override
    public void validation(String provider, Outcome outcome, Duration duration) {
        each(o -> o.validation(provider, outcome, duration));
    }

    @Override
    public void cacheHit() {
        each(IntegrationsObserver::cacheHit);
    }

    @Override
    public void cacheMiss() {
        each(IntegrationsObserver::cacheMiss);
    }

    @Override
    public void cacheEviction(EvictionCause cause, int count) {
        each(o -> o.cacheEviction(cause, count));
    }

    @Override
    public void bridgeDisconnected() {
        each(IntegrationsObserver::bridgeDisconnected);
    }

    @Override
    public void bridgeReconnected(Duration downtime) {
        each(o -> o.bridgeReconnected(downtime));
    }

    @Override
    public void stepApplied(AppliedStep step) {
        each(o -> o.stepApplied(step));
    }

    @Override
    public void stepFailed(MigrationTrack track, String version, MigrationDirection direction, Duration duration) {
        each(o -> o.stepFailed(track, version, direction, duration));
    }

    @Override
    public String toString() {
        return "CompositeObserver" + observers;
    }
}
