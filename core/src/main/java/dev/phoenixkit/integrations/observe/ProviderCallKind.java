package dev.phoenixkit.integrations.observe;

/** What an HTTP call to a provider was for. */
public enum ProviderCallKind {
    /** A credential or connection validation request. */
    VALIDATION,
    /** A token endpoint request (code exchange or refresh). */
    TOKEN,
    /** A userinfo request after authorization. */
    USERINFO,
    /** A caller's own request sent with {@code authenticatedRequest}. */
    RESOURCE
}
