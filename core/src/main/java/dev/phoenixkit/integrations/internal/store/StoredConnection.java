package dev.phoenixkit.integrations.internal.store;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.internal.naming.ProviderRef;
import java.util.Map;
import java.util.UUID;

/**
 * An integration row as read: provider and name parsed from the key column, data decrypted.
 *
 * @param uuid          the row uuid
 * @param key           the storage key column
 * @param ref           provider and name parsed from {@code key}
 * @param data          the decrypted data, complete (for the library's own use; hand out {@link #publicData()})
 * @param undecryptable stored ciphertexts that could not be decrypted (kept on every write)
 */
public record StoredConnection(UUID uuid, String key, ProviderRef ref, IntegrationData data,
        Map<String, String> undecryptable) {
    /** @return the provider key from the key column */
    public String provider() {
        return ref.provider();
    }

    /** @return the connection name from the key column */
    public String name() {
        return ref.name();
    }

    /**
     * @return the data to hand out to callers: {@link #data()} without the library's pending-authorization fields
     *         ({@link PendingAuthorizationFields#hide})
     */
    public IntegrationData publicData() {
        return PendingAuthorizationFields.hide(data);
    }

    /** @return the public view, with {@link #publicData()} */
    public Connection toConnection() {
        return new Connection(uuid, ref.provider(), ref.name(), publicData());
    }
}
