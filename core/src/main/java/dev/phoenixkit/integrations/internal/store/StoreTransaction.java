package dev.phoenixkit.integrations.internal.store;

import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.StorageLayout;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.internal.crypto.FieldCodec;
import dev.phoenixkit.integrations.internal.db.Database;
import dev.phoenixkit.integrations.internal.db.SettingsDao;
import dev.phoenixkit.integrations.internal.db.SettingsRow;
import dev.phoenixkit.integrations.internal.json.Timestamps;
import dev.phoenixkit.integrations.internal.naming.ProviderRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The operations available inside {@link ConnectionStore#inTransaction}: row reads (optionally locked), writes,
 * audit entries and events, all on one handle. Events are queued and delivered locally after the commit (and
 * announced to other nodes by {@code pg_notify}, which PostgreSQL also sends only on commit).
 *
 * <p>Not thread-safe: confined to the transaction's thread.
 */
public final class StoreTransaction {
    /** Class id of the two-{@code int} advisory locks on provider and name (uuid-key layout): "PKNM". */
    static final int NAME_LOCK_CLASS = 0x504B4E4D;

    private static final UUID NIL = new UUID(0L, 0L);

    private final ConnectionStore store;
    private final Handle handle;
    private final SettingsDao settings;
    private final List<IntegrationEvent> pendingEvents;
    private final Instant now;
    private final Set<UUID> written;

    StoreTransaction(ConnectionStore store, Handle handle, List<IntegrationEvent> pendingEvents, Set<UUID> written) {
        this.written = written;
        this.store = store;
        this.handle = handle;
        this.settings = handle.attach(SettingsDao.class);
        this.pendingEvents = pendingEvents;
        this.now = store.clock().instant();
    }

    /** @return the handle, for DAOs of other internal packages that must join this transaction */
    public Handle handle() {
        return handle;
    }

    /** @return the instant this transaction stamps (one clock reading per transaction) */
    public Instant now() {
        return now;
    }

    /** @return {@link #now()} in the stored text format */
    public String nowText() {
        return Timestamps.format(now);
    }

    /**
     * Reads and locks ({@code SELECT ... FOR UPDATE}) a system integration row until this transaction ends.
     *
     * @param uuid the row uuid
     * @return the row, or empty if there is no system integration row with that uuid
     */
    public Optional<StoredConnection> lock(UUID uuid) {
        return lock(uuid, Owner.SYSTEM);
    }

    /**
     * Reads and locks an integration row of one owner until this transaction ends. A row of another owner is
     * locked too (until the transaction ends) but not returned: the mismatch fails closed.
     *
     * @param uuid  the row uuid
     * @param scope the owner the row must belong to
     * @return the row, or empty if there is no integration row of {@code scope} with that uuid
     */
    public Optional<StoredConnection> lock(UUID uuid, Owner scope) {
        return settings.lockIntegrationByUuid(uuid).flatMap(store::decode).filter(row -> row.ownedBy(scope));
    }

    /**
     * Reads and locks the system integration row holding a pending, library-issued OAuth state.
     *
     * @param state the callback's state
     * @return the row, or empty if no system row holds that state
     */
    public Optional<StoredConnection> lockByPendingState(String state) {
        if (!ConnectionStore.storable(state)) {
            return Optional.empty();
        }
        return settings.lockIntegrationByPendingState(state)
                .flatMap(store::decode)
                .filter(row -> row.ownedBy(Owner.SYSTEM));
    }

    /**
     * @param uuid the row uuid
     * @return the system integration row, unlocked
     */
    public Optional<StoredConnection> find(UUID uuid) {
        return find(uuid, Owner.SYSTEM);
    }

    /**
     * @param uuid  the row uuid
     * @param scope the owner the row must belong to
     * @return the integration row of {@code scope}, unlocked
     */
    public Optional<StoredConnection> find(UUID uuid, Owner scope) {
        return findAnyOwner(uuid).filter(row -> row.ownedBy(scope));
    }

    private Optional<StoredConnection> findAnyOwner(UUID uuid) {
        return settings.findIntegrationByUuid(uuid).flatMap(store::decode);
    }

    /**
     * Reads and locks the next batch of settings rows in uuid order, as stored (not decoded), for re-encryption.
     *
     * @param after the last uuid of the previous batch (the nil uuid to start)
     * @param limit the batch size
     * @return up to {@code limit} rows with a uuid greater than {@code after}
     */
    public List<SettingsRow> lockStoredBatchAfter(UUID after, int limit) {
        return settings.lockBatchAfter(after, limit);
    }

    /**
     * Replaces a row's stored {@code value_json} text as given (already encrypted), touching nothing else.
     *
     * @param uuid the row uuid
     * @param json the new {@code value_json} text
     */
    public void writeStoredData(UUID uuid, String json) {
        written.add(uuid);
        requireOneRow(settings.updateDataOnly(uuid, json), uuid);
    }

    /**
     * Inserts a new connection row unless its name is taken: in the composite-key layout the key's unique index
     * decides; in the uuid-key layout (key = uuid) a case-insensitive check per provider and owner under an
     * advisory lock on provider and lowercased name ({@link #nameTaken}).
     *
     * @param ref    provider and name
     * @param owner  the owner (its fields are already in {@code fields})
     * @param fields plaintext data
     * @return the new row, or empty if the name was taken
     */
    public Optional<StoredConnection> insert(ProviderRef ref, Owner owner, Map<String, Object> fields) {
        UUID uuid = store.newUuid();
        boolean uuidKeys = store.layout() == StorageLayout.UUID_KEY;
        if (uuidKeys && nameTaken(ref, owner, NIL)) {
            return Optional.empty();
        }
        String key = uuidKeys ? uuid.toString() : ref.storageKey();
        String json = store.codec().encode(fields, FieldCodec.StoredSecrets.NONE);
        written.add(uuid);
        if (settings.insertIfAbsent(uuid, key, json, nowText()) == 0) {
            return Optional.empty();
        }
        return Optional.of(
                new StoredConnection(uuid, key, ref, IntegrationData.of(fields), FieldCodec.StoredSecrets.NONE));
    }

    /**
     * Uuid-key layout: takes the advisory lock of a provider and lowercased name until this transaction ends, then
     * checks whether another row of that provider and owner has the name, ignoring case. Two adds or renames to
     * the same name serialise on the lock, so the second sees the first's committed row.
     */
    private boolean nameTaken(ProviderRef ref, Owner owner, UUID self) {
        settings.lockName(NAME_LOCK_CLASS, ref.provider(), ref.name());
        return settings.nameTaken(
                ref.provider(), ref.name(), ConnectionStore.ownerType(owner), ConnectionStore.ownerUuid(owner), self);
    }

    /**
     * Replaces a row's data under the write-path rule (docs/behaviour.md#write-path): secrets {@code fields} does
     * not change keep their stored ciphertext byte for byte, plaintext secrets are encrypted, and undecryptable
     * stored secrets are kept unless {@code fields} sets them.
     *
     * @param current the row as read (ideally via {@link #lock(UUID)})
     * @param fields  the complete new plaintext data
     * @return the row as written
     * @throws IntegrationException {@code NOT_CONFIGURED} if the row is gone (no row was updated)
     */
    public StoredConnection write(StoredConnection current, Map<String, Object> fields) {
        return write(current, fields, current.secrets());
    }

    /**
     * {@link #write(StoredConnection, Map)} carrying forward only the given stored secrets (for {@code disconnect},
     * whose keep-list decides which undecryptable ciphertexts survive).
     *
     * @param current the row as read
     * @param fields  the complete new plaintext data
     * @param carried the stored ciphertexts to carry forward ({@link FieldCodec.StoredSecrets#carryingOnly})
     * @return the row as written
     * @throws IntegrationException {@code NOT_CONFIGURED} if the row is gone (no row was updated)
     */
    public StoredConnection write(
            StoredConnection current, Map<String, Object> fields, FieldCodec.StoredSecrets carried) {
        String json = store.codec().encode(fields, carried);
        written.add(current.uuid());
        requireOneRow(settings.updateData(current.uuid(), json, nowText()), current.uuid());
        return reread(current.uuid());
    }

    /**
     * Moves a row to a new key (rename in place) and replaces its data.
     *
     * @param current the locked row
     * @param newRef  the new provider and name
     * @param fields  the complete new plaintext data
     * @return the row as written
     * @throws IntegrationException {@code ALREADY_EXISTS} if the new key is taken (the transaction is then aborted)
     */
    public StoredConnection rename(StoredConnection current, ProviderRef newRef, Map<String, Object> fields) {
        String json = store.codec().encode(fields, current.secrets());
        written.add(current.uuid());
        if (store.layout() == StorageLayout.UUID_KEY) {
            // the key is the uuid: a rename rewrites value_json's name only (as PhoenixKit ≥ V114 does)
            if (nameTaken(newRef, current.owner().orElse(Owner.SYSTEM), current.uuid())) {
                throw alreadyExists(newRef);
            }
            settings.updateData(current.uuid(), json, nowText());
            return reread(current.uuid());
        }
        try {
            requireOneRow(
                    settings.updateKeyAndData(current.uuid(), newRef.storageKey(), json, nowText()), current.uuid());
        } catch (JdbiException e) {
            if (Database.isUniqueViolation(e, Database.KEY_UNIQUE_INDEX)) {
                throw alreadyExists(newRef);
            }
            throw e;
        }
        return reread(current.uuid());
    }

    /**
     * Deletes an integration row (check its owner first, with {@link #lock(UUID, Owner)}).
     *
     * @param uuid the row uuid
     * @return the deleted row's provider and name, if a row was deleted
     */
    public Optional<ProviderRef> delete(UUID uuid) {
        written.add(uuid);
        return settings.deleteIntegration(uuid)
                .map(row -> store.decode(row).map(StoredConnection::ref).orElse(new ProviderRef("?", "?")));
    }

    /**
     * @param ref the name asked for
     * @return the one {@code ALREADY_EXISTS} for a taken name
     */
    public static IntegrationException alreadyExists(ProviderRef ref) {
        return new IntegrationException(
                IntegrationError.ALREADY_EXISTS,
                "A connection named '" + ref.name() + "' already exists for provider '" + ref.provider() + "'");
    }

    /**
     * Appends an audit entry in this transaction.
     *
     * @param action   an {@code AuditActions} name
     * @param row      the connection concerned
     * @param actor    who asked, or {@code null}
     * @param mode     manual or automatic
     * @param metadata non-secret details
     */
    public void audit(String action, StoredConnection row, UUID actor, AuditMode mode, Map<String, ?> metadata) {
        store.auditLog().record(handle, action, row.uuid(), row.provider(), row.name(), actor, mode, metadata);
    }

    /**
     * Appends an audit entry in this transaction, for a connection given by parts.
     *
     * @param action   an {@code AuditActions} name
     * @param uuid     the connection's uuid, or {@code null}
     * @param ref      provider and name, or {@code null}
     * @param actor    who asked, or {@code null}
     * @param mode     manual or automatic
     * @param metadata non-secret details
     */
    public void audit(String action, UUID uuid, ProviderRef ref, UUID actor, AuditMode mode, Map<String, ?> metadata) {
        store.auditLog()
                .record(
                        handle,
                        action,
                        uuid,
                        ref == null ? null : ref.provider(),
                        ref == null ? null : ref.name(),
                        actor,
                        mode,
                        metadata);
    }

    /**
     * Queues an event for delivery after commit and announces it to other nodes (when the bridge is on).
     *
     * @param event the event
     */
    public void publish(IntegrationEvent event) {
        pendingEvents.add(event);
        store.announce(handle, event);
    }

    /** No write may return normally without writing (docs/behaviour.md#write-path): an update of no row is a miss. */
    private static void requireOneRow(int updated, UUID uuid) {
        if (updated != 1) {
            throw ConnectionStore.notConfigured(uuid);
        }
    }

    private StoredConnection reread(UUID uuid) {
        return findAnyOwner(uuid)
                .orElseThrow(() -> new IntegrationException(
                        IntegrationError.STORAGE_FAILED, "Connection " + uuid + " vanished while being written"));
    }
}
