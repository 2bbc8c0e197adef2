package dev.phoenixkit.integrations.internal.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.StorageLayout;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.internal.audit.AuditLog;
import dev.phoenixkit.integrations.internal.crypto.FieldCodec;
import dev.phoenixkit.integrations.internal.db.Database;
import dev.phoenixkit.integrations.internal.db.SettingsDao;
import dev.phoenixkit.integrations.internal.db.SettingsReads;
import dev.phoenixkit.integrations.internal.db.SettingsRow;
import dev.phoenixkit.integrations.internal.events.EventAnnouncer;
import dev.phoenixkit.integrations.internal.events.LocalEventBus;
import dev.phoenixkit.integrations.internal.naming.ProviderRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row access for connections: reads decode and decrypt, writes encrypt, and {@link #inTransaction} gives a
 * {@link StoreTransaction} for row-locked read-modify-write with audit entries and events that commit together.
 *
 * <p>Thread-safe.
 */
public final class ConnectionStore {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStore.class);

    private final Database database;
    private final SettingsReads reads;
    private final FieldCodec codec;
    private final Clock clock;
    private final AuditLog auditLog;
    private final LocalEventBus bus;
    private final EventAnnouncer announcer;
    private final Consumer<Runnable> afterCommit;
    private final TimeBasedEpochGenerator uuids = Generators.timeBasedEpochGenerator();
    private final CredentialCache cache;
    private final boolean readsThrough;

    /**
     * @param database  the database
     * @param codec     encryption of sensitive fields
     * @param clock     the clock
     * @param auditLog  the audit writer
     * @param bus       the local event bus
     * @param announcer cross-node announcements ({@link EventAnnouncer#NONE} when the bridge is off)
     */
    public ConnectionStore(
            Database database,
            FieldCodec codec,
            Clock clock,
            AuditLog auditLog,
            LocalEventBus bus,
            EventAnnouncer announcer) {
        this(database, codec, clock, auditLog, bus, announcer, Runnable::run, null, false);
    }

    /**
     * A store whose transactions may be part of a longer one the host runs (the connections of {@code database}
     * may belong to a host transaction): its events are handed to {@code afterCommit}, which runs them once the
     * host's transaction commits (or at once when there is none) and drops them on rollback.
     *
     * @param database     the database
     * @param codec        encryption of sensitive fields
     * @param clock        the clock
     * @param auditLog     the audit writer
     * @param bus          the local event bus
     * @param announcer    cross-node announcements ({@link EventAnnouncer#NONE} when the bridge is off)
     * @param afterCommit  runs the delivery of a transaction's events after the (host's) commit
     * @param cache        the credential cache, or {@code null} for none: rows this store writes are dropped from
     *                     it when the transaction ends and again after the (host's) commit
     * @param readsThrough whether {@link #findByUuidCached} reads through {@code cache}; {@code false} for a store
     *                     whose reads may see a host's uncommitted rows, which must never be cached
     */
    public ConnectionStore(
            Database database,
            FieldCodec codec,
            Clock clock,
            AuditLog auditLog,
            LocalEventBus bus,
            EventAnnouncer announcer,
            Consumer<Runnable> afterCommit,
            CredentialCache cache,
            boolean readsThrough) {
        this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
        this.cache = cache;
        this.readsThrough = cache != null && readsThrough;
        this.database = Objects.requireNonNull(database, "database");
        this.reads = new SettingsReads(database);
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.announcer = Objects.requireNonNull(announcer, "announcer");
    }

    /**
     * Runs work in one transaction; events it published are delivered locally after the commit, and dropped on
     * rollback.
     *
     * @param work the work
     * @param <R>  result type
     * @return the work's result
     */
    public <R> R inTransaction(Function<StoreTransaction, R> work) {
        List<IntegrationEvent> pending = new ArrayList<>();
        Set<UUID> written = new LinkedHashSet<>();
        R result;
        try {
            result = database.inTransaction(handle -> {
                R done = work.apply(new StoreTransaction(this, handle, pending, written));
                announceWrites(handle, pending, written);
                return done;
            });
        } finally {
            // after the commit (or rollback): a load that read the old row meanwhile will not insert it
            invalidate(written);
        }
        if (cache != null && !written.isEmpty()) {
            // inside a host's transaction the real commit comes later: drop the rows again then
            afterCommit.accept(() -> invalidate(written));
        }
        if (!pending.isEmpty()) {
            afterCommit.accept(() -> pending.forEach(bus::publish));
        }
        return result;
    }

    private void invalidate(Set<UUID> written) {
        if (cache != null) {
            written.forEach(cache::invalidate);
        }
    }

    /** Rows written without an event for them are announced too, so other nodes' caches drop them. */
    private void announceWrites(Handle handle, List<IntegrationEvent> events, Set<UUID> written) {
        Set<UUID> announced = new HashSet<>();
        events.forEach(event -> announced.add(event.uuid()));
        for (UUID uuid : written) {
            if (!announced.contains(uuid)) {
                announcer.announceWrite(handle, uuid);
            }
        }
    }

    /**
     * Like {@link #findByUuid}, through the credential cache when there is one (for the credential reads:
     * {@code getCredentials}, {@code accessToken}, {@code authenticatedRequest}). Decrypts on every call.
     *
     * @param uuid  a row uuid
     * @param scope the owner the row must belong to
     * @return the integration row with that uuid, if it belongs to {@code scope}
     */
    public Optional<StoredConnection> findByUuidCached(UUID uuid, Owner scope) {
        if (!readsThrough) {
            return findByUuid(uuid, scope);
        }
        return cache.get(uuid, reads::findIntegrationByUuid)
                .flatMap(this::decode)
                .filter(row -> row.ownedBy(scope));
    }

    /** @return the credential cache, if this instance has one */
    public Optional<CredentialCache> cache() {
        return Optional.ofNullable(cache);
    }

    /** @return the storage layout rows are read and written in */
    public StorageLayout layout() {
        return database.layout();
    }

    /**
     * @param uuid a row uuid
     * @return the system's integration row with that uuid (an owned row is not found)
     */
    public Optional<StoredConnection> findByUuid(UUID uuid) {
        return findByUuid(uuid, Owner.SYSTEM);
    }

    /**
     * @param uuid  a row uuid
     * @param scope the owner the row must belong to
     * @return the integration row with that uuid, if it belongs to {@code scope}
     */
    public Optional<StoredConnection> findByUuid(UUID uuid, Owner scope) {
        return findByUuidAnyOwner(uuid).filter(row -> row.ownedBy(scope));
    }

    /**
     * Reads a row whoever owns it: only for the library's own re-reads (cross-node events), never for a caller.
     *
     * @param uuid a row uuid
     * @return the integration row with that uuid
     */
    public Optional<StoredConnection> findByUuidAnyOwner(UUID uuid) {
        return reads.findIntegrationByUuid(uuid).flatMap(this::decode);
    }

    /**
     * Composite-key layout: the row with an exact storage key.
     *
     * @param key   an exact storage key
     * @param scope the owner the row must belong to
     * @return the integration row with that key, if it belongs to {@code scope}
     */
    public Optional<StoredConnection> findByKey(String key, Owner scope) {
        if (!storable(key)) {
            return Optional.empty();
        }
        return reads.findByKey(key).flatMap(this::decode).filter(row -> row.ownedBy(scope));
    }

    /**
     * Uuid-key layout: one provider's rows of one owner, in the order PostgreSQL returns them (the hot path of a
     * {@code provider:name} lookup).
     *
     * @param provider the provider key
     * @param scope    the owner
     * @return the rows
     */
    public List<StoredConnection> providerRows(String provider, Owner scope) {
        if (!storable(provider)) {
            return new ArrayList<>();
        }
        return owned(decodeAll(reads.providerRows(provider, ownerType(scope), ownerUuid(scope))), scope);
    }

    /**
     * Composite-key layout: rows with data whose key matches a pattern, of one owner.
     *
     * @param pattern an escaped {@code LIKE} pattern
     * @param scope   the owner
     * @return matching rows with data, in key order
     */
    public List<StoredConnection> listByPattern(String pattern, Owner scope) {
        if (!storable(pattern)) {
            return new ArrayList<>();
        }
        return owned(
                decodeAll(database.withDao(
                        SettingsDao.class, dao -> dao.listByKeyPattern(pattern, ownerType(scope), ownerUuid(scope)))),
                scope);
    }

    /**
     * Composite-key layout: rows with data matching any pattern, of one owner, in one query.
     *
     * @param patterns escaped {@code LIKE} patterns
     * @param scope    the owner
     * @return the rows, in key order
     */
    public List<StoredConnection> listByPatterns(Collection<String> patterns, Owner scope) {
        String[] array = patterns.stream().filter(ConnectionStore::storable).toArray(String[]::new);
        if (array.length == 0) {
            return new ArrayList<>();
        }
        return owned(
                decodeAll(database.withDao(
                        SettingsDao.class, dao -> dao.listByKeyPatterns(array, ownerType(scope), ownerUuid(scope)))),
                scope);
    }

    /**
     * Uuid-key layout: the rows of some providers and one owner, in one query, in the order PostgreSQL returns
     * them.
     *
     * @param providers provider keys
     * @param scope     the owner
     * @return the rows
     */
    public List<StoredConnection> listByProviders(Collection<String> providers, Owner scope) {
        String[] array = providers.stream().filter(ConnectionStore::storable).toArray(String[]::new);
        if (array.length == 0) {
            return new ArrayList<>();
        }
        return owned(
                decodeAll(database.withDao(
                        SettingsDao.class, dao -> dao.listByProviders(array, ownerType(scope), ownerUuid(scope)))),
                scope);
    }

    /**
     * The one guard for text a lookup binds (docs/behaviour.md#fix-12): PostgreSQL's {@code text} and
     * {@code jsonb} cannot hold U+0000, so no row has a key, provider, name or state containing it. A lookup by such
     * text finds nothing without sending a query (which PostgreSQL would fail with SQLState 22021, reported as
     * {@code STORAGE_FAILED}); each method then answers its own miss ({@code NOT_CONFIGURED}, {@code NOT_FOUND},
     * an empty list, {@code STATE_MISMATCH}).
     *
     * @param text text a lookup would bind
     * @return whether a stored row can hold it
     */
    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    /**
     * @param scope an owner
     * @return its {@code owner_type} bind value ({@code null} for the system)
     */
    static String ownerType(Owner scope) {
        return scope.type().orElse(null);
    }

    /**
     * @param scope an owner
     * @return its {@code owner_uuid} bind value, lowercase ({@code null} for the system)
     */
    static String ownerUuid(Owner scope) {
        return scope.uuid().map(UUID::toString).orElse(null);
    }

    private static List<StoredConnection> owned(List<StoredConnection> rows, Owner scope) {
        rows.removeIf(row -> !row.ownedBy(scope));
        return rows;
    }

    /**
     * Reads the next batch of settings rows in uuid order, as stored (not decoded) and without locks.
     *
     * @param after the last uuid of the previous batch (the nil uuid to start)
     * @param limit the batch size
     * @return up to {@code limit} rows with a uuid greater than {@code after}
     */
    public List<SettingsRow> storedBatchAfter(UUID after, int limit) {
        return database.withDao(SettingsDao.class, dao -> dao.batchAfter(after, limit));
    }

    /**
     * @param uuid a connection's uuid (the connection may since have been removed)
     * @return its audit entries, oldest first
     */
    public List<AuditEntry> auditTrail(UUID uuid) {
        return auditLog.list(uuid);
    }

    /** @return the field codec */
    public FieldCodec codec() {
        return codec;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the audit log */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** @return the database */
    public Database database() {
        return database;
    }

    /** @return a new UUIDv7 */
    public UUID newUuid() {
        return uuids.generate();
    }

    /**
     * Decodes a row: provider and name from the key column (composite-key layout) or from {@code value_json}
     * (uuid-key layout), and decrypts the data.
     *
     * @param row a settings row
     * @return the connection, or empty if the row names no provider in the layout (a malformed key, or no
     *         {@code provider} text in the uuid-key layout)
     */
    public Optional<StoredConnection> decode(SettingsRow row) {
        boolean uuidKeys = layout() == StorageLayout.UUID_KEY;
        Optional<ProviderRef> keyRef = uuidKeys ? Optional.empty() : ProviderRef.fromStorageKey(row.key());
        if (!uuidKeys && keyRef.isEmpty()) {
            LOG.debug("Ignoring settings row {}: its key is not a well-formed integration key", row.uuid());
            return Optional.empty();
        }
        FieldCodec.Decoded decoded;
        try {
            decoded = codec.decode(row.valueJson());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring integration row {}: value_json is not a JSON object", row.uuid());
            return Optional.empty();
        }
        if (!decoded.undecryptable().isEmpty()) {
            LOG.warn(
                    "Integration row {} holds secrets that cannot be decrypted with the configured cipher: {}",
                    row.uuid(),
                    decoded.undecryptable().keySet());
        }
        Optional<ProviderRef> ref = uuidKeys ? jsonRef(decoded.data()) : keyRef;
        if (ref.isEmpty()) {
            LOG.debug("Ignoring integration row {}: value_json names no provider", row.uuid());
            return Optional.empty();
        }
        return Optional.of(new StoredConnection(row.uuid(), row.key(), ref.get(), decoded.data(), decoded.secrets()));
    }

    /**
     * The one error for a uuid that names no connection row.
     *
     * @param uuid the uuid asked for
     * @return {@code NOT_CONFIGURED}, naming the uuid
     */
    public static IntegrationException notConfigured(UUID uuid) {
        return new IntegrationException(IntegrationError.NOT_CONFIGURED, "No connection with uuid " + uuid);
    }

    void announce(Handle handle, IntegrationEvent event) {
        announcer.announce(handle, event);
    }

    /** PhoenixKit ≥ V114: provider must be text (a row without one is invisible there too); name defaults to "". */
    private static Optional<ProviderRef> jsonRef(IntegrationData data) {
        if (!(data.get(Fields.PROVIDER) instanceof String provider) || provider.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderRef(provider, data.get(Fields.NAME) instanceof String name ? name : ""));
    }

    private List<StoredConnection> decodeAll(List<SettingsRow> rows) {
        List<StoredConnection> out = new ArrayList<>(rows.size());
        rows.forEach(row -> decode(row).ifPresent(out::add));
        return out;
    }
}
