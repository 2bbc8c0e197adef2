package dev.phoenixkit.integrations.oauth;

import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.observe.RefreshRole;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Counts callers that joined a token refresh already in flight, through the observer SPI
 * ({@link IntegrationsObserver#tokenRefreshStarted} with {@link RefreshRole#JOINED}), so a test can hold the token
 * endpoint until every caller is waiting for the one refresh. {@link FacadeFixture} gives one to every instance it
 * builds.
 */
final class RefreshJoins implements IntegrationsObserver {
    private final Semaphore joins = new Semaphore(0);

    @Override
    public void tokenRefreshStarted(String provider, RefreshRole role) {
        if (role == RefreshRole.JOINED) {
            joins.release();
        }
    }

    /**
     * Waits until {@code count} callers have joined (a bound against hangs, not a timing assertion).
     *
     * @return whether they all joined within the bound
     */
    boolean await(int count, Duration bound) throws InterruptedException {
        return joins.tryAcquire(count, bound.toMillis(), TimeUnit.MILLISECONDS);
    }
}
