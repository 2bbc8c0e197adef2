package dev.phoenixkit.integrations.observe;

/** How a token refresh or validation ended. */
public enum Outcome {
    /** It did what was asked (a token obtained, the connection valid). */
    SUCCESS,
    /** It did not. */
    FAILURE
}
