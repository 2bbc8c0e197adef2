package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL <em>session-level</em> advisory lock serialising migration runners per schema, held on a
 * dedicated connection that stays idle (outside any transaction) while the steps run on another connection.
 * Because the lock holder has no open transaction, a {@code CREATE INDEX CONCURRENTLY} step does not wait for
 * it. Not thread-safe: one instance belongs to one run.
 */
public final class AdvisoryLock {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);

    private static final long FIRST_BACKOFF_MS = 10;
    private static final long MAX_BACKOFF_MS = 500;

    private final Connection connection;
    private final long key;
    private final String schema;

    private AdvisoryLock(Connection connection, long key, String schema) {
        this.connection = connection;
        this.key = key;
        this.schema = schema;
    }

    /**
     * The advisory lock key of a schema: the first 8 bytes of SHA-256 of
     * {@code "dev.phoenixkit.migrations:" + schema}.
     *
     * @param schema the unquoted schema name
     * @return the bigint key passed to {@code pg_try_advisory_lock}
     */
    public static long keyFor(String schema) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("dev.phoenixkit.migrations:" + schema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Takes the lock, polling {@code pg_try_advisory_lock} with exponential backoff (10 ms doubling up to
     * 500 ms) until {@code timeout} has passed.
     *
     * @param dataSource where the dedicated lock connection comes from
     * @param schema     the unquoted schema name
     * @param timeout    how long to wait at most; zero tries once
     * @return the held lock; release it with {@link #release(Throwable)}
     * @throws MigrationException {@link MigrationError#LOCK_TIMEOUT}, {@link MigrationError#INTERRUPTED} or
     *                            {@link MigrationError#DATABASE_ERROR}
     */
    public static AdvisoryLock acquire(DataSource dataSource, String schema, Duration timeout) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(timeout, "timeout");
        long key = keyFor(schema);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            long timeoutNanos = saturatedNanos(timeout);
            long started = System.nanoTime();
            long backoffMs = FIRST_BACKOFF_MS;
            while (!tryLock(connection, key)) {
                long remainingMs = Duration.ofNanos(timeoutNanos - (System.nanoTime() - started))
                        .toMillis();
                if (remainingMs <= 0) {
                    throw new MigrationException(
                            MigrationError.LOCK_TIMEOUT,
                            "Could not take the migration lock of"
                                    + " schema " + StepContext.quoteIdentifier(schema) + " (pg advisory lock " + key
                                    + ") within " + timeout + ": another runner holds it. Raise the wait with"
                                    + " Migrator.lockTimeout(Duration) (default 60 s) or look for the holding session in"
                                    + " pg_locks (locktype 'advisory')");
                }
                LOG.debug("Migration lock of schema {} is held elsewhere; retrying in {} ms", schema, backoffMs);
                Thread.sleep(Math.min(backoffMs, remainingMs));
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
            LOG.debug("Took migration lock {} of schema {}", key, schema);
            return new AdvisoryLock(connection, key, schema);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new MigrationException(
                    MigrationError.DATABASE_ERROR,
                    "Could not take the migration lock of schema " + StepContext.quoteIdentifier(schema) + ": SQLState "
                            + e.getSQLState() + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(connection);
            throw new MigrationException(
                    MigrationError.INTERRUPTED,
                    "Interrupted while waiting for the migration" + " lock of schema "
                            + StepContext.quoteIdentifier(schema),
                    e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /**
     * Releases the lock and closes its connection. If unlocking fails, the connection is aborted (so a pool
     * cannot hand out a session that still holds the lock) and the failure is thrown only when {@code primary}
     * is null; otherwise it is logged and added to {@code primary} as suppressed, so the original error survives.
     *
     * @param primary the exception the run is already failing with, or null
     * @throws MigrationException {@link MigrationError#DATABASE_ERROR} when unlocking failed and there was no
     *                            primary exception
     */
    public void release(Throwable primary) {
        try {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next() && !rows.getBoolean(1)) {
                        LOG.warn("Migration lock {} of schema {} was not held at release", key, schema);
                    }
                }
            }
            connection.close();
            LOG.debug("Released migration lock {} of schema {}", key, schema);
        } catch (SQLException e) {
            abortQuietly();
            if (primary != null) {
                LOG.warn(
                        "Could not release migration lock {} of schema {} ({}); its connection was aborted",
                        key,
                        schema,
                        e.getMessage());
                primary.addSuppressed(e);
            } else {
                throw new MigrationException(
                        MigrationError.DATABASE_ERROR,
                        "Could not release the migration lock"
                                + " of schema " + StepContext.quoteIdentifier(schema) + ": SQLState " + e.getSQLState()
                                + ": " + e.getMessage() + "; its connection was aborted",
                        e);
            }
        }
    }

    private void abortQuietly() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Aborting the lock connection failed too", e);
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a lock connection failed", e);
        }
    }
}
