package dev.phoenixkit.integrations.internal.audit;

/** PhoenixKit's Activity action names for integrations (docs/phoenixkit-reference.md#2-7). */
public final class AuditActions {
    /** {@code addConnection}. */
    public static final String CONNECTION_ADDED = "integration.connection_added";
    /** {@code saveSetup}. */
    public static final String SETUP_SAVED = "integration.setup_saved";
    /** OAuth2 code exchange. */
    public static final String CONNECTED = "integration.connected";
    /** {@code disconnect}. */
    public static final String DISCONNECTED = "integration.disconnected";
    /** {@code removeConnection}. */
    public static final String CONNECTION_REMOVED = "integration.connection_removed";
    /** {@code renameConnection}. */
    public static final String CONNECTION_RENAMED = "integration.connection_renamed";
    /** {@code validateConnection}. */
    public static final String VALIDATED = "integration.validated";
    /** Automatic token refresh succeeded. */
    public static final String TOKEN_REFRESHED = "integration.token_refreshed";
    /** Automatic token refresh failed. */
    public static final String TOKEN_REFRESH_FAILED = "integration.token_refresh_failed";
    /** A refresh moved a connection out of {@code error}. */
    public static final String AUTO_RECOVERED = "integration.auto_recovered";
    /** A module moved legacy data onto a connection. */
    public static final String LEGACY_MIGRATED = "integration.legacy_migrated";

    private AuditActions() {}
}
