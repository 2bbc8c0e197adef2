package dev.phoenixkit.integrations.internal.protocol;

import java.net.http.HttpRequest;
import java.util.Objects;

/** Puts a bearer token on a caller's request. */
public final class BearerRequests {
    private BearerRequests() {}

    /**
     * @param request the caller's request
     * @param token   the token (may be empty)
     * @return a copy without any {@code Authorization} header (any case), with {@code Authorization: Bearer <token>}
     */
    public static HttpRequest withBearer(HttpRequest request, String token) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(token, "token");
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                .header("Authorization", "Bearer " + token)
                .build();
    }
}
