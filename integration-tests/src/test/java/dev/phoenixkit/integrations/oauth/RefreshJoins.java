package dev.phoenixkit.integrations.oauth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Counts callers that joined a token refresh already in flight, from the refresher's debug line
 * ({@code "Connection {}: joining the token refresh in flight"}), so a test can hold the token endpoint until every
 * caller is waiting for the one refresh. Attach in {@code @BeforeEach}, {@link #close()} in {@code @AfterEach}.
 */
final class RefreshJoins extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    static final String REFRESHER = "dev.phoenixkit.integrations.internal.flow.TokenRefresher";
    private static final String JOIN_MESSAGE = "joining the token refresh in flight";

    private final Semaphore joins = new Semaphore(0);
    private final Logger logger;
    private final Level previousLevel;

    private RefreshJoins(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
    }

    /** @return a counter attached to the refresher's logger, which is set to DEBUG until {@link #close()} */
    static RefreshJoins capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RefreshJoins counter = new RefreshJoins(context.getLogger(REFRESHER));
        counter.setContext(context);
        counter.start();
        counter.logger.addAppender(counter);
        counter.logger.setLevel(Level.DEBUG);
        return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getMessage() != null && event.getMessage().contains(JOIN_MESSAGE)) {
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

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(previousLevel);
        stop();
    }
}
