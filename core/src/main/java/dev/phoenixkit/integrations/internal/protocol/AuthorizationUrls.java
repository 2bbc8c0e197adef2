package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds authorization URLs as docs/phoenixkit-reference.md#5-2 describes, plus PKCE S256 (docs/behaviour.md#fix-2).
 *
 * <p>Parameters: {@code client_id}, {@code redirect_uri}, {@code response_type=code}, {@code scope} (the extra
 * scopes when given and non-blank, which replace the defaults; else the provider's default scopes), then the
 * provider's auth params (which may override those), then {@code state} when given, then {@code code_challenge} and
 * {@code code_challenge_method=S256} when PKCE is used. They are sorted by name and www-form encoded (spaces become
 * {@code +}), and appended to the interpolated auth URL after a {@code ?}.
 */
public final class AuthorizationUrls {
    private AuthorizationUrls() {}

    /**
     * @param config      the provider's OAuth settings
     * @param data        the connection's data (needs {@code client_id}; may hold URL placeholder values)
     * @param redirectUri the callback URI registered with the provider
     * @param extraScopes scopes replacing the defaults, or {@code null}/blank for the defaults
     * @param state       the CSRF state, or {@code null} for none
     * @param pkce        the PKCE pair, or {@code null} for none
     * @return the URL to send the browser to
     * @throws IntegrationException {@code CLIENT_ID_NOT_CONFIGURED} when the data has no non-blank {@code client_id}
     */
    public static URI build(
            OAuthConfig config, Map<String, ?> data, String redirectUri, String extraScopes, String state, Pkce pkce) {
        return build(config, data, redirectUri, extraScopes, state, pkce, Map.of());
    }

    /**
     * {@link #build(OAuthConfig, Map, String, String, String, Pkce)} with caller parameters, added after the
     * provider's auth params (and overriding them); the state and PKCE parameters still come last and win.
     *
     * @param config      the provider's OAuth settings
     * @param data        the connection's data
     * @param redirectUri the callback URI
     * @param extraScopes scopes replacing the defaults, or {@code null}/blank for the defaults
     * @param state       the CSRF state, or {@code null}
     * @param pkce        the PKCE pair, or {@code null}
     * @param extraParams caller parameters (already checked against the reserved names)
     * @return the URL to send the browser to
     */
    public static URI build(
            OAuthConfig config,
            Map<String, ?> data,
            String redirectUri,
            String extraScopes,
            String state,
            Pkce pkce,
            Map<String, String> extraParams) {
        Objects.requireNonNull(extraParams, "extraParams");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(redirectUri, "redirectUri");
        String clientId = FieldText.of(data, Fields.CLIENT_ID)
                .orElseThrow(() -> new IntegrationException(
                        IntegrationError.CLIENT_ID_NOT_CONFIGURED,
                        "Save a client_id before building the authorization URL"));
        Map<String, String> params = new TreeMap<>();
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("response_type", "code");
        params.put("scope", extraScopes != null && !extraScopes.isBlank() ? extraScopes : config.defaultScopes());
        params.putAll(config.authParams());
        params.putAll(extraParams);
        if (state != null) {
            params.put("state", state);
        }
        if (pkce != null) {
            params.put("code_challenge", pkce.challenge());
            params.put("code_challenge_method", Pkce.METHOD);
        }
        String base = UrlTemplate.interpolate(config.authUrl(), data, config.urlDefaults());
        return URI.create(base + "?" + ProviderHttp.FormEncoding.encode(params));
    }
}
