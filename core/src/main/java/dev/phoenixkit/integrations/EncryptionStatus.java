package dev.phoenixkit.integrations;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How the stored secrets of every connection are encrypted, as {@link Integrations#encryptionStatus()} found them:
 * which keys are in use, how many secret values are plaintext or cannot be decrypted with the configured cipher.
 * Computed from the rows (read without locks, nothing written); the admin console and the CLI show it.
 *
 * <p>Keys are named as in the stored values: {@value #V1_KEY} for PhoenixKit's {@code enc:v1} format (one key per
 * secret key base, no id), otherwise the keyring id of {@code enc:v2:<keyId>:} values. Counted values are those of
 * the sensitive fields ({@code access_token, refresh_token, client_secret, api_key, bot_token, secret_key, password})
 * and the library's pending PKCE verifier; empty values are not counted.
 *
 * <p>Immutable and thread-safe; holds no secret.
 *
 * @param encryptionEnabled   whether the configured cipher encrypts ({@code false} only for
 *                            {@code SecretCipher.none()}: new secrets are then stored in plaintext)
 * @param primaryKey          the key new values are written with: a keyring id, {@value #V1_KEY}, or
 *                            {@value #NO_KEY} when encryption is off
 * @param rowsScanned         connection rows looked at
 * @param rowsByKey           key name to the number of rows holding at least one value under that key, in key order
 * @param plaintextValues     sensitive values stored in plaintext (PhoenixKit rows written before it had a key, or
 *                            rows written under {@code SecretCipher.none()}); encrypted by the row's next write or
 *                            by {@link Integrations#reencryptAll()}
 * @param undecryptableValues sensitive values the configured cipher cannot decrypt (a key it does not hold, or a
 *                            corrupt value); never treated as missing, carried forward unchanged by every write
 * @param undecryptableRows   the rows holding such values, in uuid order
 * @param staleValues         readable values that {@link Integrations#reencryptAll()} would rewrite (plaintext when
 *                            encryption is on, or ciphertext under a key other than the primary one)
 */
public record EncryptionStatus(
        boolean encryptionEnabled,
        String primaryKey,
        int rowsScanned,
        Map<String, Integer> rowsByKey,
        int plaintextValues,
        int undecryptableValues,
        List<UUID> undecryptableRows,
        int staleValues) {
    /** Name of PhoenixKit's {@code enc:v1} key in {@link #rowsByKey()} and {@link #primaryKey()}. */
    public static final String V1_KEY = "enc:v1";
    /** {@link #primaryKey()} when encryption is off. */
    public static final String NO_KEY = "none";

    /** Validates and copies. */
    public EncryptionStatus {
        Objects.requireNonNull(primaryKey, "primaryKey");
        rowsByKey = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(rowsByKey, "rowsByKey")));
        undecryptableRows = List.copyOf(Objects.requireNonNull(undecryptableRows, "undecryptableRows"));
        if (rowsScanned < 0 || plaintextValues < 0 || undecryptableValues < 0 || staleValues < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** @return the key names in use, in key order (the keys of {@link #rowsByKey()}) */
    public List<String> keysInUse() {
        return List.copyOf(rowsByKey.keySet());
    }

    /**
     * @return whether nothing needs attention: encryption on, no plaintext, nothing undecryptable and every value
     *         under the primary key
     */
    public boolean isCurrent() {
        return encryptionEnabled && plaintextValues == 0 && undecryptableValues == 0 && staleValues == 0;
    }
}
