package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import dev.phoenixkit.migrations.Migrator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two PostgreSQL <em>session-level</em> advisory locks a migration run holds, on a dedicated connection that
 * stays idle (outside any transaction) while the steps run on another connection: this library's lock per schema
 * (serialising its own runners), then PhoenixKit's chain lock {@value #PHOENIX_KIT_CHAIN_LOCK} (the key PhoenixKit's
 * {@code up/1}/{@code down/1} take as a transaction lock and {@code mix phoenix_kit.repair} as a session lock), so
 * this runner and PhoenixKit's never migrate one database at once. Because the holder has no open transaction, a
 * {@code CREATE INDEX CONCURRENTLY} step does not wait for it. Not thread-safe: one instance belongs to one run.
 */
public final class AdvisoryLock {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);

    /**
     * PhoenixKit's chain lock: {@code :erlang.crc32("phoenix_kit.migrations.repair")}
     * ({@code lib/phoenix_kit/migrations/repair/environment.ex:138}), one key per database.
     */
    public static final long PHOENIX_KIT_CHAIN_LOCK = Migrator.PHOENIX_KIT_CHAIN_LOCK;

    /** SQLState of a lock wait that ran into {@code lock_timeout}. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final long FIRST_BACKOFF_MS = 10;
    private static final long MAX_BACKOFF_MS = 500;

    private final Connection connection;
    private final long key;
    private final String schema;
    private boolean chainLockHeld;

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
     * Takes the schema's lock, polling {@code pg_try_advisory_lock} with exponential backoff (10 ms doubling up to
     * 500 ms), then PhoenixKit's chain lock with a blocking {@code pg_advisory_lock} under {@code lock_timeout} (so a
     * wait for PhoenixKit shows in {@code pg_locks} as an ungranted advisory lock and is logged once), both within
     * {@code timeout} in all.
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
            AdvisoryLock lock = new AdvisoryLock(connection, key, schema);
            long remainingMs = Duration.ofNanos(timeoutNanos - (System.nanoTime() - started))
                    .toMillis();
            try {
                lock.takeChainLock(Math.max(0, remainingMs), timeout);
            } catch (SQLException | RuntimeException e) {
                lock.release(e);
                throw e;
            }
            return lock;
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

    /**
     * Takes {@link #PHOENIX_KIT_CHAIN_LOCK} on the lock connection: one try, then (when PhoenixKit holds it) a
     * logged, blocking wait bounded by {@code lock_timeout}.
     */
    private void takeChainLock(long remainingMs, Duration timeout) throws SQLException {
        if (tryLock(connection, PHOENIX_KIT_CHAIN_LOCK)) {
            chainLockHeld = true;
            LOG.debug("Took PhoenixKit's chain lock {} for schema {}", PHOENIX_KIT_CHAIN_LOCK, schema);
            return;
        }
        if (remainingMs <= 0) {
            throw chainLockTimeout(timeout, null);
        }
        LOG.info(
                "PhoenixKit's migration lock {} is held by another session (a PhoenixKit migration or"
                        + " mix phoenix_kit.repair); schema {} waits for it at most {} ms",
                PHOENIX_KIT_CHAIN_LOCK,
                schema,
                remainingMs);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = " + Math.min(remainingMs, Integer.MAX_VALUE));
            try {
                statement.execute("SELECT pg_advisory_lock(" + PHOENIX_KIT_CHAIN_LOCK + ")");
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    resetLockTimeoutQuietly(statement);
                    throw chainLockTimeout(timeout, e);
                }
                throw e;
            }
            chainLockHeld = true;
            statement.execute("RESET lock_timeout");
        }
        LOG.info("Took PhoenixKit's migration lock {} for schema {}", PHOENIX_KIT_CHAIN_LOCK, schema);
    }

    private MigrationException chainLockTimeout(Duration timeout, SQLException cause) {
        return new MigrationException(
                MigrationError.LOCK_TIMEOUT,
                "Could not take PhoenixKit's migration lock (pg advisory lock " + PHOENIX_KIT_CHAIN_LOCK + ") for"
                        + " schema " + StepContext.quoteIdentifier(schema) + " within " + timeout + ": another"
                        + " session holds it, normally a PhoenixKit migration or mix phoenix_kit.repair still"
                        + " running. Wait for it and run again, raise the wait with Migrator.lockTimeout(Duration),"
                        + " or find the holder: SELECT pid, query FROM pg_locks l JOIN pg_stat_activity a USING"
                        + " (pid) WHERE l.locktype = 'advisory' AND l.objid = " + PHOENIX_KIT_CHAIN_LOCK,
                cause);
    }

    private static void resetLockTimeoutQuietly(Statement statement) {
        try {
            statement.execute("RESET lock_timeout");
        } catch (SQLException e) {
            LOG.debug("Resetting lock_timeout on the lock connection failed", e);
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
            if (chainLockHeld) {
                unlock(PHOENIX_KIT_CHAIN_LOCK, "PhoenixKit's migration lock");
                chainLockHeld = false;
            }
            unlock(key, "Migration lock");
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

    private void unlock(long lockKey, String what) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, lockKey);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next() && !rows.getBoolean(1)) {
                    LOG.warn("{} {} of schema {} was not held at release", what, lockKey, schema);
                }
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
