package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.internal.http.HeaderValues;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.http.ProviderResponse;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.provider.ClientAuthMethod;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a provider's token endpoint: the authorization-code exchange (docs/phoenixkit-reference.md#5-3) and the refresh (docs/phoenixkit-reference.md#5-4). Stateless
 * and thread-safe.
 */
public final class TokenEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);

    private final ProviderHttp http;
    private final Clock clock;

    /**
     * @param http  the HTTP plumbing
     * @param clock the clock for {@code expires_at} and {@code token_obtained_at}
     */
    public TokenEndpoint(ProviderHttp http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Exchanges an authorization code.
     *
     * @param config       the provider's OAuth settings
     * @param data         the connection's data ({@code client_id}, {@code client_secret}, URL placeholders)
     * @param code         the authorization code
     * @param redirectUri  the redirect URI used in the authorization request
     * @param codeVerifier the PKCE verifier, or {@code null} when the flow used none
     * @return the grant
     * @throws IntegrationException {@code CLIENT_CREDENTIALS_NOT_CONFIGURED}; {@code TOKEN_EXCHANGE_FAILED} with
     *                              the HTTP status (also for a 200 without {@code access_token}) and the OAuth error
     *                              code; {@code TRANSPORT_FAILED}
     */
    public TokenGrant exchangeCode(
            OAuthConfig config, Map<String, ?> data, String code, String redirectUri, String codeVerifier) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(redirectUri, "redirectUri");
        ClientCredentials client = clientCredentials(data);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        ProviderResponse response = post(config, data, form, client);
        return grantFrom(response, IntegrationError.TOKEN_EXCHANGE_FAILED, "Token exchange")
                .orElseThrow(() -> {
                    String oauthError =
                            response.oauthError(secretsOf(form, client)).orElse(null);
                    LOG.warn(
                            "Token exchange failed at {} (HTTP {}, {})",
                            hostOf(config, data),
                            response.status(),
                            oauthError == null ? "no error code" : oauthError);
                    return IntegrationException.fromProviderAnswer(
                            IntegrationError.TOKEN_EXCHANGE_FAILED,
                            "Token exchange failed (HTTP " + response.status() + ")",
                            response.status(),
                            oauthError);
                });
    }

    /**
     * Refreshes the access token.
     *
     * @param config the provider's OAuth settings
     * @param data   the connection's data ({@code refresh_token}, {@code client_id}, {@code client_secret})
     * @return the grant; {@link TokenGrant#newRefreshToken()} is present only when the provider rotated it
     * @throws IntegrationException {@code NO_REFRESH_TOKEN} (checked first); {@code CLIENT_CREDENTIALS_NOT_CONFIGURED};
     *                              {@code REFRESH_FAILED} with the HTTP status and the OAuth error code (for example
     *                              {@code invalid_grant}); {@code TRANSPORT_FAILED}
     */
    public TokenGrant refresh(OAuthConfig config, Map<String, ?> data) {
        String refreshToken = FieldText.of(data, Fields.REFRESH_TOKEN)
                .orElseThrow(() -> new IntegrationException(
                        IntegrationError.NO_REFRESH_TOKEN, "The connection has no refresh token"));
        ClientCredentials client = clientCredentials(data);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        ProviderResponse response = post(config, data, form, client);
        return grantFrom(response, IntegrationError.REFRESH_FAILED, "Token refresh")
                .orElseThrow(() -> {
                    String oauthError =
                            response.oauthError(secretsOf(form, client)).orElse(null);
                    LOG.warn(
                            "Token refresh failed at {} (HTTP {}, {})",
                            hostOf(config, data),
                            response.status(),
                            oauthError == null ? "no error code" : oauthError);
                    return IntegrationException.fromProviderAnswer(
                            IntegrationError.REFRESH_FAILED,
                            "Token refresh failed (HTTP " + response.status() + ")",
                            response.status(),
                            oauthError);
                });
    }

    /** @return the secret values a token request carries, which an error answer must not be allowed to echo */
    private static List<String> secretsOf(Map<String, String> form, ClientCredentials client) {
        List<String> secrets = new ArrayList<>();
        for (String field : List.of("code", "code_verifier", "refresh_token")) {
            if (form.get(field) != null) {
                secrets.add(form.get(field));
            }
        }
        secrets.add(client.secret());
        return secrets;
    }

    private ProviderResponse post(
            OAuthConfig config, Map<String, ?> data, Map<String, String> form, ClientCredentials client) {
        URI url = URI.create(UrlTemplate.interpolate(config.tokenUrl(), data, config.urlDefaults()));
        if (config.clientAuthMethod() == ClientAuthMethod.CLIENT_SECRET_BASIC) {
            return http.postForm(url, form, client.id(), client.secret());
        }
        form.put("client_id", client.id());
        form.put("client_secret", client.secret());
        return http.postForm(url, form, null, null);
    }

    /**
     * @param response the token endpoint's answer
     * @param failure  the code for an answer whose tokens cannot be used
     * @param action   "Token exchange" or "Token refresh", for the message
     * @return the grant, or empty for a refusal or an answer without {@code access_token}
     * @throws IntegrationException {@code failure} (status 200) when a token or the token type holds a control
     *                              character: it could never be sent in a header (docs/behaviour.md#fix-13)
     */
    private Optional<TokenGrant> grantFrom(ProviderResponse response, IntegrationError failure, String action) {
        if (response.status() != 200) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> json = response.jsonObject();
        if (json.isEmpty()
                || !(json.get().get("access_token") instanceof String accessToken)
                || accessToken.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> body = json.get();
        for (String field : List.of("access_token", "refresh_token", "token_type")) {
            if (body.get(field) instanceof String text && !HeaderValues.isSendable(text)) {
                LOG.warn("{} answer's {} contains a control character; refused", action, field);
                throw IntegrationException.fromProviderAnswer(
                        failure,
                        action + " failed: the provider's " + field
                                + " contains a control character (a line break, tab or NUL) and cannot be used",
                        response.status(),
                        null);
            }
        }
        Instant now = clock.instant();
        String refreshToken = body.get("refresh_token") instanceof String text ? text : null;
        String tokenType = body.get("token_type") instanceof String text && !text.isEmpty() ? text : "Bearer";
        Instant expiresAt =
                expiresIn(body.get("expires_in")).map(now::plusSeconds).orElse(null);
        return Optional.of(new TokenGrant(accessToken, refreshToken, tokenType, expiresAt, now));
    }

    private static Optional<Long> expiresIn(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof String text && text.matches("\\d{1,12}")) {
            return Optional.of(Long.parseLong(text));
        }
        return Optional.empty();
    }

    private static ClientCredentials clientCredentials(Map<String, ?> data) {
        Optional<String> id = FieldText.of(data, Fields.CLIENT_ID);
        Optional<String> secret = FieldText.of(data, Fields.CLIENT_SECRET);
        if (id.isEmpty() || secret.isEmpty()) {
            throw new IntegrationException(
                    IntegrationError.CLIENT_CREDENTIALS_NOT_CONFIGURED,
                    "Both client_id and client_secret must be saved before calling the token endpoint");
        }
        return new ClientCredentials(id.get(), secret.get());
    }

    private static String hostOf(OAuthConfig config, Map<String, ?> data) {
        return ProviderHttp.hostOf(URI.create(UrlTemplate.interpolate(config.tokenUrl(), data, config.urlDefaults())));
    }

    private record ClientCredentials(String id, String secret) {
        @Override
        public String toString() {
            return "ClientCredentials[" + id + ", <redacted>]";
        }
    }
}
