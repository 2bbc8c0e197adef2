package dev.phoenixkit.integrations.internal.store;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.internal.crypto.FieldCodec;
import dev.phoenixkit.integrations.internal.naming.ProviderRef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An integration row as read: provider and name from the key column (composite-key layout) or from
 * {@code value_json} (uuid-key layout), data decrypted.
 *
 * @param uuid          the row uuid
 * @param key           the storage key column
 * @param ref           provider and name, as the layout defines them
 * @param data          the decrypted data, complete (for the library's own use; hand out {@link #publicData()})
 * @param secrets       the stored ciphertexts of the sensitive fields, readable or not: every write carries forward
 *                      the bytes of those it does not change (docs/behaviour.md#write-path)
 */
public record StoredConnection(
        UUID uuid, String key, ProviderRef ref, IntegrationData data, FieldCodec.StoredSecrets secrets) {
    /** @return field name to the stored ciphertext that could not be decrypted (kept on every write) */
    public Map<String, String> undecryptable() {
        return secrets.undecryptable();
    }

    /**
     * The one check a flow makes before it uses secrets (docs/behaviour.md#fix-10): a secret that cannot be
     * decrypted is never treated as missing.
     *
     * @param fields the sensitive fields the caller is about to use
     * @throws IntegrationException {@code DECRYPTION_FAILED}, naming the fields (never a value), if any of them is
     *                              stored as ciphertext the configured cipher cannot decrypt
     */
    public void requireReadable(String... fields) {
        List<String> unreadable = Arrays.stream(fields)
                .filter(secrets.undecryptable()::containsKey)
                .toList();
        if (!unreadable.isEmpty()) {
            throw new IntegrationException(
                    IntegrationError.DECRYPTION_FAILED,
                    "Connection " + uuid + " holds "
                            + unreadable
                            + " as ciphertext the configured key cannot decrypt (another key wrote it, or it is"
                            + " corrupt); nothing was sent or changed. Configure the key that wrote it, or run the key"
                            + " rotation with it.");
        }
    }

    /**
     * @return the row's owner ({@code owner_type}/{@code owner_uuid}), or empty if they are malformed (such a row
     *         belongs to no scope)
     */
    public Optional<Owner> owner() {
        return Owner.fromStored(data.get(Fields.OWNER_TYPE), data.get(Fields.OWNER_UUID));
    }

    /**
     * @param scope an owner scope
     * @return whether the row belongs to it (a malformed owner belongs to none)
     */
    public boolean ownedBy(Owner scope) {
        return owner().map(scope::equals).orElse(false);
    }

    /** @return the provider key */
    public String provider() {
        return ref.provider();
    }

    /** @return the connection name */
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
