package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.internal.http.HeaderValues;
import java.net.http.HttpRequest;
import java.util.Objects;

/** Puts a bearer token on a caller's request. */
public final class BearerRequests {
    private BearerRequests() {}

    /**
     * @param request the caller's request
     * @param token   the token (may be empty)
     * @return a copy without any {@code Authorization} header (any case), with {@code Authorization: Bearer <token>}
     * @throws dev.phoenixkit.integrations.IntegrationException {@code INVALID_SECRET} when the token holds a control
     *                                                          character (the message never carries it)
     */
    public static HttpRequest withBearer(HttpRequest request, String token) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(token, "token");
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"));
        return HeaderValues.build(HeaderValues.header(builder, "Authorization", "Bearer " + token));
    }
}
