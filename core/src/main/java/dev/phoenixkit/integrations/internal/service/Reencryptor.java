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
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every stored secret to the cipher's primary key, one short transaction per batch of rows (locked with
 * {@code FOR UPDATE} only while that batch is processed). Rows already current are skipped, so an interrupted run
 * is resumed simply by running again. A row holding a value that cannot be decrypted is reported and left exactly
 * as stored (none of its values is rewritten), so a key missing from the keyring never costs a secret.
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
        return run(batchSize, progress -> {});
    }

    /**
     * @param batchSize rows per transaction, at least 1
     * @param progress  called after each committed batch with the totals so far (on the calling thread); an
     *                  exception it throws stops the run after that batch, which a later run then resumes
     * @return what was done
     */
    public ReencryptionReport run(int batchSize, Consumer<ReencryptionReport> progress) {
        Objects.requireNonNull(progress, "progress");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        UUID after = NIL;
        int scanned = 0;
        int rewritten = 0;
        int values = 0;
        int batches = 0;
        int undecryptable = 0;
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
            undecryptable += batch.undecryptable;
            failed.addAll(batch.failed);
            boolean last = batch.size < batchSize;
            if (!last) {
                progress.accept(new ReencryptionReport(scanned, rewritten, values, failed, batches, undecryptable));
            } else {
                break;
            }
            after = batch.last;
        }
        LOG.info(
                "Re-encryption finished: {} rows scanned, {} rewritten, {} values re-encrypted, {} rows with"
                        + " undecryptable values, {} batches",
                scanned,
                rewritten,
                values,
                failed.size(),
                batches);
        ReencryptionReport report = new ReencryptionReport(scanned, rewritten, values, failed, batches, undecryptable);
        progress.accept(report);
        return report;
    }

    private void reencryptRow(StoreTransaction tx, SettingsRow row, BatchResult result) {
        Map<String, Object> fields;
        try {
            fields = JsonCodec.parseObject(row.valueJson());
        } catch (IllegalArgumentException e) {
            return;
        }
        int changed = 0;
        int unreadable = 0;
        for (String field : FieldCodec.ENCRYPTED_FIELDS) {
            if (fields.get(field) instanceof String stored && SecretCipher.isCiphertext(stored)) {
                try {
                    String plaintext = cipher.decrypt(stored);
                    if (cipher.needsReencryption(stored)) {
                        fields.put(field, cipher.encrypt(plaintext));
                        changed++;
                    }
                } catch (IntegrationException e) {
                    unreadable++;
                }
            } else if (fields.get(field) instanceof String stored && cipher.needsReencryption(stored)) {
                fields.put(field, cipher.encrypt(stored));
                changed++;
            }
        }
        if (unreadable > 0) {
            result.failed.add(row.uuid());
            result.undecryptable += unreadable;
            LOG.warn(
                    "Re-encryption: row {} holds {} secret(s) no configured key decrypts; the row is left as"
                            + " stored",
                    row.uuid(),
                    unreadable);
            return;
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
        int undecryptable;
        int rewritten;
        int values;

        BatchResult(int size) {
            this.size = size;
        }
    }
}
