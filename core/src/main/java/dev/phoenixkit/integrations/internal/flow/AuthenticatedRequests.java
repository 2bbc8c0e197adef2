package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.internal.service.ConnectionQueries;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.protocol.BearerRequests;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code authenticatedRequest} (docs/phoenixkit-reference.md#2-4): sends a caller's request with the connection's bearer token, refreshing
 * an expired or nearly expired OAuth2 token first (docs/behaviour.md#fix-5) and, on a 401, refreshing once and retrying
 * once. Thread-safe.
 */
public final class AuthenticatedRequests {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatedRequests.class);

    private final ConnectionQueries queries;
    private final TokenRefresher refresher;
    private final ProviderHttp http;
    private final Clock clock;

    /**
     * @param queries   for {@code getCredentials}
     * @param refresher the single-flight refresher
     * @param http      the HTTP plumbing; its timeout applies to requests that carry none
     * @param clock     the clock
     */
    public AuthenticatedRequests(ConnectionQueries queries, TokenRefresher refresher, ProviderHttp http,
            Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param uuid    the connection
     * @param request the request; any {@code Authorization} header is replaced
     * @return the response (after at most one refresh and one retry on 401)
     * @throws IntegrationException the {@code getCredentials} errors; {@code TOKEN_REFRESH_FAILED} when a needed
     *                              refresh fails; {@code UNAUTHORIZED} on a 401 that cannot be refreshed;
     *                              {@code TRANSPORT_FAILED}
     */
    public HttpResponse<byte[]> send(UUID uuid, HttpRequest request) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(request, "request");
        IntegrationData data = queries.getCredentials(uuid.toString());
        TokenSnapshot used = TokenSnapshot.of(data);
        String token = TokenState.bearerToken(data);
        if (refresher.needsRefresh(data)) {
            Optional<TokenSnapshot> refreshed = refreshBeforeUse(uuid, data, used);
            if (refreshed.isPresent()) {
                used = refreshed.get();
                token = used.accessToken();
            }
        }
        HttpResponse<byte[]> response = http.sendRaw(prepare(request, token));
        if (response.statusCode() != 401) {
            return response;
        }
        if (!TokenState.canRefresh(data)) {
            LOG.warn("Connection {}: request got 401 and the connection cannot be refreshed", uuid);
            throw new IntegrationException(IntegrationError.UNAUTHORIZED,
                    "The provider answered 401 Unauthorized for connection " + uuid, null, 401, null);
        }
        TokenSnapshot fresh;
        try {
            fresh = refresher.refresh(uuid, used);
        } catch (IntegrationException e) {
            LOG.warn("Connection {}: request got 401 and the token refresh failed: {}", uuid, e.getMessage());
            throw new IntegrationException(IntegrationError.TOKEN_REFRESH_FAILED,
                    "Token refresh failed after a 401 for connection " + uuid, e);
        }
        return http.sendRaw(prepare(request, fresh.accessToken()));
    }

    /** @return the refreshed token fields, or empty to go on with the still valid token after a failed refresh */
    private Optional<TokenSnapshot> refreshBeforeUse(UUID uuid, IntegrationData data, TokenSnapshot seen) {
        try {
            return Optional.of(refresher.refresh(uuid, seen));
        } catch (IntegrationException e) {
            if (TokenState.isExpired(data, clock.instant())) {
                throw new IntegrationException(IntegrationError.TOKEN_REFRESH_FAILED,
                        "The access token of connection " + uuid + " expired and its refresh failed", e);
            }
            LOG.warn("Connection {}: early refresh failed, using the still valid token: {}", uuid, e.getMessage());
            return Optional.empty();
        }
    }

    private HttpRequest prepare(HttpRequest request, String token) {
        HttpRequest withBearer = BearerRequests.withBearer(request, token);
        if (withBearer.timeout().isPresent()) {
            return withBearer;
        }
        return HttpRequest.newBuilder(withBearer, (name, value) -> true).timeout(http.timeout()).build();
    }
}
