package dev.phoenixkit.integrations;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link Integrations#reencryptAll()} did, or (passed to the progress callback of
 * {@link Integrations#reencryptAll(int, java.util.function.Consumer)}) has done so far.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rowsScanned       integration rows looked at
 * @param rowsRewritten     rows written back with every readable secret under the primary key
 * @param valuesReencrypted secret values moved to the primary key (including plaintext values newly encrypted)
 * @param failedRows        rows holding a secret that could not be decrypted, in uuid order; each of them was left
 *                          exactly as stored (none of its values rewritten)
 * @param batches           transactions used (committed so far, in a progress report)
 * @param valuesUndecryptable secret values that could not be decrypted (all in {@code failedRows})
 */
public record ReencryptionReport(
        int rowsScanned,
        int rowsRewritten,
        int valuesReencrypted,
        List<UUID> failedRows,
        int batches,
        int valuesUndecryptable) {
    /** Validates and copies. */
    public ReencryptionReport {
        failedRows = List.copyOf(Objects.requireNonNull(failedRows, "failedRows"));
    }

    /** @return whether every secret is now under the primary key */
    public boolean isComplete() {
        return failedRows.isEmpty();
    }
}
