package dev.phoenixkit.testkit.fake.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Small helpers for answering {@link HttpExchange}s. */
public final class Exchanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {}

    /**
     * Sends a JSON answer and closes the exchange.
     *
     * @param exchange the exchange
     * @param status   the HTTP status
     * @param body     a value Jackson can write (maps, lists, strings, numbers)
     * @throws IOException when the client went away
     */
    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        try {
            send(exchange, status, "application/json", JSON.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Sends a text answer and closes the exchange.
     *
     * @param exchange    the exchange
     * @param status      the HTTP status
     * @param contentType the content type
     * @param body        the body
     * @throws IOException when the client went away
     */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Sends a redirect and closes the exchange.
     *
     * @param exchange the exchange
     * @param location the target
     * @throws IOException when the client went away
     */
    public static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /**
     * @param exchange the exchange
     * @return the bearer token of the {@code Authorization} header, if any
     */
    public static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }
}
