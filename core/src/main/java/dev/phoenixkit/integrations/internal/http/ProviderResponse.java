package dev.phoenixkit.integrations.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A provider's answer: status and body. Immutable. {@link #toString()} omits the body, which may hold tokens.
 *
 * @param status the HTTP status
 * @param body   the raw body
 */
public record ProviderResponse(int status, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    /** The longest {@code error} code believed. */
    private static final int MAX_ERROR_LENGTH = 64;
    /** RFC 6749 §5.2: {@code error} uses %x20-21 / %x23-5B / %x5D-7E. */
    private static final Pattern ERROR_CODE =
            Pattern.compile("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]{1," + MAX_ERROR_LENGTH + "}");

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

    /**
     * The RFC 6749 {@code error} code of a JSON error body. A server may put anything there, even an echo of the
     * request, so only a plausible code is returned: at most {@value #MAX_ERROR_LENGTH} characters of RFC 6749's
     * error alphabet (printable ASCII except the double quote and the backslash), containing none of the secrets
     * sent.
     *
     * @param sentSecrets the secret values the request carried (tokens, client secret, code, verifier); blank or
     *                    {@code null} entries are ignored
     * @return the error code, if there is a plausible one
     */
    public Optional<String> oauthError(Collection<String> sentSecrets) {
        return jsonObject()
                .map(json -> json.get("error"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(code -> ERROR_CODE.matcher(code).matches())
                .filter(code -> sentSecrets.stream()
                        .noneMatch(secret -> secret != null && !secret.isBlank() && code.contains(secret)));
    }

    @Override
    public String toString() {
        return "ProviderResponse[" + status + ", " + body.length + " bytes]";
    }
}
