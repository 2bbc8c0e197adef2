package dev.phoenixkit.integrations.internal.crypto;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.StoredData;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Encrypts the sensitive fields of connection data on the way into {@code value_json} and decrypts them on the way
 * out (PhoenixKit's {@code encrypt_fields}/{@code decrypt_fields}, without its silent pass-through of undecryptable
 * ciphertext).
 *
 * <p>Thread-safe.
 */
public final class FieldCodec {
    /**
     * The fields encrypted at rest: PhoenixKit's six ({@link SecretCipher#SENSITIVE_FIELDS}) plus this library's
     * pending PKCE verifier ({@code oauth_code_verifier}), which PhoenixKit never writes. Re-encryption rotates all of
     * them.
     */
    public static final Set<String> ENCRYPTED_FIELDS = encryptedFields();

    private final SecretCipher cipher;

    /**
     * @param cipher the cipher
     */
    public FieldCodec(SecretCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** @return the cipher */
    public SecretCipher cipher() {
        return cipher;
    }

    /**
     * Decrypts stored JSON.
     *
     * @param valueJson the {@code value_json} text, may be {@code null}
     * @return the decrypted data (undecryptable secrets left out and named) and the stored ciphertexts, readable or
     *         not, for writes to carry forward
     */
    public Decoded decode(String valueJson) {
        Map<String, Object> fields = JsonCodec.parseObject(valueJson);
        Map<String, String> readable = new LinkedHashMap<>();
        Map<String, String> plaintexts = new LinkedHashMap<>();
        Map<String, String> undecryptable = new LinkedHashMap<>();
        for (String field : ENCRYPTED_FIELDS) {
            if (fields.get(field) instanceof String stored && SecretCipher.isCiphertext(stored)) {
                try {
                    String plaintext = cipher.decrypt(stored);
                    fields.put(field, plaintext);
                    readable.put(field, stored);
                    plaintexts.put(field, plaintext);
                } catch (IntegrationException e) {
                    fields.remove(field);
                    undecryptable.put(field, stored);
                }
            }
        }
        return new Decoded(
                StoredData.of(fields, undecryptable.keySet()), new StoredSecrets(readable, plaintexts, undecryptable));
    }

    /**
     * Encrypts data for storage under the write-path rule (docs/behaviour.md#write-path): a sensitive field whose
     * new value equals what its stored ciphertext decrypted to is written with those stored bytes (no fresh IV, no
     * re-encryption under another key); a changed value, and a value that was stored as plaintext, is encrypted;
     * stored ciphertext that could not be decrypted is written back unchanged unless the new data sets that field
     * to a non-null value, so a write never destroys a secret it could not read.
     *
     * @param fields the complete plaintext fields to store
     * @param prior  what the row held ({@link Decoded#secrets()}), or {@link StoredSecrets#NONE} for a new row
     * @return the {@code value_json} text
     */
    public String encode(Map<String, Object> fields, StoredSecrets prior) {
        return JsonCodec.write(encryptFields(fields, prior));
    }

    /**
     * Same as {@link #encode} but returns the map to store.
     *
     * @param fields the plaintext fields
     * @param prior  what the row held
     * @return the map with sensitive fields encrypted or carried forward
     */
    public Map<String, Object> encryptFields(Map<String, Object> fields, StoredSecrets prior) {
        Objects.requireNonNull(prior, "prior");
        Map<String, Object> out = new LinkedHashMap<>(fields);
        for (String field : ENCRYPTED_FIELDS) {
            if (out.get(field) instanceof String value) {
                out.put(field, prior.unchangedCiphertext(field, value).orElseGet(() -> cipher.encrypt(value)));
            }
        }
        prior.undecryptable().forEach((field, ciphertext) -> {
            if (out.get(field) == null) {
                out.put(field, ciphertext);
            }
        });
        return out;
    }

    private static Set<String> encryptedFields() {
        Set<String> fields = new LinkedHashSet<>(SecretCipher.SENSITIVE_FIELDS);
        fields.add("oauth_code_verifier");
        return Collections.unmodifiableSet(fields);
    }

    /**
     * Decrypted data plus the stored ciphertexts.
     *
     * @param data    the data; undecryptable fields absent, named in {@link IntegrationData#undecryptableFields()}
     * @param secrets the stored ciphertexts, readable and not
     */
    public record Decoded(IntegrationData data, StoredSecrets secrets) {
        /** @return field name to the stored ciphertext that could not be decrypted */
        public Map<String, String> undecryptable() {
            return secrets.undecryptable();
        }
    }

    /**
     * The ciphertexts a row held in its encrypted fields, so a write can carry forward the bytes of every field it
     * does not change. Immutable; {@link #toString()} names fields only.
     *
     * @param readable      field to the stored ciphertext this cipher decrypted
     * @param plaintexts    field to what that ciphertext decrypted to
     * @param undecryptable field to the stored ciphertext this cipher could not decrypt
     */
    public record StoredSecrets(
            Map<String, String> readable, Map<String, String> plaintexts, Map<String, String> undecryptable) {
        /** A new row's: nothing stored. */
        public static final StoredSecrets NONE = new StoredSecrets(Map.of(), Map.of(), Map.of());

        /** Copies the maps. */
        public StoredSecrets {
            readable = Map.copyOf(readable);
            plaintexts = Map.copyOf(plaintexts);
            undecryptable = Map.copyOf(undecryptable);
        }

        /**
         * @param field a sensitive field
         * @param value the value a write stores in it
         * @return the stored ciphertext, when it decrypted to exactly {@code value}
         */
        public Optional<String> unchangedCiphertext(String field, String value) {
            return value.equals(plaintexts.get(field)) ? Optional.ofNullable(readable.get(field)) : Optional.empty();
        }

        /**
         * @param keep the fields whose undecryptable ciphertext a write may carry forward
         * @return these secrets with only those undecryptable ciphertexts (for {@code disconnect}, whose keep-list
         *         wins, as in PhoenixKit)
         */
        public StoredSecrets carryingOnly(Collection<String> keep) {
            Map<String, String> kept = new LinkedHashMap<>(undecryptable);
            kept.keySet().retainAll(Set.copyOf(keep));
            return new StoredSecrets(readable, plaintexts, kept);
        }

        @Override
        public String toString() {
            return "StoredSecrets[readable=" + readable.keySet() + ", undecryptable=" + undecryptable.keySet() + "]";
        }
    }
}
