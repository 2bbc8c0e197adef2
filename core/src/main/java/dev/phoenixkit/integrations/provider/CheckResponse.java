package dev.phoenixkit.integrations.provider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's answer to a {@link CheckContext} call. Immutable; {@link #toString()} omits the body and headers,
 * which may echo secrets.
 *
 * @param status  the HTTP status
 * @param headers the response headers, lower-case names to values
 * @param body    the raw body
 */
public record CheckResponse(int status, Map<String, List<String>> headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** Copies the headers; keeps the body array as given. */
    public CheckResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** @return the body as UTF-8 text */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the body parsed as a JSON object, or empty when it is not one */
    public Optional<Map<String, Object>> json() {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(body, MAP));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckResponse that
                && status == that.status
                && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(status, headers) + java.util.Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "CheckResponse[" + status + ", " + body.length + " bytes]";
    }
}
