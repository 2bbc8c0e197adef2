package dev.phoenixkit.migrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Script checksums: SHA-256 over the UTF-8 text with a leading BOM removed and CRLF/CR turned into LF, so the
 * same script checked out on Windows or Unix hashes the same. Stateless and thread-safe.
 */
public final class Checksums {

    private Checksums() {}

    /**
     * Normalises the text as described above.
     *
     * @param text a script's text
     * @return the text without BOM, with LF line ends
     */
    public static String normalise(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The checksum of a script.
     *
     * @param text a script's text
     * @return 64 lowercase hex characters
     */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
