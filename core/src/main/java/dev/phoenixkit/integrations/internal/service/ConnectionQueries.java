package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The read side of the facade: the dual-input shims (uuid text, {@code provider} or {@code provider:name}) and the
 * listings.
 *
 * <p>Thread-safe.
 */
public final class ConnectionQueries {
    /** "default" first, then plain string order. */
    public static final Comparator<Connection> DEFAULT_FIRST = Comparator
            .comparing((Connection c) -> !ProviderRef.DEFAULT_NAME.equals(c.name()))
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
     * @param ref uuid text, {@code provider} or {@code provider:name}
     * @return the connection's data, credentials or not
     */
    public IntegrationData getIntegration(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw new IntegrationException(IntegrationError.INVALID_PROVIDER_KEY,
                    "Connection reference is " + (ref == null ? "null" : "empty"));
        }
        Optional<StoredConnection> row = Names.isUuid(ref) ? store.findByUuid(UUID.fromString(ref))
                : store.findByKey(ProviderRef.parse(ref, IntegrationError.INVALID_PROVIDER_KEY).storageKey());
        return row.filter(ConnectionQueries::hasData).map(StoredConnection::publicData)
                .orElseThrow(() -> notConfigured(ref));
    }

    /**
     * @param uuid a row uuid
     * @return the connection with provider and name from the key column
     */
    public Connection getIntegrationByUuid(UUID uuid) {
        if (uuid == null) {
            throw new IntegrationException(IntegrationError.INVALID_UUID, "Connection uuid is null");
        }
        return store.findByUuid(uuid).map(StoredConnection::toConnection)
                .orElseThrow(() -> notConfigured(uuid.toString()));
    }

    /**
     * @param ref uuid text, {@code provider} or {@code provider:name}
     * @return the data, if the connection has usable credentials
     */
    public IntegrationData getCredentials(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw notConfigured(ref);
        }
        IntegrationData data;
        if (Names.isUuid(ref)) {
            data = store.findByUuidCached(UUID.fromString(ref)).filter(ConnectionQueries::hasData)
                    .map(StoredConnection::publicData)
                    .orElseThrow(() -> new IntegrationException(IntegrationError.DELETED,
                            "Connection " + ref + " does not exist (deleted?)"));
        } else {
            data = store.findByKey(ProviderRef.parse(ref, IntegrationError.INVALID_PROVIDER_KEY).storageKey())
                    .filter(ConnectionQueries::hasData).map(StoredConnection::publicData)
                    .orElseThrow(() -> notConfigured(ref));
        }
        if (data.hasUndecryptableFields()) {
            throw new IntegrationException(IntegrationError.DECRYPTION_FAILED, "Connection " + ref
                    + " holds secrets that cannot be decrypted with the configured cipher: "
                    + data.undecryptableFields());
        }
        if (!CredentialRules.hasCredentials(data.asMap())) {
            throw new IntegrationException(IntegrationError.NOT_CONFIGURED,
                    "Connection " + ref + " has no usable credentials");
        }
        return data;
    }

    /**
     * @param ref uuid text, {@code provider} or {@code provider:name}
     * @return whether {@link #getCredentials(String)} succeeds
     */
    public boolean isConnected(String ref) {
        try {
            getCredentials(ref);
            return true;
        } catch (IntegrationException e) {
            return false;
        }
    }

    /**
     * @param ref {@code provider} or {@code provider:name}
     * @return the uuid of that connection (a legacy bare-key row counts as "default")
     */
    public UUID findUuidByProviderName(String ref) {
        if (ref == null) {
            throw invalid(null);
        }
        ProviderRef parsed = ProviderRef.tryParse(ref).orElseThrow(() -> invalid(ref));
        return findUuidByProviderName(parsed.provider(), parsed.name());
    }

    /**
     * @param provider the provider key
     * @param name     the connection name
     * @return the uuid of that connection (a legacy bare-key row counts as "default")
     */
    public UUID findUuidByProviderName(String provider, String name) {
        if (provider == null || name == null || provider.isEmpty() || name.isEmpty() || provider.indexOf(':') >= 0) {
            throw invalid(provider + ":" + name);
        }
        ProviderRef ref = new ProviderRef(provider, name);
        Optional<StoredConnection> row = store.findByKey(ref.storageKey()).filter(ConnectionQueries::hasData);
        if (row.isEmpty() && ProviderRef.DEFAULT_NAME.equals(name)) {
            row = legacyRow(provider);
        }
        return row.map(StoredConnection::uuid).orElseThrow(() -> new IntegrationException(IntegrationError.NOT_FOUND,
                "No connection '" + ref.text() + "'"));
    }

    /**
     * @param ref uuid text, {@code provider} or {@code provider:name}
     * @return the uuid of an existing integration row
     */
    public UUID resolveToUuid(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw invalid(ref);
        }
        if (Names.isUuid(ref)) {
            UUID uuid = UUID.fromString(ref);
            return store.findByUuid(uuid).map(StoredConnection::uuid).orElseThrow(() -> new IntegrationException(
                    IntegrationError.NOT_FOUND, "No connection with uuid " + ref));
        }
        return findUuidByProviderName(ref);
    }

    /**
     * @param provider a provider key
     * @return its connections, "default" first (a legacy bare-key row appears as "default" when no real one exists)
     */
    public List<Connection> listConnections(String provider) {
        checkListedProvider(provider);
        List<Connection> connections = new ArrayList<>();
        store.listByPattern(Names.connectionsPattern(provider)).forEach(row -> connections.add(row.toConnection()));
        if (connections.stream().noneMatch(c -> ProviderRef.DEFAULT_NAME.equals(c.name()))) {
            legacyRow(provider).ifPresent(row -> connections.add(row.toConnection()));
        }
        connections.sort(DEFAULT_FIRST);
        return List.copyOf(connections);
    }

    /**
     * @param providerKeys provider keys
     * @return every requested key mapped to its connections ("default" first), from one query; legacy bare-key rows
     *         are not included
     */
    public Map<String, List<Connection>> loadAllConnections(Collection<String> providerKeys) {
        Objects.requireNonNull(providerKeys, "providerKeys");
        Set<String> keys = new LinkedHashSet<>();
        for (String key : providerKeys) {
            keys.add(checkListedProvider(key));
        }
        Map<String, List<Connection>> grouped = new LinkedHashMap<>();
        keys.forEach(key -> grouped.put(key, new ArrayList<>()));
        for (StoredConnection row : store.listByPatterns(keys.stream().map(Names::connectionsPattern).toList())) {
            List<Connection> list = grouped.get(row.provider());
            if (list != null) {
                list.add(row.toConnection());
            }
        }
        Map<String, List<Connection>> result = new LinkedHashMap<>();
        grouped.forEach((key, list) -> {
            list.sort(DEFAULT_FIRST);
            result.put(key, List.copyOf(list));
        });
        return Collections.unmodifiableMap(result);
    }

    /** @return the connections of every registered provider, in registry order, each provider's "default" first */
    public List<Connection> listIntegrations() {
        List<String> keys = providers.all().stream().map(ProviderDefinition::key).toList();
        return loadAllConnections(keys).values().stream().flatMap(List::stream).toList();
    }

    /**
     * @param uuid a connection's uuid (the connection may since have been removed)
     * @return its audit entries, oldest first
     */
    public List<AuditEntry> auditTrail(UUID uuid) {
        return store.auditTrail(Objects.requireNonNull(uuid, "uuid"));
    }

    private Optional<StoredConnection> legacyRow(String provider) {
        return store.findByKey(ProviderRef.KEY_PREFIX + provider).filter(ConnectionQueries::hasData);
    }

    private static String checkListedProvider(String provider) {
        Objects.requireNonNull(provider, "provider");
        if (provider.isEmpty() || provider.indexOf(':') >= 0) {
            throw new IntegrationException(IntegrationError.INVALID_PROVIDER_KEY,
                    "Provider key '" + provider + "' is empty or contains ':'");
        }
        return provider;
    }

    private static boolean hasData(StoredConnection row) {
        return !row.data().asMap().isEmpty() || row.data().hasUndecryptableFields();
    }

    private static IntegrationException notConfigured(String ref) {
        return new IntegrationException(IntegrationError.NOT_CONFIGURED,
                ref == null ? "Connection reference is null" : "Connection '" + ref + "' is not configured");
    }

    private static IntegrationException invalid(String ref) {
        return new IntegrationException(IntegrationError.INVALID, ref == null ? "Connection reference is null"
                : "Connection reference '" + ref + "' is malformed: expected 'provider' or 'provider:name'");
    }
}
