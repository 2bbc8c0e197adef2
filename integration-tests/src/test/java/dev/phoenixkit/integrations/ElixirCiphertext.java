package dev.phoenixkit.integrations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PhoenixKit's {@code Encryption.encrypt/1} and {@code decrypt/1} ({@code enc:v1}), written independently of the
 * library so tests can seed rows as PhoenixKit writes them and read what the library wrote.
 */
final class ElixirCiphertext {
    private ElixirCiphertext() {}

    private static byte[] key(String secretKeyBase) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256")
                .digest(("phoenix_kit_integrations:" + secretKeyBase).getBytes(StandardCharsets.UTF_8));
    }

    static String encrypt(String secretKeyBase, String plaintext) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(secretKeyBase), "AES"), new GCMParameterSpec(128, iv));
        byte[] out = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] ct = Arrays.copyOfRange(out, 0, out.length - 16);
        byte[] tag = Arrays.copyOfRange(out, out.length - 16, out.length);
        return "enc:v1:"
                + Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(28 + ct.length)
                                .put(iv)
                                .put(tag)
                                .put(ct)
                                .array());
    }

    static String decrypt(String secretKeyBase, String stored) throws GeneralSecurityException {
        byte[] raw = Base64.getDecoder().decode(stored.substring(7));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(key(secretKeyBase), "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(raw, 0, 12)));
        byte[] joined = ByteBuffer.allocate(raw.length - 12)
                .put(raw, 28, raw.length - 28)
                .put(raw, 12, 16)
                .array();
        return new String(gcm.doFinal(joined), StandardCharsets.UTF_8);
    }
}
