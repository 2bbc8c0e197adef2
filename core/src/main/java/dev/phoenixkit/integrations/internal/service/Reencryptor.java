package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ReencryptionReport;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.crypto.FieldCodec;
import dev.phoenixkit.integrations.internal.db.SettingsRow;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.internal.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every stored secret to the cipher's primary key, one short transaction per batch of rows (locked with
 * {@code FOR UPDATE} only while that batch is processed). Rows already current are skipped, so an interrupted run
 * is resumed simply by running again.
 *
 * <p>Thread-safe.
 */
public final class Reencryptor {
    /** Rows per transaction by default. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Reencryptor.class);
    private static final UUID NIL = new UUID(0L, 0L);

    private final ConnectionStore store;
    private final SecretCipher cipher;

    /**
     * @param store  row access (re-encryption works on the stored text, not decoded rows)
     * @param cipher the cipher whose primary key the values move to
     */
    public Reencryptor(ConnectionStore store, SecretCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    /**
     * @param batchSize rows per transaction, at least 1
     * @return what was done
     */
    public ReencryptionReport run(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        UUID after = NIL;
        int scanned = 0;
        int rewritten = 0;
        int values = 0;
        int batches = 0;
        List<UUID> failed = new ArrayList<>();
        while (true) {
            UUID cursor = after;
            BatchResult batch = store.inTransaction(tx -> {
                List<SettingsRow> rows = tx.lockStoredBatchAfter(cursor, batchSize);
                BatchResult result = new BatchResult(rows.size());
                for (SettingsRow row : rows) {
                    result.last = row.uuid();
                    reencryptRow(tx, row, result);
                }
                return result;
            });
            batches++;
            scanned += batch.size;
            rewritten += batch.rewritten;
            values += batch.values;
            failed.addAll(batch.failed);
            if (batch.size < batchSize) {
                break;
            }
            after = batch.last;
        }
        LOG.info("Re-encryption finished: {} rows scanned, {} rewritten, {} values re-encrypted, {} rows with"
                + " undecryptable values, {} batches", scanned, rewritten, values, failed.size(), batches);
        return new ReencryptionReport(scanned, rewritten, values, failed, batches);
    }

    private void reencryptRow(StoreTransaction tx, SettingsRow row, BatchResult result) {
        Map<String, Object> fields;
        try {
            fields = JsonCodec.parseObject(row.valueJson());
        } catch (IllegalArgumentException e) {
            return;
        }
        int changed = 0;
        boolean rowFailed = false;
        for (String field : FieldCodec.ENCRYPTED_FIELDS) {
            if (fields.get(field) instanceof String stored && cipher.needsReencryption(stored)) {
                try {
                    fields.put(field, cipher.encrypt(cipher.decrypt(stored)));
                    changed++;
                } catch (IntegrationException e) {
                    rowFailed = true;
                }
            }
        }
        if (rowFailed) {
            result.failed.add(row.uuid());
            LOG.warn("Re-encryption: row {} holds a secret no configured key decrypts; left as stored", row.uuid());
        }
        if (changed > 0) {
            tx.writeStoredData(row.uuid(), JsonCodec.write(fields));
            result.rewritten++;
            result.values += changed;
        }
    }

    /** Mutable per-batch tally, confined to one transaction. */
    private static final class BatchResult {
        final int size;
        final List<UUID> failed = new ArrayList<>();
        UUID last = NIL;
        int rewritten;
        int values;

        BatchResult(int size) {
            this.size = size;
        }
    }
}
