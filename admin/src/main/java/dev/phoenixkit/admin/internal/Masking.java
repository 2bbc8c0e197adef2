package dev.phoenixkit.admin.internal;

/** How a stored secret is shown: never in full. Thread-safe (stateless). */
public final class Masking {
    /** Shorter secrets than this are masked completely (PhoenixKit's picker rule). */
    public static final int MIN_PARTIAL_LENGTH = 14;

    private static final String FULL_MASK = "••••••••";

    private Masking() {}

    /**
     * @param secret a stored secret
     * @return its first 8 and last 4 characters around an ellipsis, or only dots when it is shorter than
     *         {@value #MIN_PARTIAL_LENGTH} characters (then 12 of 13 characters would show)
     */
    public static String mask(String secret) {
        int length = secret.codePointCount(0, secret.length());
        if (length < MIN_PARTIAL_LENGTH) {
            return FULL_MASK;
        }
        int headEnd = secret.offsetByCodePoints(0, 8);
        int tailStart = secret.offsetByCodePoints(0, length - 4);
        return secret.substring(0, headEnd) + "…" + secret.substring(tailStart);
    }
}
