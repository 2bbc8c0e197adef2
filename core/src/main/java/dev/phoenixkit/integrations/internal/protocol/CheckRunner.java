package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.observe.ProviderCallKind;
import dev.phoenixkit.integrations.provider.CredentialCheck;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CredentialCheck}s under a hard deadline, each on a worker thread of its own, so a check that hangs
 * cannot hang its caller (PhoenixKit's {@code Probe}). The caller waits at most the deadline; then the worker is
 * interrupted and the caller gets "The service did not respond in time". A check that throws gives "Could not
 * reach the service". Nothing is retried here. Workers are daemon threads named {@code phoenixkit-check-N}, created
 * on demand and ended after 30 s idle; at most {@value #MAX_WORKERS} run at once (more gives "Too many checks
 * running, try again"). Thread-safe. See {@code docs/decisions/catalog-validation.md}.
 */
public final class CheckRunner implements AutoCloseable {
    /** PhoenixKit's {@code integration_check_deadline} default: 15 seconds. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);
    /** The most checks running at once. */
    public static final int MAX_WORKERS = 64;
    /** What a caller gets when the deadline passes. */
    public static final String TIMEOUT_MESSAGE = "The service did not respond in time";
    /** What a caller gets when the check cannot reach the service or fails. */
    public static final String UNREACHABLE_MESSAGE = "Could not reach the service";

    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration deadline;
    private final ThreadPoolExecutor workers;

    /** @param deadline how long a caller waits for a check; positive */
    public CheckRunner(Duration deadline) {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("checkDeadline must be positive, was " + deadline);
        }
        this.workers = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
            Thread thread = new Thread(work, "phoenixkit-check-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return how long a caller waits for a check */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Runs a check and waits for it, at most the deadline. Never throws.
     *
     * @param providerKey the provider (for logs and the observer's call tags)
     * @param work        runs the check on the worker thread
     * @return the check's result, or the timeout or failure result
     */
    public ValidationResult run(String providerKey, CheckWork work) {
        Objects.requireNonNull(providerKey, "providerKey");
        Objects.requireNonNull(work, "work");
        long started = System.nanoTime();
        Future<ValidationResult> future;
        try {
            future = workers.submit(() -> ProviderHttp.tagged(providerKey, ProviderCallKind.VALIDATION, () -> {
                try {
                    return work.run(started + deadline.toNanos());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckFailure(e);
                }
            }));
        } catch (RejectedExecutionException e) {
            LOG.warn("Validation of a {} connection refused: {} checks are already running", providerKey, MAX_WORKERS);
            return ValidationResult.error("Too many checks running, try again");
        }
        try {
            ValidationResult result = future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            return result != null ? result : failed(providerKey, new IllegalStateException("null result"));
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.info("Validation of a {} connection passed its deadline of {} ms", providerKey, deadline.toMillis());
            return ValidationResult.error(TIMEOUT_MESSAGE);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return ValidationResult.error(TIMEOUT_MESSAGE);
        } catch (ExecutionException e) {
            return failed(providerKey, e.getCause());
        }
    }

    private static ValidationResult failed(String providerKey, Throwable thrown) {
        Throwable cause = thrown instanceof CheckFailure failure ? failure.getCause() : thrown;
        if (cause instanceof CheckDeadlinePassed) {
            LOG.info("Validation of a {} connection passed its deadline", providerKey);
            return ValidationResult.error(TIMEOUT_MESSAGE);
        }
        if (cause instanceof IntegrationException integration
                && integration.error() == IntegrationError.INVALID_SECRET) {
            // a stored secret that cannot go into a header: say so (the message names the header, never the value)
            LOG.warn("Validation of a {} connection: {}", providerKey, integration.getMessage());
            return ValidationResult.error(integration.getMessage());
        }
        if (cause instanceof IntegrationException integration
                && integration.error() == IntegrationError.TRANSPORT_FAILED) {
            LOG.debug("Validation of a {} connection: {}", providerKey, integration.getMessage());
        } else {
            // The class only: a check's exception message may quote what the provider sent back.
            LOG.warn(
                    "Validation of a {} connection failed: {}",
                    providerKey,
                    cause == null ? "unknown" : cause.getClass().getName());
        }
        return ValidationResult.error(UNREACHABLE_MESSAGE);
    }

    /** Stops the idle workers and interrupts running ones. Idempotent. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Carries a checked exception of a check out of the worker's {@code Supplier}. */
    private static final class CheckFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckFailure(Exception cause) {
            super(cause);
        }
    }

    /** What runs on the worker thread. */
    @FunctionalInterface
    public interface CheckWork {
        /**
         * @param deadlineNanos the {@link System#nanoTime()} at which the caller stops waiting
         * @return the result
         * @throws Exception when the check fails
         */
        ValidationResult run(long deadlineNanos) throws Exception;
    }
}
