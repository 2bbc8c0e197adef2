package dev.phoenixkit.integrations.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's answer: status and body. Immutable. {@link #toString()} omits the body, which may hold tokens.
 *
 * @param status the HTTP status
 * @param body   the raw body
 */
public record ProviderResponse(int status, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** @return the body parsed as a JSON object, or empty when it is not one */
    public Optional<Map<String, Object>> jsonObject() {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(body, MAP));
        } catch (IOException | RuntimeException notAnObject) {
            return Optional.empty();
        }
    }

    /** @return the RFC 6749 {@code error} code of a JSON error body, if there is one */
    public Optional<String> oauthError() {
        return jsonObject().map(json -> json.get("error")).filter(String.class::isInstance).map(String.class::cast);
    }

    @Override
    public String toString() {
        return "ProviderResponse[" + status + ", " + body.length + " bytes]";
    }
}
