package dev.phoenixkit.integrations.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A PKCE pair (RFC 7636): a 32-byte random verifier (43 url-safe characters) and its S256 challenge. Immutable;
 * {@link #toString()} hides the verifier.
 *
 * @param verifier  the code verifier, sent to the token endpoint
 * @param challenge {@code BASE64URL(SHA-256(verifier))}, sent in the authorization URL
 */
public record Pkce(String verifier, String challenge) {
    /** The only method this library sends. */
    public static final String METHOD = "S256";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Validates the components. */
    public Pkce {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(challenge, "challenge");
    }

    /** @return a fresh pair */
    public static Pkce generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return fromVerifier(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * @param verifier a stored verifier
     * @return the pair with its S256 challenge
     */
    public static Pkce fromVerifier(String verifier) {
        return new Pkce(verifier, challengeOf(verifier));
    }

    /**
     * @param verifier a verifier
     * @return its S256 challenge
     */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing", impossible);
        }
    }

    @Override
    public String toString() {
        return "Pkce[verifier=<redacted>, challenge=" + challenge + "]";
    }
}
