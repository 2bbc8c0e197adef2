package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.EncryptionStatus;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.crypto.FieldCodec;
import dev.phoenixkit.integrations.internal.db.SettingsRow;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Computes {@link EncryptionStatus}: reads every integration row in batches of {@value #BATCH_SIZE}, without locks,
 * and classifies each stored secret value (plaintext, readable ciphertext under some key, undecryptable). Writes
 * nothing. Thread-safe.
 */
public final class EncryptionInventory {
    /** Rows per read. */
    static final int BATCH_SIZE = 500;

    private static final UUID NIL = new UUID(0L, 0L);

    private final ConnectionStore store;
    private final SecretCipher cipher;

    /**
     * @param store  row access (the inventory reads the stored text, not decoded rows)
     * @param cipher the configured cipher
     */
    public EncryptionInventory(ConnectionStore store, SecretCipher cipher) {
        this.store = Objects.requireNonNull(store, "store");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /**
     * The key name of a stored value, as {@link EncryptionStatus#rowsByKey()} names it.
     *
     * @param stored a stored value
     * @return {@value EncryptionStatus#V1_KEY}, the keyring id of an {@code enc:v2} value, or empty for plaintext
     *         and malformed {@code enc:v2} values
     */
    public static Optional<String> keyName(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.startsWith(SecretCipher.V1_PREFIX)) {
            return Optional.of(EncryptionStatus.V1_KEY);
        }
        if (stored.startsWith(SecretCipher.V2_PREFIX)) {
            String rest = stored.substring(SecretCipher.V2_PREFIX.length());
            int colon = rest.indexOf(':');
            return colon > 0 ? Optional.of(rest.substring(0, colon)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** @return the report */
    public EncryptionStatus scan() {
        Tally tally = new Tally();
        UUID after = NIL;
        while (true) {
            UUID cursor = after;
            List<SettingsRow> rows = store.storedBatchAfter(cursor, BATCH_SIZE);
            rows.forEach(tally::add);
            if (rows.size() < BATCH_SIZE) {
                break;
            }
            after = rows.get(rows.size() - 1).uuid();
        }
        String primary =
                cipher.primaryKeyId().orElse(cipher.isEnabled() ? EncryptionStatus.V1_KEY : EncryptionStatus.NO_KEY);
        return new EncryptionStatus(
                cipher.isEnabled(),
                primary,
                tally.rows,
                tally.rowsByKey,
                tally.plaintext,
                tally.undecryptable,
                tally.undecryptableRows,
                tally.stale);
    }

    /** Mutable counts, confined to one scan. */
    private final class Tally {
        final Map<String, Integer> rowsByKey = new HashMap<>();
        final List<UUID> undecryptableRows = new ArrayList<>();
        int rows;
        int plaintext;
        int undecryptable;
        int stale;

        void add(SettingsRow row) {
            Map<String, Object> fields;
            try {
                fields = JsonCodec.parseObject(row.valueJson());
            } catch (IllegalArgumentException e) {
                return;
            }
            rows++;
            Set<String> keys = new LinkedHashSet<>();
            boolean rowUnreadable = false;
            for (String field : FieldCodec.ENCRYPTED_FIELDS) {
                if (!(fields.get(field) instanceof String stored) || stored.isEmpty()) {
                    continue;
                }
                if (!SecretCipher.isCiphertext(stored)) {
                    plaintext++;
                    if (cipher.needsReencryption(stored)) {
                        stale++;
                    }
                    continue;
                }
                keyName(stored).ifPresent(keys::add);
                try {
                    cipher.decrypt(stored);
                    if (cipher.needsReencryption(stored)) {
                        stale++;
                    }
                } catch (IntegrationException e) {
                    undecryptable++;
                    rowUnreadable = true;
                }
            }
            keys.forEach(key -> rowsByKey.merge(key, 1, Integer::sum));
            if (rowUnreadable) {
                undecryptableRows.add(row.uuid());
            }
        }
    }
}
