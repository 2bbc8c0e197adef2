package dev.phoenixkit.integrations.provider;

/**
 * One URL of a provider definition, for {@link ProviderRegistry.Builder#overrideUrl(String, ProviderEndpoint,
 * String)}.
 */
public enum ProviderEndpoint {
    /** {@link OAuthConfig#authUrl()}: where the user is sent to consent. */
    AUTHORIZATION,
    /** {@link OAuthConfig#tokenUrl()}: code exchange and refresh. */
    TOKEN,
    /** {@link OAuthConfig#userinfoUrl()}: the account behind a token. */
    USERINFO,
    /** {@link ValidationSpec#url()}: the API-key validation call. */
    VALIDATION
}
