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
     * A key-validation endpoint, in the shape of the provider its path belongs to: the key where that provider
     * expects it (Bearer; ElevenLabs {@code xi-api-key}; Brevo {@code api-key}; Telegram in the path), 200 with a
     * provider-shaped body for a known key, the provider's own refusal otherwise.
     *
     * @param exchange the exchange
     * @param path     the request path, which selects the provider
     * @throws IOException when the client went away
     */
    public void apiKey(HttpExchange exchange, String path) throws IOException {
        if (path.startsWith("/bot")) {
            telegramGetMe(exchange, path.substring("/bot".length(), path.length() - "/getMe".length()));
            return;
        }
        switch (path) {
            case "/v1/user" -> elevenLabsUser(exchange);
            case "/rate_limit" -> gitHubRateLimit(exchange);
            case "/v3/account" -> brevoAccount(exchange);
            default -> bearerKey(exchange, path);
        }
    }

    private void bearerKey(HttpExchange exchange, String path) throws IOException {
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

    /** ElevenLabs {@code GET /v1/user}: the key, unprefixed, in {@code xi-api-key}. */
    private void elevenLabsUser(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("xi-api-key");
        if (key == null || !settings.apiKeys.contains(key)) {
            Exchanges.json(
                    exchange, 401, Map.of("detail", Map.of("status", "invalid_api_key", "message", "Invalid API key")));
            return;
        }
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("tier", "free");
        subscription.put("character_count", 0);
        subscription.put("character_limit", 10_000);
        Exchanges.json(exchange, 200, Map.of("user_id", "fake-user", "subscription", subscription));
    }

    /** GitHub {@code GET /rate_limit}: Bearer, and GitHub refuses any request without a {@code User-Agent}. */
    private void gitHubRateLimit(HttpExchange exchange) throws IOException {
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        if (userAgent == null || userAgent.isBlank()) {
            Exchanges.send(
                    exchange,
                    403,
                    "text/plain",
                    "Request forbidden by administrative rules. Please make sure your request has a User-Agent header");
            return;
        }
        Optional<String> key = Exchanges.bearer(exchange);
        if (key.isEmpty() || !settings.apiKeys.contains(key.get())) {
            Exchanges.json(
                    exchange,
                    401,
                    Map.of(
                            "message",
                            "Bad credentials",
                            "documentation_url",
                            "https://docs.github.com/rest",
                            "status",
                            "401"));
            return;
        }
        Map<String, Object> core = new LinkedHashMap<>();
        core.put("limit", 5000);
        core.put("used", 0);
        core.put("remaining", 5000);
        core.put("reset", settings.clock().instant().getEpochSecond() + 3600);
        Exchanges.json(exchange, 200, Map.of("resources", Map.of("core", core), "rate", core));
    }

    /** Brevo {@code GET /v3/account}: the bare key in {@code api-key}; the plan as set on the server. */
    private void brevoAccount(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("api-key");
        if (key == null || !settings.apiKeys.contains(key)) {
            Exchanges.json(exchange, 401, Map.of("code", "unauthorized", "message", "Key not found"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", settings.account().email());
        body.put("companyName", "Fake Company");
        body.put("plan", settings.brevoPlan());
        Exchanges.json(exchange, 200, body);
    }

    /** Telegram {@code GET /bot<token>/getMe}: 404 for a token without {@code :}, 401 for an unknown one. */
    private void telegramGetMe(HttpExchange exchange, String token) throws IOException {
        if (!token.contains(":")) {
            Exchanges.json(exchange, 404, Map.of("ok", false, "error_code", 404, "description", "Not Found"));
            return;
        }
        String username = settings.botTokens.get(token);
        if (username == null) {
            Exchanges.json(exchange, 401, Map.of("ok", false, "error_code", 401, "description", "Unauthorized"));
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", 123_456_789L);
        result.put("is_bot", true);
        result.put("first_name", "Fake Bot");
        result.put("username", username);
        Exchanges.json(exchange, 200, Map.of("ok", true, "result", result));
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
