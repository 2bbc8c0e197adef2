package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.StorageLayout;
import dev.phoenixkit.integrations.internal.naming.Names;
import dev.phoenixkit.integrations.internal.naming.ProviderRef;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The read side of the facade: the dual-input shims (uuid text, {@code provider} or {@code provider:name}) and the
 * listings, each within one owner scope (the system facade passes {@link Owner#SYSTEM}; an owned view its owner). A
 * row of another owner is never returned: by uuid it reads as missing ({@code NOT_CONFIGURED}, {@code DELETED}),
 * and it is never listed or looked up by name.
 *
 * <p>Thread-safe.
 */
public final class ConnectionQueries {
    /**
     * Uuid-key layout (PhoenixKit ≥ V114): by lowercased name, code point by code point (the UTF-8 byte order
     * Elixir compares in); a stable sort, so equal names keep the database's order as in PhoenixKit.
     */
    public static final Comparator<Connection> LOWERCASE_NAME = (a, b) ->
            compareCodePoints(a.name().toLowerCase(Locale.ROOT), b.name().toLowerCase(Locale.ROOT));
    /** Composite-key layout (PhoenixKit V107–V113): "default" first, then plain string order. */
    public static final Comparator<Connection> DEFAULT_FIRST = Comparator.comparing(
                    (Connection c) -> !ProviderRef.DEFAULT_NAME.equals(c.name()))
            .thenComparing(Connection::name);

    private final ConnectionStore store;
    private final ProviderRegistry providers;

    /**
     * @param store     row access
     * @param providers the provider registry
     */
    public ConnectionQueries(ConnectionStore store, ProviderRegistry providers) {
        this.store = store;
        this.providers = providers;
    }

    /**
     * @param ref   uuid text, {@code provider} or {@code provider:name}
     * @param scope the owner scope
     * @return the connection's data, credentials or not
     */
    public IntegrationData getIntegration(String ref, Owner scope) {
        if (ref == null || ref.isEmpty()) {
            throw new IntegrationException(
                    IntegrationError.INVALID_PROVIDER_KEY,
                    "Connection reference is " + (ref == null ? "null" : "empty"));
        }
        Optional<StoredConnection> row = Names.isUuid(ref)
                ? store.findByUuid(UUID.fromString(ref), scope)
                : lookup(ref, scope, IntegrationError.INVALID_PROVIDER_KEY);
        return row.filter(ConnectionQueries::hasData)
                .map(StoredConnection::publicData)
                .orElseThrow(() -> notConfigured(ref));
    }

    /**
     * @param uuid  a row uuid
     * @param scope the owner scope
     * @return the connection, with provider and name as the layout defines them
     */
    public Connection getIntegrationByUuid(UUID uuid, Owner scope) {
        if (uuid == null) {
            throw new IntegrationException(IntegrationError.INVALID_UUID, "Connection uuid is null");
        }
        return store.findByUuid(uuid, scope)
                .map(StoredConnection::toConnection)
                .orElseThrow(() -> notConfigured(uuid.toString()));
    }

    /**
     * @param ref   uuid text, {@code provider} or {@code provider:name}
     * @param scope the owner scope
     * @return the data, if the connection has usable credentials
     */
    public IntegrationData getCredentials(String ref, Owner scope) {
        if (ref == null || ref.isEmpty()) {
            throw notConfigured(ref);
        }
        IntegrationData data;
        if (Names.isUuid(ref)) {
            data = store.findByUuidCached(UUID.fromString(ref), scope)
                    .filter(ConnectionQueries::hasData)
                    .map(StoredConnection::publicData)
                    .orElseThrow(() -> new IntegrationException(
                            IntegrationError.DELETED, "Connection " + ref + " does not exist (deleted?)"));
        } else {
            data = lookup(ref, scope, IntegrationError.INVALID_PROVIDER_KEY)
                    .filter(ConnectionQueries::hasData)
                    .map(StoredConnection::publicData)
                    .orElseThrow(() -> notConfigured(ref));
        }
        if (data.hasUndecryptableFields()) {
            throw new IntegrationException(
                    IntegrationError.DECRYPTION_FAILED,
                    "Connection " + ref
                            + " holds secrets that cannot be decrypted with the configured cipher: "
                            + data.undecryptableFields());
        }
        if (!CredentialRules.hasCredentials(data.asMap())) {
            throw new IntegrationException(
                    IntegrationError.NOT_CONFIGURED, "Connection " + ref + " has no usable credentials");
        }
        return data;
    }

    /**
     * @param ref   uuid text, {@code provider} or {@code provider:name}
     * @param scope the owner scope
     * @return whether {@link #getCredentials(String, Owner)} succeeds
     */
    public boolean isConnected(String ref, Owner scope) {
        try {
            getCredentials(ref, scope);
            return true;
        } catch (IntegrationException e) {
            return false;
        }
    }

    /**
     * @param ref   {@code provider} or {@code provider:name}
     * @param scope the owner scope
     * @return the uuid of that connection (composite keys: a legacy bare-key row counts as "default"; uuid keys: a
     *         bare provider is the first connection by lowercased name)
     */
    public UUID findUuidByProviderName(String ref, Owner scope) {
        if (ref == null) {
            throw invalid(null);
        }
        ProviderRef parsed = ProviderRef.tryParse(ref).orElseThrow(() -> invalid(ref));
        return find(parsed, ref.indexOf(':') < 0, scope);
    }

    /**
     * @param provider the provider key
     * @param name     the connection name
     * @param scope    the owner scope
     * @return the uuid of that connection (composite keys: a legacy bare-key row counts as "default")
     */
    public UUID findUuidByProviderName(String provider, String name, Owner scope) {
        if (provider == null || name == null || provider.isEmpty() || name.isEmpty() || provider.indexOf(':') >= 0) {
            throw invalid(provider + ":" + name);
        }
        return find(new ProviderRef(provider, name), false, scope);
    }

    private UUID find(ProviderRef ref, boolean bare, Owner scope) {
        if (ref.provider().indexOf(':') >= 0) {
            throw invalid(ref.text());
        }
        Optional<StoredConnection> row = lookup(ref, bare, scope).filter(ConnectionQueries::hasData);
        if (row.isEmpty()
                && store.layout() == StorageLayout.COMPOSITE_KEY
                && ProviderRef.DEFAULT_NAME.equals(ref.name())) {
            row = legacyRow(ref.provider(), scope);
        }
        return row.map(StoredConnection::uuid)
                .orElseThrow(() -> new IntegrationException(
                        IntegrationError.NOT_FOUND, "No connection '" + (bare ? ref.provider() : ref.text()) + "'"));
    }

    /**
     * @param ref   uuid text, {@code provider} or {@code provider:name}
     * @param scope the owner scope
     * @return the uuid of an existing integration row
     */
    public UUID resolveToUuid(String ref, Owner scope) {
        if (ref == null || ref.isEmpty()) {
            throw invalid(ref);
        }
        if (Names.isUuid(ref)) {
            UUID uuid = UUID.fromString(ref);
            return store.findByUuid(uuid, scope)
                    .map(StoredConnection::uuid)
                    .orElseThrow(() ->
                            new IntegrationException(IntegrationError.NOT_FOUND, "No connection with uuid " + ref));
        }
        return findUuidByProviderName(ref, scope);
    }

    /**
     * @param provider a provider key
     * @param scope    the owner scope
     * @return its connections in the layout's order (composite keys: "default" first, a legacy bare-key row
     *         appearing as "default" when no real one exists; uuid keys: by lowercased name)
     */
    public List<Connection> listConnections(String provider, Owner scope) {
        checkListedProvider(provider);
        List<Connection> connections = new ArrayList<>();
        if (store.layout() == StorageLayout.UUID_KEY) {
            store.listByProviders(List.of(provider), scope).forEach(row -> connections.add(row.toConnection()));
        } else {
            store.listByPattern(Names.connectionsPattern(provider), scope)
                    .forEach(row -> connections.add(row.toConnection()));
            if (connections.stream().noneMatch(c -> ProviderRef.DEFAULT_NAME.equals(c.name()))) {
                legacyRow(provider, scope).ifPresent(row -> connections.add(row.toConnection()));
            }
        }
        connections.sort(order());
        return List.copyOf(connections);
    }

    /**
     * @param providerKeys provider keys
     * @param scope        the owner scope
     * @return every requested key mapped to its connections (in the layout's order), from one query; legacy
     *         bare-key rows are not included
     */
    public Map<String, List<Connection>> loadAllConnections(Collection<String> providerKeys, Owner scope) {
        Objects.requireNonNull(providerKeys, "providerKeys");
        Set<String> keys = new LinkedHashSet<>();
        for (String key : providerKeys) {
            keys.add(checkListedProvider(key));
        }
        Map<String, List<Connection>> grouped = new LinkedHashMap<>();
        keys.forEach(key -> grouped.put(key, new ArrayList<>()));
        List<StoredConnection> rows = store.layout() == StorageLayout.UUID_KEY
                ? store.listByProviders(keys, scope)
                : store.listByPatterns(
                        keys.stream().map(Names::connectionsPattern).toList(), scope);
        for (StoredConnection row : rows) {
            List<Connection> list = grouped.get(row.provider());
            if (list != null) {
                list.add(row.toConnection());
            }
        }
        Map<String, List<Connection>> result = new LinkedHashMap<>();
        grouped.forEach((key, list) -> {
            list.sort(order());
            result.put(key, List.copyOf(list));
        });
        return Collections.unmodifiableMap(result);
    }

    /**
     * @param scope the owner scope
     * @return the connections of every registered provider, in registry order, each provider's in the layout's
     *         order
     */
    public List<Connection> listIntegrations(Owner scope) {
        List<String> keys =
                providers.all().stream().map(ProviderDefinition::key).toList();
        return loadAllConnections(keys, scope).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    /**
     * @param uuid a connection's uuid (the connection may since have been removed)
     * @return its audit entries, oldest first
     */
    public List<AuditEntry> auditTrail(UUID uuid) {
        return store.auditTrail(Objects.requireNonNull(uuid, "uuid"));
    }

    private Optional<StoredConnection> legacyRow(String provider, Owner scope) {
        return store.findByKey(ProviderRef.KEY_PREFIX + provider, scope).filter(ConnectionQueries::hasData);
    }

    /**
     * A {@code provider[:name]} lookup in the instance's layout. Composite keys: the exact key (a bare provider
     * means {@code provider:default}). Uuid keys (PhoenixKit ≥ V114's {@code find_uuid_by_provider_name}): the
     * scope's rows of that provider sorted by lowercased name, then the first whose name is exactly {@code name},
     * or for a bare provider the first of all.
     */
    private Optional<StoredConnection> lookup(String ref, Owner scope, IntegrationError malformed) {
        ProviderRef parsed = ProviderRef.parse(ref, malformed);
        return lookup(parsed, ref.indexOf(':') < 0, scope);
    }

    private Optional<StoredConnection> lookup(ProviderRef ref, boolean bare, Owner scope) {
        if (!ConnectionStore.storable(ref.provider()) || !ConnectionStore.storable(ref.name())) {
            return Optional.empty(); // no row can hold U+0000: a miss, without a query
        }
        if (store.layout() == StorageLayout.COMPOSITE_KEY) {
            return store.findByKey(ref.storageKey(), scope);
        }
        List<StoredConnection> rows = sorted(store.providerRows(ref.provider(), scope));
        return rows.stream()
                .filter(row -> bare || row.name().equals(ref.name()))
                .findFirst();
    }

    /** Sorts in place and returns the list, by the layout's listing order. */
    private List<StoredConnection> sorted(List<StoredConnection> rows) {
        rows.sort(Comparator.comparing(StoredConnection::toConnection, order()));
        return rows;
    }

    private Comparator<Connection> order() {
        return store.layout() == StorageLayout.UUID_KEY ? LOWERCASE_NAME : DEFAULT_FIRST;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String checkListedProvider(String provider) {
        Objects.requireNonNull(provider, "provider");
        if (provider.isEmpty() || provider.indexOf(':') >= 0) {
            throw new IntegrationException(
                    IntegrationError.INVALID_PROVIDER_KEY, "Provider key '" + provider + "' is empty or contains ':'");
        }
        return provider;
    }

    private static boolean hasData(StoredConnection row) {
        return !row.data().asMap().isEmpty() || row.data().hasUndecryptableFields();
    }

    private static IntegrationException notConfigured(String ref) {
        return new IntegrationException(
                IntegrationError.NOT_CONFIGURED,
                ref == null ? "Connection reference is null" : "Connection '" + ref + "' is not configured");
    }

    private static IntegrationException invalid(String ref) {
        return new IntegrationException(
                IntegrationError.INVALID,
                ref == null
                        ? "Connection reference is null"
                        : "Connection reference '" + ref + "' is malformed: expected 'provider' or 'provider:name'");
    }
}
