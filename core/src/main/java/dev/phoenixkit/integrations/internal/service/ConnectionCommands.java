package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.internal.audit.AuditActions;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import dev.phoenixkit.integrations.internal.naming.Names;
import dev.phoenixkit.integrations.internal.naming.ProviderRef;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.internal.store.StoreTransaction;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The uuid-strict write side of the facade: add, save setup, disconnect, remove, rename, record validation. Every
 * change is a row-locked read-modify-write whose audit entry and event commit with it.
 *
 * <p>Thread-safe.
 */
public final class ConnectionCommands {
    /** Fields {@code disconnect} keeps for every connection. */
    private static final List<String> KEPT_ON_DISCONNECT =
            List.of(Fields.PROVIDER, Fields.AUTH_TYPE, Fields.NAME, Fields.OWNER_TYPE, Fields.OWNER_UUID);
    /** Further fields {@code disconnect} keeps for OAuth2 connections (tenant_id: docs/behaviour.md#fix-3). */
    private static final List<String> KEPT_ON_OAUTH_DISCONNECT =
            List.of(Fields.CLIENT_ID, Fields.CLIENT_SECRET, Fields.TENANT_ID);

    private final ConnectionStore store;
    private final ProviderRegistry providers;

    /**
     * @param store     row access
     * @param providers the provider registry
     */
    public ConnectionCommands(ConnectionStore store, ProviderRegistry providers) {
        this.store = store;
        this.providers = providers;
    }

