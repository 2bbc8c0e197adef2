package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.AccessToken;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.internal.http.HeaderValues;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.protocol.BearerRequests;
import dev.phoenixkit.integrations.internal.service.ConnectionQueries;
import dev.phoenixkit.integrations.observe.ProviderCallKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code accessToken} and {@code authenticatedRequest} (docs/phoenixkit-reference.md#2-4,
 * docs/decisions/tokens-access.md): hands out, or sends a caller's request with the connection's bearer token,
 * refreshing an expired or nearly expired OAuth2 token first (docs/behaviour.md#fix-5) and, on a 401, refreshing once
 * and retrying once. Thread-safe.
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
    public AuthenticatedRequests(ConnectionQueries queries, TokenRefresher refresher, ProviderHttp http, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The token to use now: the stored one while it is outside the refresh skew, otherwise the result of one
     * single-flight refresh (see {@link TokenRefresher}); an early refresh that fails while the stored token is still
     * valid falls back to the stored token.
     *
     * @param uuid the connection
     * @return the token
     * @throws IntegrationException the {@code getCredentials} errors ({@code DELETED}, {@code NOT_CONFIGURED},
     *                              {@code DECRYPTION_FAILED}, ...); {@code NOT_CONFIGURED} for a connection without
     *                              any token or key; {@code NO_REFRESH_TOKEN} for an expired OAuth2 token that
     *                              cannot be refreshed; {@code TOKEN_REFRESH_FAILED} (cause: the refresh failure,
     *                              with the provider's status) when an expired token's refresh fails
     */
    public AccessToken accessToken(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        Current current = current(uuid);
        IntegrationData data = current.data();
        if (current.value().isEmpty()) {
            throw new IntegrationException(
                    IntegrationError.NOT_CONFIGURED,
                    "Connection " + uuid + " has no access token, API key or bot token");
        }
        if (current.expiry() != null && !current.expiry().isAfter(clock.instant()) && !TokenState.canRefresh(data)) {
            throw new IntegrationException(
                    IntegrationError.NO_REFRESH_TOKEN,
                    "The access token of connection " + uuid + " expired and the connection has no refresh token");
        }
        return AccessToken.of(current.value(), tokenType(data), current.expiry());
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
        Current current = current(uuid);
        String provider = current.data().provider().orElse(ProviderHttp.UNKNOWN_PROVIDER);
        HttpResponse<byte[]> response = ProviderHttp.tagged(
                provider, ProviderCallKind.RESOURCE, () -> http.sendRaw(prepare(request, current.value())));
        if (response.statusCode() != 401) {
            return response;
        }
        if (!TokenState.canRefresh(current.data())) {
            LOG.warn("Connection {}: request got 401 and the connection cannot be refreshed", uuid);
            throw IntegrationException.fromProviderAnswer(
                    IntegrationError.UNAUTHORIZED,
                    "The provider answered 401 Unauthorized for connection " + uuid,
                    401,
                    null);
        }
        TokenSnapshot fresh;
        try {
            fresh = refresher.refresh(uuid, current.used());
        } catch (IntegrationException e) {
            LOG.warn("Connection {}: request got 401 and the token refresh failed: {}", uuid, e.getMessage());
            throw IntegrationException.causedBy(
                    IntegrationError.TOKEN_REFRESH_FAILED,
                    "Token refresh failed after a 401 for connection " + uuid,
                    e);
        }
        return ProviderHttp.tagged(
                provider, ProviderCallKind.RESOURCE, () -> http.sendRaw(prepare(request, fresh.accessToken())));
    }

    /** Reads the connection and refreshes its token first when it is stale (expired or within the skew). */
    private Current current(UUID uuid) {
        IntegrationData data = queries.getCredentials(uuid.toString(), Owner.SYSTEM);
        TokenSnapshot used = TokenSnapshot.of(data);
        String value = TokenState.bearerToken(data);
        Instant expiry = used.accessToken() != null ? used.expiry().orElse(null) : null;
        if (refresher.needsRefresh(data)) {
            Optional<TokenSnapshot> refreshed = refreshBeforeUse(uuid, data, used);
            if (refreshed.isPresent()) {
                used = refreshed.get();
                value = used.accessToken();
                expiry = used.expiry().orElse(null);
            }
        }
        return new Current(data, used, value, expiry);
    }

    /** PhoenixKit stores the provider's {@code token_type}; "bearer" in any case is written {@code Bearer}. */
    private static String tokenType(IntegrationData data) {
        Optional<String> stored = data.getString(Fields.TOKEN_TYPE);
        if (data.getString(Fields.ACCESS_TOKEN).isEmpty()
                || stored.isEmpty()
                || "bearer".equalsIgnoreCase(stored.get())) {
            return "Bearer";
        }
        return stored.get();
    }

    /** The connection as read, the token fields in use, the token to send and its expiry ({@code null}: unknown). */
    private record Current(IntegrationData data, TokenSnapshot used, String value, Instant expiry) {
        @Override
        public String toString() {
            return "Current[used=" + used + "]";
        }
    }

    /** @return the refreshed token fields, or empty to go on with the still valid token after a failed refresh */
    private Optional<TokenSnapshot> refreshBeforeUse(UUID uuid, IntegrationData data, TokenSnapshot seen) {
        try {
            return Optional.of(refresher.refresh(uuid, seen));
        } catch (IntegrationException e) {
            if (TokenState.isExpired(data, clock.instant())) {
                throw IntegrationException.causedBy(
                        IntegrationError.TOKEN_REFRESH_FAILED,
                        "The access token of connection " + uuid + " expired and its refresh failed",
                        e);
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
        return HeaderValues.build(
                HttpRequest.newBuilder(withBearer, (name, value) -> true).timeout(http.timeout()));
    }
}
