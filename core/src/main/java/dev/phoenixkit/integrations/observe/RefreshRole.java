package dev.phoenixkit.integrations.observe;

/** A caller's part in a single-flight token refresh. */
public enum RefreshRole {
    /** This caller runs the refresh (under the cross-node advisory lock). */
    LEADER,
    /** This caller waits for the refresh another caller in this JVM is running. */
    JOINED
}
