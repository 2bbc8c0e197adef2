package dev.phoenixkit.testkit.fake.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fake authorization server: {@code /authorize} and {@code /token}. */
public final class OAuthEndpoints {
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final ServerSettings settings;

    /** @param settings the shared settings */
    public OAuthEndpoints(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Handles an authorization request: validates it and redirects with a code (the user always consents).
     *
     * @param exchange the exchange
     * @param params   the query parameters
     * @throws IOException when the client went away
     */
    public void authorize(HttpExchange exchange, Map<String, String> params) throws IOException {
        String clientId = params.get("client_id");
        String redirectUri = params.get("redirect_uri");
        if (clientId == null || !settings.clients.containsKey(clientId)) {
            Exchanges.json(exchange, 400, error("invalid_client", "unknown client_id"));
            return;
        }
        if (redirectUri == null || !isAbsolute(redirectUri)) {
            Exchanges.json(exchange, 400, error("invalid_request", "redirect_uri is missing or not absolute"));
            return;
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            redirectWithError(exchange, redirectUri, state, "unsupported_response_type");
            return;
        }
        String challenge = params.get("code_challenge");
        String method = params.getOrDefault("code_challenge_method", challenge == null ? null : "plain");
        if (challenge == null && settings.requirePkce()
                || challenge != null && !"S256".equals(method) && !"plain".equals(method)) {
            redirectWithError(exchange, redirectUri, state, "invalid_request");
            return;
        }
        Instant now = settings.clock().instant();
        String code = settings.tokens.issueCode(new TokenStore.PendingCode(
                clientId, redirectUri, challenge, method, params.getOrDefault("scope", ""), now.plus(CODE_LIFETIME)));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        if (state != null) {
            answer.put("state", state);
        }
        Exchanges.redirect(exchange, appendQuery(redirectUri, answer));
    }

    /**
     * Handles a token request ({@code authorization_code} or {@code refresh_token} grant).
     *
     * @param exchange the exchange
     * @param form     the form parameters
     * @throws IOException when the client went away
     */
    public void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        token(exchange, form, false);
    }

    /**
     * Handles a token request, optionally ending every token of the answer in CR LF
     * ({@link dev.phoenixkit.testkit.fake.Fault#LINE_BREAK_IN_TOKEN}).
     *
     * @param exchange  the exchange
     * @param form      the form parameters
     * @param lineBreak whether the answer's tokens end in CR LF
     * @throws IOException when the client went away
     */
    public void token(HttpExchange exchange, Map<String, String> form, boolean lineBreak) throws IOException {
        Optional<String> clientId = authenticateClient(exchange, form);
        if (clientId.isEmpty()) {
            Exchanges.json(exchange, 401, error("invalid_client", "client authentication failed"));
            return;
        }
        String grantType = form.getOrDefault("grant_type", "");
        switch (grantType) {
            case "authorization_code" -> exchangeCode(exchange, form, clientId.get(), lineBreak);
            case "refresh_token" -> refresh(exchange, form, clientId.get(), lineBreak);
            default -> Exchanges.json(exchange, 400, error("unsupported_grant_type", "grant_type " + grantType));
        }
    }

    private void exchangeCode(HttpExchange exchange, Map<String, String> form, String clientId, boolean lineBreak)
            throws IOException {
        Instant now = settings.clock().instant();
        Optional<TokenStore.PendingCode> redeemed = settings.tokens.redeemCode(form.getOrDefault("code", ""), now);
        if (redeemed.isEmpty()) {
            Exchanges.json(exchange, 400, error("invalid_grant", "unknown, used or expired code"));
            return;
        }
        TokenStore.PendingCode pending = redeemed.get();
        if (!pending.clientId().equals(clientId) || !pending.redirectUri().equals(form.get("redirect_uri"))) {
            Exchanges.json(exchange, 400, error("invalid_grant", "client_id or redirect_uri does not match"));
            return;
        }
        if (pending.codeChallenge() != null
                && !TokenStore.pkceMatches(
                        pending.codeChallenge(), pending.challengeMethod(), form.get("code_verifier"))) {
            Exchanges.json(exchange, 400, error("invalid_grant", "PKCE verification failed"));
            return;
        }
        Map<String, Object> body = accessTokenBody(clientId, pending.scope(), now);
        body.put("refresh_token", settings.tokens.issueRefreshToken(clientId, pending.scope()));
        Exchanges.json(exchange, 200, lineBreak ? withLineBreaks(body) : body);
    }

    private void refresh(HttpExchange exchange, Map<String, String> form, String clientId, boolean lineBreak)
            throws IOException {
        boolean rotate = settings.rotateRefreshTokens();
        Optional<TokenStore.RefreshGrant> grant =
                settings.tokens.useRefreshToken(form.getOrDefault("refresh_token", ""), rotate);
        if (grant.isEmpty() || !grant.get().clientId().equals(clientId)) {
            Exchanges.json(exchange, 400, error("invalid_grant", "unknown or revoked refresh token"));
            return;
        }
        Map<String, Object> body =
                accessTokenBody(clientId, grant.get().scope(), settings.clock().instant());
        if (rotate) {
            body.put(
                    "refresh_token",
                    settings.tokens.issueRefreshToken(clientId, grant.get().scope()));
        }
        Exchanges.json(exchange, 200, lineBreak ? withLineBreaks(body) : body);
    }

    /** The answer with CR LF appended to its tokens (the issued tokens themselves stay as stored). */
    private static Map<String, Object> withLineBreaks(Map<String, Object> body) {
        Map<String, Object> broken = new LinkedHashMap<>(body);
        for (String field : List.of("access_token", "refresh_token")) {
            if (broken.get(field) instanceof String token) {
                broken.put(field, token + "\r\n");
            }
        }
        return broken;
    }

    private Map<String, Object> accessTokenBody(String clientId, String scope, Instant now) {
        Duration lifetime = settings.accessTokenLifetime();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", settings.tokens.issueAccessToken(clientId, now.plus(lifetime)));
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        body.put("scope", scope);
        return body;
    }

    private Optional<String> authenticateClient(HttpExchange exchange, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            id = Forms.decode(decoded.substring(0, colon));
            secret = Forms.decode(decoded.substring(colon + 1));
        }
        if (id == null || secret == null || !secret.equals(settings.clients.get(id))) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static void redirectWithError(HttpExchange exchange, String redirectUri, String state, String error)
            throws IOException {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        if (state != null) {
            answer.put("state", state);
        }
        Exchanges.redirect(exchange, appendQuery(redirectUri, answer));
    }

    private static String appendQuery(String uri, Map<String, String> params) {
        return uri + (uri.contains("?") ? "&" : "?") + Forms.encode(params);
    }

    private static boolean isAbsolute(String uri) {
        try {
            return new URI(uri).isAbsolute();
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    /**
     * @param code        the RFC 6749 error code
     * @param description the description
     * @return the JSON error body
     */
    public static Map<String, Object> error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }
}
