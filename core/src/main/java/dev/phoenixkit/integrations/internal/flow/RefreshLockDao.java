package dev.phoenixkit.integrations.internal.flow;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The transaction-scoped advisory lock that serialises token refreshes of one connection across nodes. */
public interface RefreshLockDao {
    /**
     * Waits for, then holds until the transaction ends, the advisory lock {@code key} ({@code bigint} form).
     *
     * @param key the connection's 64-bit lock key ({@link TokenRefresher#advisoryKey})
     * @return always 1
     */
    @SqlQuery("""
            SELECT 1 FROM pg_advisory_xact_lock(CAST(:key AS bigint))""")
    int lock(@Bind("key") long key);
}
