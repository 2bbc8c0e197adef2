package dev.phoenixkit.testkit.fake.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.phoenixkit.testkit.fake.FakeAccount;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fake's protected endpoints: userinfo, API-key validation and a generic resource. */
public final class ResourceEndpoints {
    private final ServerSettings settings;

    /** @param settings the shared settings */
    public ResourceEndpoints(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Google-shaped userinfo ({@code id, email, verified_email, name, picture}).
     *
     * @param exchange the exchange
     * @throws IOException when the client went away
     */
    public void googleUserinfo(HttpExchange exchange) throws IOException {
        if (!hasValidAccessToken(exchange)) {
            unauthorized(exchange);
            return;
        }
        FakeAccount account = settings.account();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", account.id());
        if (account.email() != null) {
            body.put("email", account.email());
            body.put("verified_email", true);
        }
        body.put("name", account.name());
        if (account.picture() != null) {
            body.put("picture", account.picture());
        }
        Exchanges.json(exchange, 200, body);
    }

    /**
     * Microsoft-Graph-shaped {@code /me} ({@code id, displayName, mail, userPrincipalName}).
     *
     * @param exchange the exchange
     * @throws IOException when the client went away
     */
    public void graphMe(HttpExchange exchange) throws IOException {
        if (!hasValidAccessToken(exchange)) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("code", "InvalidAuthenticationToken");
            inner.put("message", "Access token is empty, invalid or expired.");
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Exchanges.json(exchange, 401, Map.of("error", inner));
            return;
        }
        FakeAccount account = settings.account();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users/$entity");
        body.put("id", account.id());
        body.put("displayName", account.name());
        body.put("mail", account.email());
        body.put("userPrincipalName", account.userPrincipalName());
        Exchanges.json(exchange, 200, body);
    }

    /**
     * An API-key validation endpoint: 200 for a known key, 401 otherwise.
     *
     * @param exchange the exchange
     * @param path     the request path, which selects the provider's answer shape
     * @throws IOException when the client went away
     */
    public void apiKey(HttpExchange exchange, String path) throws IOException {
        Optional<String> key = Exchanges.bearer(exchange);
        if (key.isEmpty() || !settings.apiKeys.contains(key.get())) {
            Exchanges.json(exchange, 401, Map.of("error", Map.of("message", "Invalid API key", "code", 401)));
            return;
        }
        if (path.equals("/api/v1/auth/key")) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("label", "fake key");
            data.put("usage", 0);
            data.put("limit", null);
            data.put("is_free_tier", true);
            Exchanges.json(exchange, 200, Map.of("data", data));
        } else {
            Exchanges.json(
                    exchange,
                    200,
                    Map.of("object", "list", "data", List.of(Map.of("id", "fake-model", "object", "model"))));
        }
    }

    /**
     * A protected resource: 200 echoing the method and path for a valid access token or API key, 401 otherwise.
     *
     * @param exchange the exchange
     * @throws IOException when the client went away
     */
    public void resource(HttpExchange exchange) throws IOException {
        Optional<String> token = Exchanges.bearer(exchange);
        boolean valid = token.isPresent()
                && (settings.tokens.isAccessTokenValid(
                                token.get(), settings.clock().instant())
                        || settings.apiKeys.contains(token.get()));
        if (!valid) {
            unauthorized(exchange);
            return;
        }
        Exchanges.json(
                exchange,
                200,
                Map.of(
                        "ok",
                        true,
                        "method",
                        exchange.getRequestMethod(),
                        "path",
                        exchange.getRequestURI().getPath()));
    }

    private boolean hasValidAccessToken(HttpExchange exchange) {
        Optional<String> token = Exchanges.bearer(exchange);
        return token.isPresent()
                && settings.tokens.isAccessTokenValid(
                        token.get(), settings.clock().instant());
    }

    private static void unauthorized(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        Exchanges.json(exchange, 401, OAuthEndpoints.error("invalid_token", "missing, unknown or expired token"));
    }
}
