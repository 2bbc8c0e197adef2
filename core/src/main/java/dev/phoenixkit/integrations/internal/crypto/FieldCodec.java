package dev.phoenixkit.integrations.internal.crypto;

import dev.phoenixkit.integrations.internal.StoredData;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
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
     * @return the decrypted data (undecryptable secrets left out and named) and their stored ciphertexts
     */
    public Decoded decode(String valueJson) {
        Map<String, Object> fields = JsonCodec.parseObject(valueJson);
        Map<String, String> undecryptable = new LinkedHashMap<>();
        for (String field : ENCRYPTED_FIELDS) {
            if (fields.get(field) instanceof String stored && SecretCipher.isCiphertext(stored)) {
                try {
                    fields.put(field, cipher.decrypt(stored));
                } catch (IntegrationException e) {
                    fields.remove(field);
                    undecryptable.put(field, stored);
                }
            }
        }
        return new Decoded(StoredData.of(fields, undecryptable.keySet()), Map.copyOf(undecryptable));
    }

    /**
     * Encrypts data for storage. Stored ciphertext that could not be decrypted is written back unchanged unless the
     * new data sets that field to a non-null value, so a save never destroys a secret it could not read.
     *
     * @param fields    the plaintext fields to store
     * @param preserved the undecryptable ciphertexts read with the current row ({@link Decoded#undecryptable()})
     * @return the {@code value_json} text
     */
    public String encode(Map<String, Object> fields, Map<String, String> preserved) {
        return JsonCodec.write(encryptFields(fields, preserved));
    }

    /**
     * Same as {@link #encode} but returns the map to store.
     *
     * @param fields    the plaintext fields
     * @param preserved undecryptable ciphertexts to keep
     * @return the map with sensitive fields encrypted
     */
    public Map<String, Object> encryptFields(Map<String, Object> fields, Map<String, String> preserved) {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        for (String field : ENCRYPTED_FIELDS) {
            if (out.get(field) instanceof String value) {
                out.put(field, cipher.encrypt(value));
            }
        }
        preserved.forEach((field, ciphertext) -> {
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
     * Decrypted data plus what could not be decrypted.
     *
     * @param data          the data; undecryptable fields absent, named in {@link IntegrationData#undecryptableFields()}
     * @param undecryptable field name to the stored ciphertext that could not be decrypted
     */
    public record Decoded(IntegrationData data, Map<String, String> undecryptable) {
    }
}
