package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.integrations.provider.ProviderScope;
import java.util.Map;

/**
 * The owner rules of every write (docs/decisions/owner-scopes.md): the owner is stamped once, at birth, as plaintext
 * {@code owner_type}/{@code owner_uuid}; every later write carries the stored owner fields forward and never lets
 * attributes change them; a typed owner may only be born for a provider that allows the personal scope.
 *
 * <p>Thread-safe (stateless).
 */
final class OwnerRules {
    private OwnerRules() {}

    /**
     * Writes the owner fields of a new row (none for the system).
     *
     * @param fields the new row's data
     * @param owner  its owner
     */
    static void stamp(Map<String, Object> fields, Owner owner) {
        fields.remove(Fields.OWNER_TYPE);
        fields.remove(Fields.OWNER_UUID);
        owner.type().ifPresent(type -> fields.put(Fields.OWNER_TYPE, type));
        owner.uuid().ifPresent(uuid -> fields.put(Fields.OWNER_UUID, uuid.toString()));
    }

    /**
     * Puts the row's stored owner fields back over whatever {@code fields} holds (write-once).
     *
     * @param fields the data about to be written
     * @param row    the row as read
     */
    static void keep(Map<String, Object> fields, StoredConnection row) {
        fields.remove(Fields.OWNER_TYPE);
        fields.remove(Fields.OWNER_UUID);
        if (row.data().has(Fields.OWNER_TYPE)) {
            fields.put(Fields.OWNER_TYPE, row.data().get(Fields.OWNER_TYPE));
        }
        if (row.data().has(Fields.OWNER_UUID)) {
            fields.put(Fields.OWNER_UUID, row.data().get(Fields.OWNER_UUID));
        }
    }

    /**
     * Refuses to birth a connection in a scope its provider does not allow.
     *
     * @param providers the registry
     * @param provider  the provider key
     * @param owner     the new connection's owner
     */
    static void checkScopeAllowed(ProviderRegistry providers, String provider, Owner owner) {
        ProviderScope scope = owner.isSystem() ? ProviderScope.SYSTEM : ProviderScope.PERSONAL;
        boolean allowed = providers
                .get(provider)
                .map(definition -> definition.allows(scope))
                .orElse(scope == ProviderScope.SYSTEM); // PhoenixKit's scopes_of/1 default: system only
        if (!allowed) {
            throw new IntegrationException(
                    IntegrationError.SCOPE_NOT_ALLOWED,
                    "Provider '" + provider + "' does not allow " + scope.name().toLowerCase(java.util.Locale.ROOT)
                            + " connections");
        }
    }
}
