package dev.phoenixkit.integrations.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final String SECRET_KEY_BASE = "test-secret-key-base-0123456789abcdef0123456789abcdef";

    /** PhoenixKit's encrypt/1 written independently with javax.crypto: key = SHA-256(prefix ‖ skb), iv ‖ tag ‖ ct. */
    private static String phoenixKitEncrypt(String secretKeyBase, byte[] iv, String plaintext) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256")
                .digest(("phoenix_kit_integrations:" + secretKeyBase).getBytes(StandardCharsets.UTF_8));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] out = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] ct = Arrays.copyOfRange(out, 0, out.length - 16);
        byte[] tag = Arrays.copyOfRange(out, out.length - 16, out.length);
        return "enc:v1:"
                + Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(12 + 16 + ct.length)
                                .put(iv)
                                .put(tag)
                                .put(ct)
                                .array());
    }

    private static String phoenixKitDecrypt(String secretKeyBase, String stored) throws Exception {
        byte[] raw = Base64.getDecoder().decode(stored.substring("enc:v1:".length()));
        byte[] key = MessageDigest.getInstance("SHA-256")
                .digest(("phoenix_kit_integrations:" + secretKeyBase).getBytes(StandardCharsets.UTF_8));
        byte[] iv = Arrays.copyOfRange(raw, 0, 12);
        byte[] tag = Arrays.copyOfRange(raw, 12, 28);
        byte[] ct = Arrays.copyOfRange(raw, 28, raw.length);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] joined = ByteBuffer.allocate(ct.length + 16).put(ct).put(tag).array();
        return new String(gcm.doFinal(joined), StandardCharsets.UTF_8);
    }

    @Test
    void decryptWhenIndependentlyProducedEncV1VectorsThenPlaintext() throws Exception {
        SecretCipher cipher = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
        String[] plaintexts = {"sk-or-v1-abc", "", "ünïcødé ✓ secret", "x".repeat(5000)};
        for (int i = 0; i < plaintexts.length; i++) {
            if (plaintexts[i].isEmpty()) {
                continue;
            }
            byte[] iv = new byte[12];
            Arrays.fill(iv, (byte) (i + 1));
            assertThat(cipher.decrypt(phoenixKitEncrypt(SECRET_KEY_BASE, iv, plaintexts[i])))
                    .isEqualTo(plaintexts[i]);
        }
    }

    @Test
    void decryptWhenFixedVectorThenKnownPlaintext() throws Exception {
        // Fixed vector: zero IV, so the ciphertext is stable; produced by phoenixKitEncrypt above.
        String vector = phoenixKitEncrypt("phoenix-secret-key-base-vector", new byte[12], "hello");
        assertThat(vector).startsWith("enc:v1:").hasSize("enc:v1:".length() + 44);
        assertThat(SecretCipher.fromSecretKeyBase("phoenix-secret-key-base-vector")
                        .decrypt(vector))
                .isEqualTo("hello");
    }

    @Test
    void encryptWhenV1ThenIndependentDecryptionReadsIt() throws Exception {
        SecretCipher cipher = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
        String stored = cipher.encrypt("my-api-key");
        assertThat(stored).startsWith("enc:v1:").doesNotContain("my-api-key");
        assertThat(Base64.getDecoder().decode(stored.substring(7))).hasSize(12 + 16 + "my-api-key".length());
        assertThat(phoenixKitDecrypt(SECRET_KEY_BASE, stored)).isEqualTo("my-api-key");
    }

    @Test
    void encryptWhenCalledTwiceThenFreshIvEachTime() {
        SecretCipher cipher = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void encryptWhenNullEmptyOrCiphertextThenUnchanged() {
        SecretCipher cipher = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
        String once = cipher.encrypt("value");
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.encrypt("")).isEmpty();
        assertThat(cipher.encrypt(once)).isEqualTo(once);
    }

    @Test
    void decryptWhenPlaintextThenPassesThrough() {
        assertThat(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE).decrypt("plain"))
                .isEqualTo("plain");
        assertThat(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE).decrypt(null))
                .isNull();
    }

    @Test
    void decryptWhenWrongKeyThenDecryptionFailedWithoutValue() {
        String stored = SecretCipher.fromSecretKeyBase("key-one-long-enough-for-the-floor")
                .encrypt("top-secret-value");
        assertThatThrownBy(() -> SecretCipher.fromSecretKeyBase("key-two-long-enough-for-the-floor")
                        .decrypt(stored))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.DECRYPTION_FAILED))
                .message()
                .doesNotContain("top-secret-value")
                .doesNotContain(stored.substring(7));
    }

    @Test
    void decryptWhenCorruptBase64OrTooShortThenDecryptionFailed() {
        SecretCipher cipher = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:!!!not-base64")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:AAAA")).hasMessageContaining("too short");
    }

    @Test
    void keyringWhenRotatedThenNewestWritesAndEveryKeyAndLegacyReads() {
        SecretCipher legacy = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
        SecretCipher oldRing = SecretCipher.keyring()
                .keyFromSecret("k1", "first-secret-of-the-keyring")
                .build();
        SecretCipher ring = SecretCipher.keyring()
                .legacySecretKeyBase(SECRET_KEY_BASE)
                .keyFromSecret("k1", "first-secret-of-the-keyring")
                .key("k2", new byte[32])
                .build();

        String v1 = legacy.encrypt("a");
        String k1 = oldRing.encrypt("b");
        String k2 = ring.encrypt("c");

        assertThat(k1).startsWith("enc:v2:k1:");
        assertThat(k2).startsWith("enc:v2:k2:");
        assertThat(ring.primaryKeyId()).contains("k2");
        assertThat(ring.decrypt(v1)).isEqualTo("a");
        assertThat(ring.decrypt(k1)).isEqualTo("b");
        assertThat(ring.decrypt(k2)).isEqualTo("c");
        assertThat(ring.needsReencryption(v1)).isTrue();
        assertThat(ring.needsReencryption(k1)).isTrue();
        assertThat(ring.needsReencryption(k2)).isFalse();
        assertThat(ring.needsReencryption("plain")).isTrue();
        assertThatThrownBy(() -> oldRing.decrypt(k2)).hasMessageContaining("no key with id 'k2'");
    }

    @Test
    void keyringWhenKeyIdTamperedThenTagCheckFails() {
        SecretCipher ring = SecretCipher.keyring()
                .key("a", new byte[32])
                .key("b", new byte[32])
                .primary("a")
                .build();
        String stored = ring.encrypt("value");
        String moved = stored.replace("enc:v2:a:", "enc:v2:b:");
        assertThatThrownBy(() -> ring.decrypt(moved))
                .isInstanceOf(IntegrationException.class)
                .hasMessageContaining("tag mismatch");
    }

    @Test
    void keyringBuilderWhenInvalidThenMessagesNameTheField() {
        assertThatThrownBy(() -> SecretCipher.keyring().build()).hasMessageStartingWith("keys");
        assertThatThrownBy(() -> SecretCipher.keyring().key("a", new byte[16])).hasMessageStartingWith("rawKey");
        assertThatThrownBy(() -> SecretCipher.keyring().key("bad id", new byte[32]))
                .hasMessageStartingWith("keyId");
        assertThatThrownBy(() -> SecretCipher.keyring()
                        .key("a", new byte[32])
                        .primary("z")
                        .build())
                .hasMessageStartingWith("primary");
        assertThatThrownBy(() -> SecretCipher.keyring().key("a", new byte[32]).key("a", new byte[32]))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> SecretCipher.fromSecretKeyBase(" ".repeat(30)))
                .isInstanceOfSatisfying(
                        IntegrationException.class, e -> assertThat(e.error()).isEqualTo(IntegrationError.INVALID))
                .hasMessageStartingWith("secretKeyBase");
    }

    @Test
    void secretWhenShorterThanTwentyCharactersThenInvalidWithoutEchoingIt() {
        String nineteen = "nineteen-characters";
        assertThat(nineteen).hasSize(19);
        for (Runnable build : java.util.List.<Runnable>of(
                () -> SecretCipher.fromSecretKeyBase(nineteen),
                () -> SecretCipher.keyring().keyFromSecret("k1", nineteen),
                () -> SecretCipher.keyring().legacySecretKeyBase(nineteen))) {
            assertThatThrownBy(build::run)
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.INVALID))
                    .hasMessageContaining("at least 20 characters")
                    .message()
                    .doesNotContain(nineteen);
        }
        // 20 characters is enough; PhoenixKit counts graphemes, so 19 ASCII + one combined emoji is 20.
        assertThat(SecretCipher.fromSecretKeyBase(nineteen + "x").isEnabled()).isTrue();
        assertThat(SecretCipher.fromSecretKeyBase(nineteen + "\uD83D\uDC4D\uD83C\uDFFD")
                        .isEnabled())
                .isTrue();
        assertThatThrownBy(() -> SecretCipher.fromSecretKeyBase("e\u0301".repeat(19)))
                .isInstanceOf(IntegrationException.class);
        // The dedicated key PhoenixKit's mix task generates (Base64 of 32 bytes, used as text) derives like any secret.
        String dedicated = Base64.getEncoder().encodeToString(new byte[32]);
        String stored = SecretCipher.fromSecretKeyBase(dedicated).encrypt("v");
        assertThat(SecretCipher.keyring()
                        .legacySecretKeyBase(dedicated)
                        .key("n", new byte[32])
                        .build()
                        .decrypt(stored))
                .isEqualTo("v");
    }

    @Test
    void sensitiveFieldsWhenListedThenPhoenixKitsSevenInItsOrder() {
        assertThat(SecretCipher.SENSITIVE_FIELDS)
                .containsExactly(
                        "access_token",
                        "refresh_token",
                        "client_secret",
                        "api_key",
                        "bot_token",
                        "secret_key",
                        "password");
    }

    @Test
    void noneWhenEncryptingThenPlaintextAndCiphertextIsUnreadable() {
        SecretCipher none = SecretCipher.none();
        assertThat(none.isEnabled()).isFalse();
        assertThat(none.encrypt("plain")).isEqualTo("plain");
        String stored = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE).encrypt("x");
        assertThatThrownBy(() -> none.decrypt(stored)).isInstanceOf(IntegrationException.class);
        assertThat(none.toString()).isEqualTo("SecretCipher[none]");
    }

    @Test
    void toStringWhenKeyringThenNoKeyMaterial() {
        SecretCipher ring = SecretCipher.keyring()
                .keyFromSecret("k1", "super-secret-material")
                .build();
        assertThat(ring.toString()).contains("k1").doesNotContain("super-secret-material");
    }
}
