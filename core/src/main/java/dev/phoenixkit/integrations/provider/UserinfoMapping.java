package dev.phoenixkit.integrations.provider;

/**
 * How a provider's userinfo answer maps to a connection's account fields ({@code external_account_id},
 * {@code external_account_name}, {@code metadata.connected_email}, {@code metadata.name},
 * {@code metadata.picture}).
 */
public enum UserinfoMapping {
    /** OpenID-style fields: {@code email}, {@code name}, {@code picture} (Google; the default). */
    STANDARD,
    /**
     * Microsoft Graph {@code /me}: the account id is {@code mail}, else {@code userPrincipalName}; the name is
     * {@code displayName}; there is no picture.
     */
    MICROSOFT_GRAPH
}
