package dev.phoenixkit.integrations.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
    private final CheckRunner runner = new CheckRunner(Duration.ofMillis(300));

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aResultWithANotePassesThroughFromAWorkerThread() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        ValidationResult result = runner.run("telegram", deadline -> {
            worker.set(Thread.currentThread());
            return ValidationResult.ok("Connected as @bot");
        });
        assertThat(result).isEqualTo(ValidationResult.ok("Connected as @bot"));
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
        assertThat(worker.get().getName()).startsWith("phoenixkit-check-");
        assertThat(worker.get().isDaemon()).isTrue();
    }

    @Test
    void aHangingCheckGivesTheTimeoutMessageAndItsWorkerIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        ValidationResult result = runner.run("smtp", deadline -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return ValidationResult.ok();
        });
        assertThat(result).isEqualTo(ValidationResult.error("The service did not respond in time"));
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCheckThatIgnoresInterruptsStillCannotHoldTheCaller() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            ValidationResult result = runner.run("stubborn", deadline -> {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // a badly written third-party check
                    }
                }
                return ValidationResult.ok();
            });
            assertThat(result.message()).isEqualTo("The service did not respond in time");
        } finally {
            release.countDown();
        }
    }

    @Test
    void crashesAndTransportFailuresGiveCouldNotReachTheService() {
        assertThat(runner.run("a", deadline -> {
                    throw new IllegalStateException("boom with a secret sk-123");
                }))
                .isEqualTo(ValidationResult.error("Could not reach the service"));
        assertThat(runner.run("b", deadline -> {
                    throw new IOException("checked");
                }))
                .isEqualTo(ValidationResult.error("Could not reach the service"));
        assertThat(runner.run("c", deadline -> {
                    throw new IntegrationException(IntegrationError.TRANSPORT_FAILED, "Could not reach http://x");
                }))
                .isEqualTo(ValidationResult.error("Could not reach the service"));
        assertThat(runner.run("d", deadline -> null)).isEqualTo(ValidationResult.error("Could not reach the service"));
    }

    @Test
    void theWorkSeesTheDeadlineItRunsUnder() {
        long before = System.nanoTime();
        AtomicReference<Long> seen = new AtomicReference<>();
        runner.run("a", deadline -> {
            seen.set(deadline);
            return ValidationResult.ok();
        });
        assertThat(seen.get() - before)
                .isGreaterThan(0)
                .isLessThanOrEqualTo(Duration.ofMillis(300).toNanos() + (System.nanoTime() - before));
    }

    @Test
    void theDeadlineMustBePositive() {
        assertThatThrownBy(() -> new CheckRunner(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkDeadline");
        assertThatThrownBy(() -> new CheckRunner(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
