package dev.phoenixkit.testkit.fake.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fake authorization server's codes and tokens. Thread-safe. */
public final class TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

    /**
     * An authorization code waiting to be exchanged.
     *
     * @param clientId        the client it was issued to
     * @param redirectUri     the redirect URI of the authorization request
     * @param codeChallenge   the PKCE challenge, or {@code null}
     * @param challengeMethod the PKCE method ({@code S256} or {@code plain}), or {@code null}
     * @param scope           the granted scope
     * @param expiresAt       when the code stops working
     */
    public record PendingCode(
            String clientId,
            String redirectUri,
            String codeChallenge,
            String challengeMethod,
            String scope,
            Instant expiresAt) {}

    /**
     * @param clientId  the client it was issued to
     * @param expiresAt when it stops working
     */
    public record AccessGrant(String clientId, Instant expiresAt) {}

    /**
     * @param clientId the client it was issued to
     * @param scope    the granted scope
     */
    public record RefreshGrant(String clientId, String scope) {}

    /**
     * @param code the pending code
     * @return the code text
     */
    public String issueCode(PendingCode code) {
        String text = "fake-code-" + randomText();
        codes.put(text, code);
        return text;
    }

    /**
     * Redeems a code; a code works once.
     *
     * @param code the code text
     * @param now  the current time
     * @return the pending code, or empty when unknown, used or expired
     */
    public Optional<PendingCode> redeemCode(String code, Instant now) {
        PendingCode pending = codes.remove(code);
        return pending == null || !now.isBefore(pending.expiresAt()) ? Optional.empty() : Optional.of(pending);
    }

    /**
     * @param clientId  the client
     * @param expiresAt when it stops working
     * @return the access token text
     */
    public String issueAccessToken(String clientId, Instant expiresAt) {
        String text = "fake-at-" + randomText();
        accessTokens.put(text, new AccessGrant(clientId, expiresAt));
        return text;
    }

    /**
     * @param token the access token text
     * @param now   the current time
     * @return whether it was issued and has not expired
     */
    public boolean isAccessTokenValid(String token, Instant now) {
        AccessGrant grant = accessTokens.get(token);
        return grant != null && now.isBefore(grant.expiresAt());
    }

    /** Makes every access token issued so far invalid. */
    public void expireAccessTokens() {
        accessTokens.clear();
    }

    /**
     * @param clientId the client
     * @param scope    the granted scope
     * @return the refresh token text
     */
    public String issueRefreshToken(String clientId, String scope) {
        String text = "fake-rt-" + randomText();
        refreshTokens.put(text, new RefreshGrant(clientId, scope));
        return text;
    }

    /**
     * @param token  the refresh token text
     * @param rotate whether using it revokes it
     * @return the grant, or empty when unknown or revoked
     */
    public Optional<RefreshGrant> useRefreshToken(String token, boolean rotate) {
        return Optional.ofNullable(rotate ? refreshTokens.remove(token) : refreshTokens.get(token));
    }

    /** Revokes every refresh token issued so far. */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /**
     * RFC 7636 §4.6.
     *
     * @param challenge the stored challenge
     * @param method    the stored method ({@code S256} or {@code plain})
     * @param verifier  the verifier sent to the token endpoint, or {@code null}
     * @return whether the verifier matches
     */
    public static boolean pkceMatches(String challenge, String method, String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        if ("plain".equals(method)) {
            return MessageDigest.isEqual(
                    challenge.getBytes(StandardCharsets.US_ASCII), verifier.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing", impossible);
        }
    }

    private static String randomText() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
