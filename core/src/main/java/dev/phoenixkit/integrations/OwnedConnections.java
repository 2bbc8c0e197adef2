package dev.phoenixkit.integrations;

import dev.phoenixkit.integrations.internal.flow.ConnectionValidation;
import dev.phoenixkit.integrations.internal.service.ConnectionCommands;
import dev.phoenixkit.integrations.internal.service.ConnectionQueries;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The connections of one owner (PhoenixKit's personal, owner-scoped integrations): {@link Integrations#ownedBy}.
 * Every method works only on rows of {@link #owner()}; a row of another owner, or a system row, reads as missing
 * ({@code NOT_CONFIGURED}, or {@code DELETED} from {@link #getCredentials} by uuid) and is never listed or changed.
 * Connections added here belong to the owner for good; no write changes the owner. The {@link Integrations} facade
 * itself is the system's view: it never sees owned rows.
 *
 * <p>OAuth2 flows, token refresh and authenticated requests are system-only (PhoenixKit's OAuth2 providers allow
 * only the system scope).
 *
 * <p>Immutable and thread-safe; cheap to create per request.
 */
public final class OwnedConnections {
    private final Owner owner;
    private final ConnectionCommands commands;
    private final ConnectionQueries queries;
    private final ConnectionValidation validation;

    OwnedConnections(
            Owner owner, ConnectionCommands commands, ConnectionQueries queries, ConnectionValidation validation) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.commands = commands;
        this.queries = queries;
        this.validation = validation;
    }

    /** @return the owner this view is scoped to */
    public Owner owner() {
        return owner;
    }

    /**
     * Adds a connection owned by {@link #owner()}.
     *
     * @param provider the provider key (its definition must allow the personal scope for a typed owner)
     * @param name     the name (trimmed; unique per provider and owner, ignoring case in the uuid-key layout)
     * @return the new connection
     * @throws IntegrationException {@code SCOPE_NOT_ALLOWED}, {@code EMPTY_NAME}, {@code INVALID_NAME},
     *                              {@code ALREADY_EXISTS}, {@code INVALID_PROVIDER_KEY} or {@code UNKNOWN_PROVIDER}
     *                              (an unregistered provider; nothing is written)
     */
    public Connection addConnection(String provider, String name) {
        return commands.addConnection(provider, name, null, owner);
    }

    /**
     * @param provider the provider key
     * @param name     the name
     * @param actor    who asked (audited)
     * @return the new connection
     * @see #addConnection(String, String)
     */
    public Connection addConnection(String provider, String name, UUID actor) {
        return commands.addConnection(provider, name, Objects.requireNonNull(actor, "actor"), owner);
    }

    /**
     * Merges attributes into one of the owner's connections ({@code owner_type}/{@code owner_uuid} attributes are
     * ignored).
     *
     * @param uuid  the connection
     * @param attrs PhoenixKit field names to values
     * @return the data as saved
     * @throws IntegrationException {@code NOT_CONFIGURED} if the owner has no connection with that uuid
     */
    public IntegrationData saveSetup(UUID uuid, Map<String, ?> attrs) {
        return commands.saveSetup(uuid, attrs, null, owner);
    }

    /**
     * @param uuid  the connection
     * @param attrs PhoenixKit field names to values
     * @param actor who asked (audited)
     * @return the data as saved
     * @see #saveSetup(UUID, Map)
     */
    public IntegrationData saveSetup(UUID uuid, Map<String, ?> attrs, UUID actor) {
        return commands.saveSetup(uuid, attrs, Objects.requireNonNull(actor, "actor"), owner);
    }

    /**
     * Drops the credentials of one of the owner's connections, keeping its identity and owner. Another owner's uuid
     * does nothing.
     *
     * @param uuid the connection
     */
    public void disconnect(UUID uuid) {
        commands.disconnect(uuid, null, owner);
    }

    /**
     * Deletes one of the owner's connections. Another owner's uuid does nothing.
     *
     * @param uuid the connection
     */
    public void removeConnection(UUID uuid) {
        commands.removeConnection(uuid, null, owner);
    }

    /**
     * Renames one of the owner's connections in place.
     *
     * @param uuid    the connection
     * @param newName the new name (trimmed)
     * @return the data after the rename
     * @throws IntegrationException {@code NOT_CONFIGURED}, {@code ALREADY_EXISTS}, {@code EMPTY_NAME} or
     *                              {@code INVALID_NAME}
     */
    public IntegrationData renameConnection(UUID uuid, String newName) {
        return commands.renameConnection(uuid, newName, null, owner);
    }

    /**
     * Stores a validation outcome on one of the owner's connections. Another owner's uuid does nothing.
     *
     * @param uuid   the connection
     * @param result the outcome
     */
    public void recordValidation(UUID uuid, ValidationResult result) {
        commands.recordValidation(uuid, result, owner);
    }

    /**
     * Tests one of the owner's connections against its provider (stores nothing).
     *
     * @param uuid the connection
     * @return the outcome ("Not configured" for another owner's uuid)
     */
    public ValidationResult validateConnection(UUID uuid) {
        return validation.validateConnection(Objects.requireNonNull(uuid, "uuid"), owner);
    }

    /**
     * @param ref uuid text, {@code provider} or {@code provider:name}, among the owner's connections
     * @return the data
     * @throws IntegrationException {@code NOT_CONFIGURED}
     */
    public IntegrationData getIntegration(String ref) {
        return queries.getIntegration(ref, owner);
    }

    /**
     * @param uuid a connection's uuid
     * @return the owner's connection
     * @throws IntegrationException {@code NOT_CONFIGURED} (also for another owner's uuid)
     */
    public Connection getIntegrationByUuid(UUID uuid) {
        return queries.getIntegrationByUuid(uuid, owner);
    }

    /**
     * @param ref uuid text, {@code provider} or {@code provider:name}, among the owner's connections
     * @return the data, if it has usable credentials
     * @throws IntegrationException {@code DELETED} (a uuid that is not the owner's), {@code NOT_CONFIGURED},
     *                              {@code DECRYPTION_FAILED}
     */
    public IntegrationData getCredentials(String ref) {
        return queries.getCredentials(ref, owner);
    }

    /**
     * @param ref uuid text, {@code provider} or {@code provider:name}
     * @return whether {@link #getCredentials(String)} succeeds
     */
    public boolean isConnected(String ref) {
        return queries.isConnected(ref, owner);
    }

    /**
     * @param ref {@code provider} or {@code provider:name}
     * @return the uuid of the owner's connection
     * @throws IntegrationException {@code NOT_FOUND} or {@code INVALID}
     */
    public UUID findUuidByProviderName(String ref) {
        return queries.findUuidByProviderName(ref, owner);
    }

    /**
     * @param ref uuid text, {@code provider} or {@code provider:name}
     * @return the uuid of one of the owner's connections
     * @throws IntegrationException {@code NOT_FOUND} or {@code INVALID}
     */
    public UUID resolveToUuid(String ref) {
        return queries.resolveToUuid(ref, owner);
    }

    /**
     * @param provider a provider key
     * @return the owner's connections of that provider, in the layout's order
     */
    public List<Connection> listConnections(String provider) {
        return queries.listConnections(provider, owner);
    }

    /**
     * @param providerKeys provider keys
     * @return every requested key mapped to the owner's connections of it, from one query
     */
    public Map<String, List<Connection>> loadAllConnections(Collection<String> providerKeys) {
        return queries.loadAllConnections(providerKeys, owner);
    }

    /** @return the owner's connections of every registered provider */
    public List<Connection> listIntegrations() {
        return queries.listIntegrations(owner);
    }

    @Override
    public String toString() {
        return "OwnedConnections[" + owner + "]";
    }
}
