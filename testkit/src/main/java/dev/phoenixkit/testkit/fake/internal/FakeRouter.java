package dev.phoenixkit.testkit.fake.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.Fault;
import dev.phoenixkit.testkit.fake.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Records each request, applies latency and faults, and dispatches to the endpoint. */
public final class FakeRouter implements HttpHandler {
    private static final Pattern MICROSOFT_AUTHORIZE = Pattern.compile("^/[^/]+/oauth2/v2\\.0/authorize$");
    private static final Pattern MICROSOFT_TOKEN = Pattern.compile("^/[^/]+/oauth2/v2\\.0/token$");
    private static final Pattern TELEGRAM_GET_ME = Pattern.compile("^/bot[^/]+/getMe$");

    private final ServerSettings settings;
    private final OAuthEndpoints oauth;
    private final ResourceEndpoints resources;

    /** @param settings the shared settings */
    public FakeRouter(ServerSettings settings) {
        this.settings = settings;
        this.oauth = new OAuthEndpoints(settings);
        this.resources = new ResourceEndpoints(settings);
    }

    /** Thrown to make the server drop the connection without answering ({@link Fault#DISCONNECT}). */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("fault DISCONNECT: dropping the connection", null, false, false);
        }
    }

    /**
     * @param path a request path
     * @return the endpoint group serving it, if any
     */
    public static Optional<FakeEndpoint> route(String path) {
        if (path.equals("/o/oauth2/v2/auth")
                || MICROSOFT_AUTHORIZE.matcher(path).matches()) {
            return Optional.of(FakeEndpoint.AUTHORIZE);
        }
        if (path.equals("/token") || MICROSOFT_TOKEN.matcher(path).matches()) {
            return Optional.of(FakeEndpoint.TOKEN);
        }
        if (path.equals("/oauth2/v2/userinfo") || path.equals("/v1.0/me")) {
            return Optional.of(FakeEndpoint.USERINFO);
        }
        if (path.equals("/api/v1/auth/key")
                || path.equals("/v1/models")
                || path.equals("/models")
                || path.equals("/v1/user")
                || path.equals("/rate_limit")
                || path.equals("/v3/account")
                || TELEGRAM_GET_ME.matcher(path).matches()) {
            return Optional.of(FakeEndpoint.API_KEY);
        }
        if (path.equals("/resource") || path.startsWith("/resource/")) {
            return Optional.of(FakeEndpoint.RESOURCE);
        }
        return Optional.empty();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean dropped = false;
        try {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> params = Forms.parse(exchange.getRequestURI().getRawQuery());
            params.putAll(readForm(exchange));
            Optional<FakeEndpoint> endpoint = route(path);
            Map<String, List<String>> headers = lowerCasedHeaders(exchange);
            settings.record(new RecordedRequest(endpoint, exchange.getRequestMethod(), path, headers, params));
            if (endpoint.isEmpty()) {
                Exchanges.json(exchange, 404, OAuthEndpoints.error("not_found", "no fake endpoint at " + path));
                return;
            }
            settings.gate(endpoint.get()).ifPresent(FakeRouter::passGate);
            pause(settings.latency(endpoint.get()));
            Optional<Fault> fault = settings.faults.take(endpoint.get());
            if (fault.isPresent() && answerWithFault(exchange, endpoint.get(), fault.get(), params, headers)) {
                return;
            }
            dispatch(exchange, endpoint.get(), path, params, fault.orElse(null) == Fault.LINE_BREAK_IN_TOKEN);
        } catch (DroppedConnection drop) {
            dropped = true;
            throw drop;
        } finally {
            if (!dropped) {
                exchange.close();
            }
        }
    }

    private void dispatch(
            HttpExchange exchange, FakeEndpoint endpoint, String path, Map<String, String> params, boolean lineBreak)
            throws IOException {
        switch (endpoint) {
            case AUTHORIZE -> oauth.authorize(exchange, params);
            case TOKEN -> {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    Exchanges.json(exchange, 405, OAuthEndpoints.error("invalid_request", "token needs POST"));
                } else {
                    oauth.token(exchange, params, lineBreak);
                }
            }
            case USERINFO -> {
                if (path.equals("/v1.0/me")) {
                    resources.graphMe(exchange);
                } else {
                    resources.googleUserinfo(exchange);
                }
            }
            case API_KEY -> resources.apiKey(exchange, path);
            case RESOURCE -> resources.resource(exchange);
        }
    }

    /** @return whether the fault answered; {@code false} when the normal answer should follow (SLOW) */
    private boolean answerWithFault(
            HttpExchange exchange,
            FakeEndpoint endpoint,
            Fault fault,
            Map<String, String> params,
            Map<String, List<String>> headers)
            throws IOException {
        switch (fault) {
            case UNAUTHORIZED ->
                Exchanges.json(
                        exchange,
                        401,
                        endpoint == FakeEndpoint.TOKEN
                                ? OAuthEndpoints.error("invalid_client", "fault UNAUTHORIZED")
                                : OAuthEndpoints.error("invalid_token", "fault UNAUTHORIZED"));
            case FORBIDDEN -> Exchanges.json(exchange, 403, OAuthEndpoints.error("access_denied", "fault FORBIDDEN"));
            case TOO_MANY_REQUESTS -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                Exchanges.json(exchange, 429, OAuthEndpoints.error("rate_limited", "fault TOO_MANY_REQUESTS"));
            }
            case SERVER_ERROR -> Exchanges.json(exchange, 500, OAuthEndpoints.error("server_error", "fault"));
            case SERVICE_UNAVAILABLE ->
                Exchanges.json(exchange, 503, OAuthEndpoints.error("temporarily_unavailable", "fault"));
            case MALFORMED_JSON -> Exchanges.send(exchange, 200, "application/json", "{\"access_token\": <oops");
            case MISSING_ACCESS_TOKEN ->
                Exchanges.json(
                        exchange,
                        200,
                        endpoint == FakeEndpoint.TOKEN ? Map.of("token_type", "Bearer", "expires_in", 3600) : Map.of());
            case INVALID_GRANT ->
                Exchanges.json(exchange, 400, OAuthEndpoints.error("invalid_grant", "fault INVALID_GRANT"));
            case DISCONNECT -> throw new DroppedConnection();
            case ECHO_REQUEST -> Exchanges.json(exchange, 500, echo(params, headers));
            case SLOW -> {
                pause(settings.slowDelay());
                return false;
            }
            case LINE_BREAK_IN_TOKEN -> {
                return false; // the normal answer, its tokens ending in CR LF (dispatch)
            }
        }
        return true;
    }

    /** A 500 body that echoes everything the request carried, the encoded form even as the error code. */
    private static Map<String, Object> echo(Map<String, String> params, Map<String, List<String>> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", Forms.encode(params));
        body.put("error_description", "echo of " + params + " with headers " + headers);
        body.put("params", params);
        body.put("headers", headers);
        return body;
    }

    private static void passGate(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits, unless the server closes first: then the connection is dropped instead of answered. */
    private void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        boolean closing;
        try {
            closing = settings.closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            closing = true;
        }
        if (closing) {
            throw new DroppedConnection();
        }
    }

    private static Map<String, String> readForm(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length == 0
                || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        return Forms.parse(new String(body, StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> lowerCasedHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.computeIfAbsent(
                                name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                        .addAll(values));
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }
}
