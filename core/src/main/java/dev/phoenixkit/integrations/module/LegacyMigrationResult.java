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
        return new Failed(reason, null);
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
     * The module reported an error, threw, or returned {@code null}. A value type (equality by reason and cause).
     */
    final class Failed implements LegacyMigrationResult {
        private final String reason;
        private final Throwable cause;

        /**
         * @param reason what went wrong, without secrets
         * @param cause  the exception the module threw, or {@code null} if it did not throw
         */
        public Failed(String reason, Throwable cause) {
            this.reason = Objects.requireNonNull(reason, "reason");
            this.cause = cause;
        }

        /** @return what went wrong */
        public String reason() {
            return reason;
        }

        /** @return the exception the module threw, if it threw */
        public Optional<Throwable> cause() {
            return Optional.ofNullable(cause);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Failed that && reason.equals(that.reason) && Objects.equals(cause, that.cause);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reason, cause);
        }

        @Override
        public String toString() {
            return "Failed[reason=" + reason
                    + (cause != null ? ", cause=" + cause.getClass().getName() : "") + "]";
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
