package dev.phoenixkit.integrations.internal.connect;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The transaction-scoped advisory lock that serialises token refreshes of one connection across nodes. */
public interface RefreshLockDao {
    /**
     * Waits for, then holds until the transaction ends, the advisory lock {@code (space, key)}.
     *
     * @param space the lock space (this library's refresh constant)
     * @param key   the connection's 32-bit lock key
     * @return always 1
     */
    @SqlQuery("""
            SELECT 1 FROM pg_advisory_xact_lock(:space, :key)""")
    int lock(@Bind("space") int space, @Bind("key") int key);
}
