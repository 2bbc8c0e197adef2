package dev.phoenixkit.integrations.internal.events;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.internal.db.Database;
import dev.phoenixkit.integrations.internal.db.NotifyDao;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening half of the PostgreSQL LISTEN/NOTIFY bridge ({@link NotifyAnnouncer} is the sending half): delivers
 * other instances' events to the local bus from a daemon thread that holds one dedicated connection in
 * {@code LISTEN}. A dropped connection is re-opened with exponential backoff (initial
 * {@link #INITIAL_BACKOFF}, at most {@link #MAX_BACKOFF}); events sent while it was down are lost. This instance's
 * own notifications are recognised by the origin id and not delivered twice.
 *
 * <p>Thread-safe.
 */
public final class NotifyBridge implements AutoCloseable {
    /** First reconnect delay. */
    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
    /** Longest reconnect delay. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(NotifyBridge.class);
    /** Name prefix of listener threads (followed by channel and instance id). */
    public static final String THREAD_PREFIX = "phoenixkit-integrations-listen-";

    private static final int POLL_MILLIS = 250;

    private final Database database;
    private final String channel;
    private final String instanceId;
    private final LocalEventBus bus;
    private final Function<UUID, IntegrationData> reader;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger backendPid = new AtomicInteger(-1);
    private final AtomicLong connects = new AtomicLong();
    private final Thread thread;
    private final Hooks hooks;
    private volatile Connection connection;
    private long lostAtNanos = -1;

    /** What the bridge tells its owner besides events: when it listens and what other nodes wrote. */
    public interface Hooks {
        /** No hooks. */
        Hooks NONE = new Hooks() {};

        /**
         * The listening connection is established (again): notifications from now on arrive.
         *
         * @param downtime how long it was not listening, or {@code null} on the first connect
         */
        default void listening(Duration downtime) {}

        /** The listening connection failed: notifications sent until {@link #listening} are lost. */
        default void notListening() {}

        /**
         * Another node wrote a row (before its event, if any, is delivered).
         *
         * @param uuid the row's uuid
         */
        default void written(UUID uuid) {}
    }

    /**
     * @param database  where to get the listening connection from
     * @param announcer the sending half: its channel is listened to and its instance id marks own notifications
     * @param bus       the local bus that receives remote events
     * @param reader    re-reads a connection's data by uuid for events that carry data
     */
    public NotifyBridge(
            Database database, NotifyAnnouncer announcer, LocalEventBus bus, Function<UUID, IntegrationData> reader) {
        this(database, announcer, bus, reader, Hooks.NONE);
    }

    /**
     * @param database  where to get the listening connection from
     * @param announcer the sending half: its channel is listened to and its instance id marks own notifications
     * @param bus       the local bus that receives remote events
     * @param reader    re-reads a connection's data by uuid for events that carry data
     * @param hooks     told when the bridge listens or stops listening, and about other nodes' writes
     */
    public NotifyBridge(
            Database database,
            NotifyAnnouncer announcer,
            LocalEventBus bus,
            Function<UUID, IntegrationData> reader,
            Hooks hooks) {
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.database = Objects.requireNonNull(database, "database");
        this.channel = announcer.channel();
        this.instanceId = announcer.instanceId();
        this.bus = Objects.requireNonNull(bus, "bus");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.thread = new Thread(this::run, THREAD_PREFIX + channel + "-" + instanceId);
        thread.setDaemon(true);
    }

    /** Starts the listener thread. */
    public void start() {
        thread.start();
    }

    /** @return the listening session's backend pid, or -1 while not connected */
    public int backendPid() {
        return backendPid.get();
    }

    /** @return how many times the listening connection was (re-)established */
    public long connectCount() {
        return connects.get();
    }

    /** Stops listening and releases the connection; waits up to 5 seconds for the thread. */
    @Override
    public void close() {
        closed.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect();
    }

    private void run() {
        long backoffMillis = INITIAL_BACKOFF.toMillis();
        while (closed.getCount() > 0) {
            try {
                if (connection == null) {
                    connect();
                    backoffMillis = INITIAL_BACKOFF.toMillis();
                }
                PGNotification[] notifications =
                        connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        dispatch(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    break;
                }
                LOG.warn(
                        "LISTEN connection on channel {} failed ({}); reconnecting in {} ms",
                        channel,
                        e.getClass().getSimpleName(),
                        backoffMillis);
                boolean wasListening = connection != null;
                disconnect();
                if (wasListening) {
                    lostAtNanos = System.nanoTime();
                    hooks.notListening();
                }
                if (await(backoffMillis)) {
                    break;
                }
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
        disconnect();
    }

    private void connect() throws SQLException {
        Connection opened = database.openRawConnection();
        try {
            opened.setAutoCommit(true);
            int pid = listenJdbi(opened).withExtension(NotifyDao.class, dao -> {
                int backend = dao.backendPid();
                dao.listen(Database.quote(channel)); // last statement, so pg_stat_activity shows LISTEN
                return backend;
            });
            connection = opened;
            backendPid.set(pid);
            connects.incrementAndGet();
            hooks.listening(lostAtNanos < 0 ? null : Duration.ofNanos(System.nanoTime() - lostAtNanos));
            lostAtNanos = -1;
            LOG.debug("Listening on channel {} (backend pid {})", channel, pid);
        } catch (RuntimeException | SQLException e) {
            database.closeRawConnection(opened);
            throw e;
        }
    }

    private void dispatch(String payload) {
        Optional<String> origin = EventPayload.origin(payload);
        if (origin.isEmpty() || origin.get().equals(instanceId)) {
            return;
        }
        EventPayload.uuid(payload).ifPresent(hooks::written);
        if (EventPayload.isWriteOnly(payload)) {
            return;
        }
        Optional<IntegrationEvent> event = EventPayload.decode(payload, reader);
        if (event.isEmpty()) {
            LOG.debug("Ignoring a malformed notification on channel {}", channel);
            return;
        }
        bus.publish(event.get());
    }

    private synchronized void disconnect() {
        Connection current = connection;
        connection = null;
        backendPid.set(-1);
        if (current != null) {
            try {
                listenJdbi(current).useExtension(NotifyDao.class, NotifyDao::unlistenAll);
            } catch (RuntimeException e) {
                LOG.debug(
                        "UNLISTEN on channel {} failed ({}); the connection is probably gone",
                        channel,
                        e.getClass().getSimpleName());
            }
            database.closeRawConnection(current);
        }
    }

    private static Jdbi listenJdbi(Connection connection) {
        Jdbi single = Jdbi.create(new SingleConnectionFactory(connection));
        single.installPlugin(new SqlObjectPlugin());
        single.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return single;
    }

    /** @return true if closed while waiting */
    private boolean await(long millis) {
        try {
            return closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Hands out one fixed connection and never closes it (the bridge owns its life-cycle). */
    private record SingleConnectionFactory(Connection connection) implements ConnectionFactory {
        @Override
        public Connection openConnection() {
            return connection;
        }

        @Override
        public void closeConnection(Connection ignored) {
            // kept open for LISTEN
        }
    }
}
