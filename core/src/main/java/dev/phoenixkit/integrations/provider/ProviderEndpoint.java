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
    /** The URL of an HTTP {@link ValidationSpec}: the API-key validation call. */
    VALIDATION,
    /** {@link ProviderDefinition#baseUrl()}: the provider's API base. */
    API_BASE
}
