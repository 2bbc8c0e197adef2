package dev.phoenixkit.integrations.oauth;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reads {@code pg_locks} for the advisory locks of the test's database. */
final class AdvisoryLocks {
    /** Poll interval while waiting for lock waiters. */
    private static final Duration POLL = Duration.ofMillis(10);

    private final Jdbi jdbi;

    AdvisoryLocks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One advisory lock as {@code pg_locks} shows it.
     *
     * @param key      the 64-bit key for the {@code bigint} form ({@code classid << 32 | objid})
     * @param objsubid 1 for the {@code bigint} form, 2 for the {@code (int, int)} form
     * @param granted  held ({@code true}) or waited for
     */
    record Lock(long key, int objsubid, boolean granted) {}

    /** The 64-bit advisory key a connection's refresh is expected to lock. */
    static long refreshKeyOf(UUID uuid) {
        return uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
    }

    /** @return the advisory locks of this database, held or waited for */
    List<Lock> all() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT classid::bigint AS classid, objid::bigint AS objid, objsubid::int AS objsubid, granted
                FROM pg_locks
                WHERE locktype = 'advisory'
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .map((rs, ctx) -> new Lock(
                        (rs.getLong("classid") << 32) | rs.getLong("objid"),
                        rs.getInt("objsubid"),
                        rs.getBoolean("granted")))
                .list());
    }

    /**
     * Polls until {@code count} sessions wait for an advisory lock (a bound against hangs, not a timing assertion).
     *
     * @return whether they did within the bound
     */
    boolean awaitWaiters(int count, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (all().stream().filter(lock -> !lock.granted()).count() >= count) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }
}