    /**
     * Creates a connection (the only place a storage key and an owner are born).
     *
     * @param provider the provider key
     * @param rawName  the name, trimmed before checking
     * @param actor    who asked, or {@code null}
     * @param owner    the owner the connection belongs to, for good
     * @return the new connection
     */
    public Connection addConnection(String provider, String rawName, UUID actor, Owner owner) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(rawName, "name");
        Objects.requireNonNull(owner, "owner");
        Names.checkProviderKey(provider);
        ProviderDefinition definition = SetupRules.registered(providers, provider);
        String name = Names.checkName(store.layout(), provider, rawName);
        OwnerRules.checkScopeAllowed(providers, provider, owner);
        ProviderRef ref = new ProviderRef(provider, name);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(Fields.PROVIDER, provider);
        fields.put(Fields.NAME, name);
        fields.put(Fields.AUTH_TYPE, definition.authType().wireValue());
        fields.put(Fields.STATUS, ConnectionStatus.DISCONNECTED.wireValue());
        OwnerRules.stamp(fields, owner);
        return store.inTransaction(tx -> {
            StoredConnection row = tx.insert(ref, owner, fields).orElseThrow(() -> StoreTransaction.alreadyExists(ref));
            tx.audit(AuditActions.CONNECTION_ADDED, row, actor, AuditMode.MANUAL, Map.of("name", name));
            tx.publish(new IntegrationEvent.ConnectionAdded(row.uuid(), provider, name, owner));
            return row.toConnection();
        });
    }

    /**
     * Shallow-merges attributes into a connection's data and applies the status rule (docs/phoenixkit-reference.md#2-6).
     *
     * @param uuid  the row uuid
     * @param attrs PhoenixKit field names to JSON-compatible values ({@code owner_type}/{@code owner_uuid} are
     *              ignored: the owner is written once, by {@code addConnection})
     * @param actor who asked, or {@code null}
     * @param scope the owner the connection must belong to
     * @return the data as saved
     */
    public IntegrationData saveSetup(UUID uuid, Map<String, ?> attrs, UUID actor, Owner scope) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(attrs, "attrs");
        Map<String, Object> plainAttrs = new LinkedHashMap<>();
        attrs.forEach((key, value) ->
                plainAttrs.put(Objects.requireNonNull(key, "attribute name"), JsonCodec.toPlain(value)));
        SecretInput.normalize(plainAttrs);
        return store.inTransaction(tx -> {
            StoredConnection row = tx.lock(uuid, scope).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            Optional<ProviderDefinition> provider = providers.get(row.provider());
            Map<String, Object> merged = new LinkedHashMap<>(row.data().asMap());
            merged.putAll(plainAttrs);
            OwnerRules.keep(merged, row);
            merged.put(Fields.PROVIDER, row.provider());
            merged.put(Fields.NAME, row.name());
            provider.ifPresent(p -> merged.put(Fields.AUTH_TYPE, p.authType().wireValue()));
            String status = statusAfterSave(provider.map(ProviderDefinition::authType), merged, row);
            merged.put(Fields.STATUS, status);
            if (ConnectionStatus.CONNECTED.wireValue().equals(status) && merged.get(Fields.CONNECTED_AT) == null) {
                merged.put(Fields.CONNECTED_AT, tx.nowText());
            }
            StoredConnection saved = tx.write(row, merged);
            tx.audit(AuditActions.SETUP_SAVED, saved, actor, AuditMode.MANUAL, Map.of("status", status));
            tx.publish(
                    new IntegrationEvent.SetupSaved(uuid, saved.provider(), saved.name(), saved.publicData(), scope));
            return saved.publicData();
        });
    }

    /**
     * Drops credentials and state, keeping identity and owner (and, for OAuth2, the app's client id, secret and
     * tenant). Its keep-list also decides which undecryptable secrets survive (only a kept {@code client_secret}),
     * as in PhoenixKit; kept secrets keep their stored bytes.
     *
     * @param uuid  the row uuid
     * @param actor who asked, or {@code null}
     * @param scope the owner the connection must belong to (the owner is kept)
     * @throws IntegrationException {@code NOT_CONFIGURED} if there is no such connection (nothing is written)
     */
    public void disconnect(UUID uuid, UUID actor, Owner scope) {
        Objects.requireNonNull(uuid, "uuid");
        store.inTransaction(tx -> {
            StoredConnection row = tx.lock(uuid, scope).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            IntegrationData data = row.data();
            List<String> keep = new ArrayList<>(KEPT_ON_DISCONNECT);
            if (AuthType.OAUTH2.wireValue().equals(data.get(Fields.AUTH_TYPE))) {
                keep.addAll(KEPT_ON_OAUTH_DISCONNECT);
            }
            Map<String, Object> kept = new LinkedHashMap<>();
            keep.stream().filter(data::has).forEach(field -> kept.put(field, data.get(field)));
            kept.put(Fields.STATUS, ConnectionStatus.DISCONNECTED.wireValue());
            OwnerRules.keep(kept, row);
            StoredConnection saved = tx.write(row, kept, row.secrets().carryingOnly(keep));
            tx.audit(AuditActions.DISCONNECTED, saved, actor, AuditMode.MANUAL, Map.of());
            tx.publish(new IntegrationEvent.Disconnected(uuid, saved.provider(), saved.name(), scope));
            return null;
        });
    }

    /**
     * Deletes a connection.
     *
     * @param uuid  the row uuid
     * @param actor who asked, or {@code null}
     * @param scope the owner the connection must belong to
     * @throws IntegrationException {@code NOT_CONFIGURED} if no row was deleted (there is no such connection)
     */
    public void removeConnection(UUID uuid, UUID actor, Owner scope) {
        Objects.requireNonNull(uuid, "uuid");
        store.inTransaction(tx -> {
            tx.lock(uuid, scope).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            ProviderRef ref = tx.delete(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            tx.audit(AuditActions.CONNECTION_REMOVED, uuid, ref, actor, AuditMode.MANUAL, Map.of("name", ref.name()));
            tx.publish(new IntegrationEvent.ConnectionRemoved(uuid, ref.provider(), ref.name(), scope));
            return null;
        });
    }

    /**
     * Renames a connection in place; its uuid does not change. Renaming to the current name does nothing.
     *
     * @param uuid    the row uuid
     * @param newName the new name, trimmed before checking
     * @param actor   who asked, or {@code null}
     * @param scope   the owner the connection must belong to
     * @return the data after the rename
     */
    public IntegrationData renameConnection(UUID uuid, String newName, UUID actor, Owner scope) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(newName, "newName");
        String trimmed = newName.strip();
        return store.inTransaction(tx -> {
            StoredConnection row = tx.lock(uuid, scope).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            if (trimmed.equals(row.name())) {
                return row.publicData();
            }
            String name = Names.checkName(store.layout(), row.provider(), trimmed);
            Map<String, Object> fields = new LinkedHashMap<>(row.data().asMap());
            fields.put(Fields.NAME, name);
            fields.put(Fields.PROVIDER, row.provider());
            StoredConnection saved = tx.rename(row, new ProviderRef(row.provider(), name), fields);
            tx.audit(
                    AuditActions.CONNECTION_RENAMED,
                    saved,
                    actor,
                    AuditMode.MANUAL,
                    Map.of("old_name", row.name(), "new_name", name));
            tx.publish(new IntegrationEvent.ConnectionRenamed(uuid, row.provider(), row.name(), name, scope));
            return saved.publicData();
        });
    }

    /**
     * Stores a validation outcome: status, {@code validation_status} and {@code last_validated_at} always (and
     * {@code connected_at} on success); publishes {@code Validated} only when status or validation status changed.
     *
     * @param uuid   the row uuid
     * @param result the outcome
     * @param scope  the owner the connection must belong to
     * @throws IntegrationException {@code NOT_CONFIGURED} if there is no such connection (nothing is written)
     */
    public void recordValidation(UUID uuid, ValidationResult result, Owner scope) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(result, "result");
        store.inTransaction(tx -> {
            StoredConnection row = tx.lock(uuid, scope).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            recordValidation(tx, row, result);
            return null;
        });
    }

    /**
     * {@link #recordValidation(UUID, ValidationResult)} on a row already locked in the caller's transaction, so the
     * result commits (and its {@code Validated} event is published) with the caller's other writes.
     *
     * @param tx     the caller's transaction
     * @param row    the row, locked in {@code tx}
     * @param result the result
     * @return the row as written
     */
    public StoredConnection recordValidation(StoreTransaction tx, StoredConnection row, ValidationResult result) {
        String status = (result.isOk() ? ConnectionStatus.CONNECTED : ConnectionStatus.ERROR).wireValue();
        String validationStatus = result.validationStatus();
        boolean changed = !status.equals(row.data().get(Fields.STATUS))
                || !validationStatus.equals(row.data().get(Fields.VALIDATION_STATUS));
        Map<String, Object> fields = new LinkedHashMap<>(row.data().asMap());
        fields.put(Fields.STATUS, status);
        fields.put(Fields.VALIDATION_STATUS, validationStatus);
        fields.put(Fields.LAST_VALIDATED_AT, tx.nowText());
        if (result.isOk()) {
            fields.put(Fields.CONNECTED_AT, tx.nowText());
        }
        StoredConnection saved = tx.write(row, fields);
        if (changed) {
            tx.publish(new IntegrationEvent.Validated(
                    row.uuid(),
                    saved.provider(),
                    saved.name(),
                    result,
                    saved.owner().orElse(Owner.SYSTEM)));
        }
        return saved;
    }

    /**
     * Appends an audit entry for a feature module, in its own transaction, checking that the connection exists.
     *
     * @param action   the action name, 1 to 64 characters
     * @param uuid     the connection concerned
     * @param actor    who asked, or {@code null}
     * @param mode     manual or automatic
     * @param metadata non-secret details (JSON-compatible values)
     */
    public void recordAuditEntry(String action, UUID uuid, UUID actor, AuditMode mode, Map<String, ?> metadata) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(metadata, "metadata");
        if (action.isEmpty() || action.length() > 64) {
            throw new IllegalArgumentException("action must be 1 to 64 characters");
        }
        if (action.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("action must not contain control characters (line breaks, tabs, NUL)");
        }
        Map<String, Object> plain = IntegrationData.of(metadata).asMap();
        store.inTransaction(tx -> {
            StoredConnection row = tx.find(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            tx.audit(action, row, actor, mode, plain);
            return null;
        });
    }

    private static String statusAfterSave(
            Optional<AuthType> authType, Map<String, Object> merged, StoredConnection row) {
        Object current = merged.get(Fields.STATUS);
        if (ConnectionStatus.CONNECTED.wireValue().equals(current)
                || ConnectionStatus.ERROR.wireValue().equals(current)) {
            return (String) current;
        }
        if (authType.isPresent()) {
            return CredentialRules.hasRuntimeCredentials(
                            authType.get(), merged, row.undecryptable().keySet())
                    ? ConnectionStatus.CONFIGURED.wireValue()
                    : ConnectionStatus.DISCONNECTED.wireValue();
        }
        return current instanceof String text && !text.isEmpty() ? text : ConnectionStatus.DISCONNECTED.wireValue();
    }
}
