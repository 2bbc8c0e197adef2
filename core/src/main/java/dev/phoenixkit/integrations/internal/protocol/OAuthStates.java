package dev.phoenixkit.integrations.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** CSRF state tokens for the authorization-code flow. Thread-safe. */
public final class OAuthStates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthStates() {}

    /** @return 32 random bytes, url-safe Base64 without padding (43 characters) */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Compares two states in constant time.
     *
     * @param expected the stored state
     * @param actual   the state the callback carried
     * @return whether both are non-empty and equal
     */
    public static boolean matches(String expected, String actual) {
        if (expected == null || actual == null || expected.isEmpty() || actual.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
