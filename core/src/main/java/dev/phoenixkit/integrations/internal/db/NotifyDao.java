package dev.phoenixkit.integrations.internal.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** PostgreSQL LISTEN/NOTIFY for the cross-node event bridge. */
public interface NotifyDao {
    /**
     * Queues a notification; PostgreSQL delivers it when the surrounding transaction commits.
     *
     * @param channel the channel name (unquoted)
     * @param payload the payload, under 8000 bytes, without secrets
     * @return 1
     */
    @SqlQuery("SELECT count(*) FROM (SELECT pg_notify(:channel, :payload)) AS notified")
    int notify(@Bind("channel") String channel, @Bind("payload") String payload);

    /**
     * Starts listening on this session.
     *
     * @param quotedChannel the channel as a quoted identifier
     */
    @SqlUpdate("LISTEN <channel>")
    void listen(@Define("channel") String quotedChannel);

    /** @return this session's backend process id */
    @SqlQuery("SELECT pg_backend_pid()")
    int backendPid();
}
