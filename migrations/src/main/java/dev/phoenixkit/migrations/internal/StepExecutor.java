package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.AppliedStep;
import dev.phoenixkit.migrations.MigrationDirection;
import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import dev.phoenixkit.migrations.MigrationListener;
import dev.phoenixkit.migrations.MigrationTrack;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one direction of one step on the step connection: the script, the version marker and the history row
 * commit together (a non-transactional script runs in auto-commit mode first, then marker and history commit).
 * On failure everything transactional is rolled back, a failed history row is recorded on its own, and the
 * error names the step, the script and the SQL error. Immutable and thread-safe; the connection is the
 * caller's.
 */
final class StepExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(StepExecutor.class);

    /** SQLState a down script raises to refuse a rollback before changing anything. */
    static final String REFUSAL_SQLSTATE = "PKR01";

    private final StepContext context;

    private final MigrationListener listener;

    StepExecutor(StepContext context, MigrationListener listener) {
        this.context = Objects.requireNonNull(context, "context");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    AppliedStep run(
            Connection connection, Step step, MigrationDirection direction, Integer markerAfter, int markerBefore) {
        StepScript script = direction == MigrationDirection.UP ? step.up() : step.down();
        long started = System.nanoTime();
        StepScript running = script;
        try {
            if (direction == MigrationDirection.DOWN && step.precheck() != null) {
                running = step.precheck();
                connection.setAutoCommit(false);
                running.execute(connection, context);
                running = script;
            }
            if (script.transactional()) {
                connection.setAutoCommit(false);
                script.execute(connection, context);
            } else {
                script.execute(connection, context);
                connection.setAutoCommit(false);
            }
            if (markerAfter != null && step.track() == MigrationTrack.PHOENIX_KIT) {
                VersionMarker.write(connection, context, markerAfter);
            }
            long elapsedMs = elapsedMs(started);
            SchemaHistory.record(connection, context, step, script, direction, elapsedMs, true);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            recordFailure(connection, step, script, direction, started);
            Duration failedAfter = Duration.ofNanos(System.nanoTime() - started);
            tell(() -> listener.stepFailed(step.track(), step.version(), direction, failedAfter));
            throw stepFailure(step, running, direction, markerBefore, e);
        } finally {
            restoreAutoCommit(connection);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "{} {} on schema {} in {} ms",
                direction == MigrationDirection.UP ? "Applied" : "Reverted",
                step.label(),
                context.quotedSchema(),
                duration.toMillis());
        AppliedStep applied = new AppliedStep(step.track(), step.version(), step.description(), direction, duration);
        tell(() -> listener.stepApplied(applied));
        return applied;
    }

    /** A listener's failure is logged, never allowed to change the migration's outcome. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn(
                    "A migration listener failed ({}); the migration goes on",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Runs the rollback pre-check of {@code step} (if it has one) in a transaction that is rolled back, so it
     * changes nothing whatever it does.
     *
     * @param connection   the step connection (auto-commit on entry and on return)
     * @param step         the step a rollback will undo
     * @param markerBefore the version marker, for the message
     * @throws MigrationException {@link MigrationError#ROLLBACK_REFUSED} when the pre-check refuses,
     *                            {@link MigrationError#STEP_FAILED} when it fails otherwise
     */
    void precheck(Connection connection, Step step, int markerBefore) {
        StepScript check = step.precheck();
        if (check == null) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            check.execute(connection, context);
            LOG.debug("Rollback pre-check {} of {} passed", check.name(), step.label());
        } catch (SQLException | RuntimeException e) {
            MigrationException failure = stepFailure(step, check, MigrationDirection.DOWN, markerBefore, e);
            if (failure.error() == MigrationError.ROLLBACK_REFUSED) {
                failure = new MigrationException(
                        MigrationError.ROLLBACK_REFUSED,
                        "Rollback of step " + step.label()
                                + " refused by " + check.name() + " before any step was undone: " + e.getMessage()
                                + " (nothing was changed; version marker stays at " + markerBefore + ")",
                        e);
            }
            throw failure;
        } finally {
            rollbackQuietly(connection);
            restoreAutoCommit(connection);
        }
    }

    private MigrationException stepFailure(
            Step step, StepScript script, MigrationDirection direction, int markerBefore, Exception e) {
        if (e instanceof MigrationException migrationException) {
            return migrationException;
        }
        String sqlError = e instanceof SQLException sql
                ? "SQLState " + sql.getSQLState() + ": " + sql.getMessage()
                : e.toString();
        if (e instanceof SQLException sql && REFUSAL_SQLSTATE.equals(sql.getSQLState())) {
            return new MigrationException(
                    MigrationError.ROLLBACK_REFUSED,
                    "Rollback of step " + step.label()
                            + " refused by " + script.name() + ": " + sql.getMessage() + " (this step changed nothing;"
                            + " version marker stays at " + markerBefore + ")",
                    e);
        }
        String undone = script.transactional()
                ? "its transaction was rolled back"
                : "it runs outside a transaction, so statements before the failing one stay applied";
        return new MigrationException(
                MigrationError.STEP_FAILED,
                (direction == MigrationDirection.UP ? "Step " : "Down step ") + step.label() + " failed in "
                        + script.name() + ": " + sqlError + " (" + undone
                        + "; version marker stays at " + markerBefore + ")",
                e);
    }

    private void recordFailure(
            Connection connection, Step step, StepScript script, MigrationDirection direction, long started) {
        try {
            connection.setAutoCommit(true);
            SchemaHistory.record(connection, context, step, script, direction, elapsedMs(started), false);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not record the failure of step {} in the history", step.label(), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("Rollback after a failed step failed", e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("Restoring auto-commit failed", e);
        }
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
