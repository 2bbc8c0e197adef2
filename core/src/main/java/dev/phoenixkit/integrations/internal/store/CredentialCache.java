package dev.phoenixkit.integrations.internal.store;

import dev.phoenixkit.integrations.internal.db.SettingsRow;
import dev.phoenixkit.integrations.observe.EvictionCause;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The credential cache (docs/decisions/tokens-cache.md): connection rows by uuid, as stored (ciphertext; the caller
 * decrypts per use), bounded in entries and in age.
 *
 * <p>Coherence rules, each in one place here:
 * <ul>
 *   <li>an entry older than the maximum staleness is never handed out (writes that send no notification, such as
 *       PhoenixKit's own or SQL by hand, are seen after at most that long);</li>
 *   <li>{@link #invalidate} (own writes after commit, other nodes' writes from the LISTEN/NOTIFY bridge) and
 *       {@link #suspend} (the bridge lost its connection: everything is dropped and nothing is cached until
 *       {@link #resume}) move a generation counter first;</li>
 *   <li>a load remembers the generation before it reads the database and inserts only if the generation has not
 *       moved since (checked atomically with the insert), so a load racing an invalidation never puts the old row
 *       back.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class CredentialCache {
    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxEntries;
    private final long maxStalenessMillis;
    private final Clock clock;
    private final IntegrationsObserver observer;
    private volatile boolean listening;

    private record Entry(SettingsRow row, long loadedAtMillis) {
        @Override
        public String toString() {
            return "Entry[" + row.uuid() + "]";
        }
    }

    /**
     * @param maxEntries   the most rows kept (positive)
     * @param maxStaleness the longest a row is kept after it was read (positive)
     * @param clock        the clock ages are measured on
     * @param observer     told about hits, misses and evictions
     * @param listening    whether rows may be cached from the start ({@code false} when a cross-node listener must
     *                     first be listening; it then calls {@link #resume})
     */
    public CredentialCache(
            int maxEntries, Duration maxStaleness, Clock clock, IntegrationsObserver observer, boolean listening) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        if (maxStaleness.isNegative() || maxStaleness.isZero()) {
            throw new IllegalArgumentException("maxStaleness must be positive, was " + maxStaleness);
        }
        this.maxEntries = maxEntries;
        this.maxStalenessMillis = maxStaleness.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.listening = listening;
    }

    /**
     * The cached row, or the row {@code loader} reads (cached when no invalidation happened meanwhile). Rows that do
     * not exist are not cached.
     *
     * @param uuid   the row's uuid
     * @param loader reads the row from the database
     * @return the row as stored
     */
    public Optional<SettingsRow> get(UUID uuid, Function<UUID, Optional<SettingsRow>> loader) {
        long now = clock.millis();
        Entry entry = entries.get(uuid);
        if (entry != null) {
            if (now - entry.loadedAtMillis() < maxStalenessMillis && now >= entry.loadedAtMillis()) {
                observer.cacheHit();
                return Optional.of(entry.row());
            }
            if (entries.remove(uuid, entry)) {
                observer.cacheEviction(EvictionCause.EXPIRED, 1);
            }
        }
        long seen = generation.get();
        boolean cacheable = listening;
        Optional<SettingsRow> row = loader.apply(uuid);
        observer.cacheMiss(); // after the read, before the insert (docs: IntegrationsObserver#cacheMiss)
        if (row.isPresent() && cacheable) {
            insert(uuid, row.get(), seen, now);
        }
        return row;
    }

    private void insert(UUID uuid, SettingsRow row, long seen, long now) {
        entries.compute(uuid, (key, current) -> generation.get() == seen && listening ? new Entry(row, now) : current);
        int evicted = 0;
        if (entries.size() > maxEntries) {
            Iterator<UUID> keys = entries.keySet().iterator();
            while (entries.size() > maxEntries && keys.hasNext()) {
                UUID victim = keys.next();
                if (!victim.equals(uuid)) {
                    keys.remove();
                    evicted++;
                }
            }
        }
        if (evicted > 0) {
            observer.cacheEviction(EvictionCause.SIZE, evicted);
        }
    }

    /**
     * Drops a row (it was written). Loads in flight will not insert what they read.
     *
     * @param uuid the row's uuid
     */
    public void invalidate(UUID uuid) {
        generation.incrementAndGet();
        if (entries.remove(uuid) != null) {
            observer.cacheEviction(EvictionCause.INVALIDATED, 1);
        }
    }

    /** Drops everything and caches nothing until {@link #resume()} (the cross-node listener is not listening). */
    public void suspend() {
        listening = false;
        generation.incrementAndGet();
        int dropped = entries.size();
        entries.clear();
        if (dropped > 0) {
            observer.cacheEviction(EvictionCause.CLEARED, dropped);
        }
    }

    /** Caches again (the cross-node listener listens); loads that started before do not insert. */
    public void resume() {
        generation.incrementAndGet();
        listening = true;
    }

    /** @return how many rows are cached now */
    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "CredentialCache[size=" + entries.size() + ", maxEntries=" + maxEntries + ", maxStalenessMillis="
                + maxStalenessMillis + ", listening=" + listening + "]";
    }
}
