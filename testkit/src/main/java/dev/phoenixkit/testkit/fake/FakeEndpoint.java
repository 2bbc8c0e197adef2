package dev.phoenixkit.testkit.fake;

/**
 * The groups of endpoints the {@link FakeProviderServer} serves; faults and latency are switched per group.
 */
public enum FakeEndpoint {
    /** OAuth2 authorization: Google {@code /o/oauth2/v2/auth}, Microsoft {@code /{tenant}/oauth2/v2.0/authorize}. */
    AUTHORIZE,
    /** OAuth2 token: Google {@code /token}, Microsoft {@code /{tenant}/oauth2/v2.0/token}. */
    TOKEN,
    /** Userinfo: Google {@code /oauth2/v2/userinfo}, Microsoft Graph {@code /v1.0/me}. */
    USERINFO,
    /**
     * Key validation: OpenRouter {@code /api/v1/auth/key}; OpenAI, Mistral and xAI {@code /v1/models}; DeepSeek
     * {@code /models} (all {@code Authorization: Bearer}); ElevenLabs {@code /v1/user} ({@code xi-api-key}); GitHub
     * {@code /rate_limit} (Bearer, and a {@code User-Agent} is required); Brevo {@code /v3/account}
     * ({@code api-key}); Telegram {@code /bot<token>/getMe}.
     */
    API_KEY,
    /** A protected resource at {@code /resource} (any path below it, any method) accepting a valid bearer token or API key. */
    RESOURCE
}
