package dev.phoenixkit.integrations.module;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one module's legacy migration: PhoenixKit's {@code :ok | {:ok, summary} | {:error, reason}}, plus
 * {@link TimedOut} for a module that did not finish in time.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface LegacyMigrationResult {
    /** @return the successful outcome without a summary */
    static LegacyMigrationResult ok() {
        return new Ok(Map.of());
    }

    /**
     * @param summary non-secret counts and notes (JSON-compatible values)
     * @return the successful outcome with a summary
     */
    static LegacyMigrationResult ok(Map<String, ?> summary) {
        return new Ok(Map.copyOf(Objects.requireNonNull(summary, "summary")));
    }

    /**
     * @param reason what went wrong, without secrets
     * @return a failed outcome
     */
    static LegacyMigrationResult error(String reason) {
        return new Failed(reason, Optional.empty());
    }

    /** @return whether the migration succeeded */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The module finished.
     *
     * @param summary what it reported (may be empty)
     */
    record Ok(Map<String, ?> summary) implements LegacyMigrationResult {
        /** Copies the summary. */
        public Ok {
            summary = Map.copyOf(Objects.requireNonNull(summary, "summary"));
        }
    }

    /**
     * The module reported an error, threw, or returned {@code null}.
     *
     * @param reason what went wrong
     * @param cause  the exception it threw, if it threw
     */
    record Failed(String reason, Optional<Throwable> cause) implements LegacyMigrationResult {
        /** Validates that no component is {@code null}. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The module did not finish within the registry's timeout; it was interrupted and the others still ran.
     *
     * @param timeout the timeout that passed
     */
    record TimedOut(Duration timeout) implements LegacyMigrationResult {
        /** Validates that no component is {@code null}. */
        public TimedOut {
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
