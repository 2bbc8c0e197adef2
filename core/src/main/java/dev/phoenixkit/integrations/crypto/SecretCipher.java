package dev.phoenixkit.integrations.crypto;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts the secret fields of a connection at rest.
 *
 * <p>Three kinds exist:
 * <ul>
 *   <li>{@link #fromSecretKeyBase(String)}: PhoenixKit's own format, byte-compatible with its
 *   {@code PhoenixKit.Integrations.Encryption}: AES-256-GCM with a random 12-byte IV, a 16-byte tag and empty AAD,
 *   key = SHA-256({@code "phoenix_kit_integrations:" + secretKeyBase}), stored as
 *   {@code "enc:v1:" + base64(iv ‖ tag ‖ ciphertext)} (standard alphabet, padded). Use the same
 *   {@code secret_key_base} as the Elixir application and both sides read each other's rows.</li>
 *   <li>{@link #keyring()}: several keys with ids, for rotation. New values are written with the primary key as
 *   {@code "enc:v2:<keyId>:" + base64(iv ‖ tag ‖ ciphertext)} (the AAD is the UTF-8 key id, so a value cannot be
 *   moved to another id); every listed key still decrypts its values, and an optional legacy secret key base
 *   still decrypts {@code enc:v1} values. {@code Integrations.reencryptAll()} moves old values to the primary key.
 *   PhoenixKit (Elixir) cannot read {@code enc:v2} values; keep {@code fromSecretKeyBase} while both sides share a
 *   database.</li>
 *   <li>{@link #none()}: stores secrets in plaintext; must be chosen explicitly.</li>
 * </ul>
 *
 * <p>A value is encrypted only when it is a non-empty string that is not ciphertext already, so nothing is ever
 * encrypted twice. {@link #decrypt(String)} never returns ciphertext: a value it cannot decrypt raises
 * {@link IntegrationError#DECRYPTION_FAILED}. No method puts a secret or key into a message or {@code toString()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SecretCipher {
    /** Prefix of PhoenixKit's format. */
    public static final String V1_PREFIX = "enc:v1:";
    /** Prefix of the keyring format; the key id and a colon follow it. */
    public static final String V2_PREFIX = "enc:v2:";

    /**
     * The seven fields PhoenixKit encrypts ({@code @sensitive_fields} of its {@code Encryption} module), in its
     * order; {@code password} (SMTP) is the seventh.
     */
    public static final Set<String> SENSITIVE_FIELDS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            Fields.ACCESS_TOKEN,
            Fields.REFRESH_TOKEN,
            Fields.CLIENT_SECRET,
            Fields.API_KEY,
            Fields.BOT_TOKEN,
            Fields.SECRET_KEY,
            Fields.PASSWORD)));

    /**
     * The shortest secret accepted, in characters (user-perceived characters, as PhoenixKit counts graphemes):
     * PhoenixKit's {@code @min_dedicated_key_length}. Applies to every secret a key is derived from.
     */
    public static final int MIN_SECRET_LENGTH = 20;

    private static final Pattern KEY_ID = Pattern.compile("^[A-Za-z0-9_-]{1,32}$");
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SecretCipher NONE = new SecretCipher(null, null, Map.of());

    /** Key for {@code enc:v1}, or null. */
    private final byte[] legacyKey;
    /** Id of the key new values are written with, or null to write {@code enc:v1} (or plaintext when no key). */
    private final String primaryKeyId;

    private final Map<String, byte[]> keys;

    private SecretCipher(byte[] legacyKey, String primaryKeyId, Map<String, byte[]> keys) {
        this.legacyKey = legacyKey;
        this.primaryKeyId = primaryKeyId;
        this.keys = keys;
    }

    /**
     * PhoenixKit's {@code enc:v1} cipher for the given secret: the host's {@code secret_key_base}, or PhoenixKit's
     * dedicated integrations key ({@code config :phoenix_kit, :integrations_encryption_key}, documented as
     * {@code PHOENIX_KIT_INTEGRATIONS_ENCRYPTION_KEY}) when the Elixir application has one: the derivation is the
     * same, so pass whichever PhoenixKit resolves (the dedicated key wins there). The secret is used as text, exactly
     * as given (not trimmed, not Base64-decoded).
     *
     * @param secretKeyBase the secret; at least {@value #MIN_SECRET_LENGTH} characters, not blank
     * @return a cipher that writes and reads {@code enc:v1} values
     * @throws IntegrationException {@link IntegrationError#INVALID} if the secret is blank or shorter than
     *                              {@value #MIN_SECRET_LENGTH} characters (the message never contains it)
     */
    public static SecretCipher fromSecretKeyBase(String secretKeyBase) {
        return new SecretCipher(deriveKey(secretKeyBase, "secretKeyBase"), null, Map.of());
    }

    /**
     * A cipher that stores secrets in plaintext. Reading an encrypted value with it fails with
     * {@link IntegrationError#DECRYPTION_FAILED}.
     *
     * @return the plaintext cipher
     */
    public static SecretCipher none() {
        return NONE;
    }

    /**
     * Starts a keyring: keys with ids, the last one added (or the one named by
     * {@link KeyringBuilder#primary(String)}) writing, all of them reading.
     *
     * @return a new builder
     */
    public static KeyringBuilder keyring() {
        return new KeyringBuilder();
    }

    /** @return whether this cipher encrypts at all ({@code false} only for {@link #none()}) */
    public boolean isEnabled() {
        return legacyKey != null || primaryKeyId != null;
    }

    /** @return the key id new values are written with; empty for {@code enc:v1} and for {@link #none()} */
    public Optional<String> primaryKeyId() {
        return Optional.ofNullable(primaryKeyId);
    }

    /**
     * Whether a stored value is ciphertext of either format (whether or not this cipher can read it).
     *
     * @param value a stored value, may be {@code null}
     * @return {@code true} if it starts with {@code enc:v1:} or {@code enc:v2:}
     */
    public static boolean isCiphertext(String value) {
        return value != null && (value.startsWith(V1_PREFIX) || value.startsWith(V2_PREFIX));
    }

    /**
     * Encrypts a value with the primary key. {@code null}, empty strings and values that already are ciphertext
     * are returned unchanged; with {@link #none()} every value is returned unchanged.
     *
     * @param plaintext the value, may be {@code null}
     * @return the value to store
     */
    public String encrypt(String plaintext) {
        if (plaintext == null || plaintext.isEmpty() || isCiphertext(plaintext) || !isEnabled()) {
            return plaintext;
        }
        if (primaryKeyId != null) {
            byte[] aad = primaryKeyId.getBytes(StandardCharsets.UTF_8);
            return V2_PREFIX + primaryKeyId + ":" + seal(keys.get(primaryKeyId), aad, plaintext);
        }
        return V1_PREFIX + seal(legacyKey, new byte[0], plaintext);
    }

    /**
     * Decrypts a stored value. Values without a ciphertext prefix are plaintext and returned unchanged.
     *
     * @param stored the stored value, may be {@code null}
     * @return the plaintext
     * @throws IntegrationException with {@link IntegrationError#DECRYPTION_FAILED} if the value is ciphertext this
     *                              cipher has no key for, or the key does not fit (wrong key, corrupt value)
     */
    public String decrypt(String stored) {
        if (!isCiphertext(stored)) {
            return stored;
        }
        if (stored.startsWith(V1_PREFIX)) {
            if (legacyKey == null) {
                throw failure("no key for enc:v1 values is configured");
            }
            return open(legacyKey, new byte[0], stored.substring(V1_PREFIX.length()));
        }
        String rest = stored.substring(V2_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw failure("malformed enc:v2 value (no key id)");
        }
        String keyId = rest.substring(0, colon);
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw failure(
                    KEY_ID.matcher(keyId).matches()
                            ? "no key with id '" + keyId + "' is configured"
                            : "malformed enc:v2 key id");
        }
        return open(key, keyId.getBytes(StandardCharsets.UTF_8), rest.substring(colon + 1));
    }

    /**
     * Whether a stored value should be rewritten to be current: ciphertext not written by the primary key (or
     * plaintext, when this cipher encrypts). {@code null} and empty values never need it.
     *
     * @param stored the stored value, may be {@code null}
     * @return {@code true} if {@code encrypt(decrypt(stored))} would produce a value of a different key or format
     */
    public boolean needsReencryption(String stored) {
        if (stored == null || stored.isEmpty()) {
            return false;
        }
        if (!isCiphertext(stored)) {
            return isEnabled();
        }
        if (primaryKeyId != null) {
            return !stored.startsWith(V2_PREFIX + primaryKeyId + ":");
        }
        return !stored.startsWith(V1_PREFIX) || legacyKey == null;
    }

    @Override
    public String toString() {
        if (!isEnabled()) {
            return "SecretCipher[none]";
        }
        return "SecretCipher[primary=" + (primaryKeyId == null ? "enc:v1" : primaryKeyId) + ", keyIds=" + keys.keySet()
                + ", legacy enc:v1=" + (legacyKey != null) + "]";
    }

    private static String seal(byte[] key, byte[] aad, String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            // JCE appends the tag to the ciphertext; PhoenixKit stores iv ‖ tag ‖ ciphertext.
            int ciphertextLength = sealed.length - TAG_BYTES;
            ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length);
            out.put(iv).put(sealed, ciphertextLength, TAG_BYTES).put(sealed, 0, ciphertextLength);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    private static String open(byte[] key, byte[] aad, String encoded) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw failure("malformed ciphertext (not base64)");
        }
        if (raw.length < IV_BYTES + TAG_BYTES) {
            throw failure("malformed ciphertext (too short)");
        }
        byte[] iv = Arrays.copyOfRange(raw, 0, IV_BYTES);
        byte[] joined = new byte[raw.length - IV_BYTES];
        int ciphertextLength = raw.length - IV_BYTES - TAG_BYTES;
        System.arraycopy(raw, IV_BYTES + TAG_BYTES, joined, 0, ciphertextLength);
        System.arraycopy(raw, IV_BYTES, joined, ciphertextLength, TAG_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(aad);
            return new String(cipher.doFinal(joined), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw failure("authentication tag mismatch (wrong key or corrupt value)");
        } catch (GeneralSecurityException e) {
            throw failure("decryption error (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static IntegrationException failure(String why) {
        return new IntegrationException(IntegrationError.DECRYPTION_FAILED, "Cannot decrypt a stored secret: " + why);
    }

    private static byte[] deriveKey(String secretKeyBase, String field) {
        Objects.requireNonNull(secretKeyBase, field);
        if (secretKeyBase.isBlank()) {
            throw new IntegrationException(IntegrationError.INVALID, field + " must not be blank");
        }
        if (characters(secretKeyBase) < MIN_SECRET_LENGTH) {
            throw new IntegrationException(
                    IntegrationError.INVALID,
                    field + " is too short: a secret must be at" + " least " + MIN_SECRET_LENGTH
                            + " characters, as PhoenixKit requires of its integrations key");
        }
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("phoenix_kit_integrations:" + secretKeyBase).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** User-perceived characters (grapheme clusters), as Elixir's {@code String.length/1} counts them. */
    private static int characters(String text) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        int count = 0;
        while (graphemes.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    /**
     * Builds a keyring {@link SecretCipher}. Not thread-safe; {@link #build()} validates.
     */
    public static final class KeyringBuilder {
        private final Map<String, byte[]> keys = new LinkedHashMap<>();
        private byte[] legacyKey;
        private String primary;

        private KeyringBuilder() {}

        /**
         * Adds a raw AES-256 key.
         *
         * @param keyId  1 to 32 characters of {@code [A-Za-z0-9_-]}, unique in the keyring
         * @param rawKey exactly 32 bytes; copied
         * @return this builder
         */
        public KeyringBuilder key(String keyId, byte[] rawKey) {
            Objects.requireNonNull(rawKey, "rawKey");
            if (rawKey.length != 32) {
                throw new IllegalArgumentException("rawKey must be 32 bytes, was " + rawKey.length);
            }
            return put(keyId, rawKey.clone());
        }

        /**
         * Adds a key derived like PhoenixKit's (SHA-256 of {@code "phoenix_kit_integrations:" + secret}).
         *
         * @param keyId  1 to 32 characters of {@code [A-Za-z0-9_-]}, unique in the keyring
         * @param secret a non-blank secret of at least {@value SecretCipher#MIN_SECRET_LENGTH} characters
         * @return this builder
         * @throws IntegrationException {@link IntegrationError#INVALID} for a blank or too short secret
         */
        public KeyringBuilder keyFromSecret(String keyId, String secret) {
            return put(keyId, deriveKey(secret, "secret"));
        }

        /**
         * Lets the keyring read PhoenixKit's {@code enc:v1} values written with this secret key base.
         *
         * @param secretKeyBase the secret the values were written with ({@code secret_key_base} or PhoenixKit's
         *                      dedicated integrations key); at least {@value SecretCipher#MIN_SECRET_LENGTH}
         *                      characters
         * @return this builder
         * @throws IntegrationException {@link IntegrationError#INVALID} for a blank or too short secret
         */
        public KeyringBuilder legacySecretKeyBase(String secretKeyBase) {
            this.legacyKey = deriveKey(secretKeyBase, "legacySecretKeyBase");
            return this;
        }

        /**
         * Chooses the key new values are written with. Default: the key added last.
         *
         * @param keyId the id of a key added to this builder
         * @return this builder
         */
        public KeyringBuilder primary(String keyId) {
            this.primary = Objects.requireNonNull(keyId, "keyId");
            return this;
        }

        /**
         * @return the keyring cipher
         * @throws IllegalArgumentException if no key was added or {@code primary} names no added key
         */
        public SecretCipher build() {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("keys: a keyring needs at least one key");
            }
            String primaryId = primary;
            if (primaryId == null) {
                for (String id : keys.keySet()) {
                    primaryId = id;
                }
            } else if (!keys.containsKey(primaryId)) {
                throw new IllegalArgumentException("primary: no key with id '" + primaryId + "' was added");
            }
            return new SecretCipher(legacyKey, primaryId, Map.copyOf(keys));
        }

        private KeyringBuilder put(String keyId, byte[] key) {
            Objects.requireNonNull(keyId, "keyId");
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException("keyId must be 1 to 32 characters of [A-Za-z0-9_-]: " + keyId);
            }
            if (keys.putIfAbsent(keyId, key) != null) {
                throw new IllegalArgumentException("keyId '" + keyId + "' was added twice");
            }
            return this;
        }
    }
}
