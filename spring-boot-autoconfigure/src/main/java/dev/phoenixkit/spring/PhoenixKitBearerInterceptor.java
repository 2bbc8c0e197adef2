package dev.phoenixkit.spring;

import dev.phoenixkit.integrations.AccessToken;
import dev.phoenixkit.integrations.Integrations;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sets the bearer of one connection on every request of a {@code RestClient} or {@code RestTemplate}: the stored
 * token, refreshed first when it is about to expire ({@link Integrations#accessToken(UUID)}), and, after a
 * {@code 401}, one refresh ({@link Integrations#refreshAccessToken(UUID)}) and one resend.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder().baseUrl(api)
 *         .requestInterceptor(PhoenixKitBearerInterceptor.of(integrations, connectionUuid)).build();
 * }</pre>
 */
public final class PhoenixKitBearerInterceptor implements ClientHttpRequestInterceptor {
    private final Integrations integrations;
    private final UUID connection;

    private PhoenixKitBearerInterceptor(Integrations integrations, UUID connection) {
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * @param integrations the facade
     * @param connection   the OAuth2 connection whose token to send
     * @return the interceptor
     */
    public static PhoenixKitBearerInterceptor of(Integrations integrations, UUID connection) {
        return new PhoenixKitBearerInterceptor(integrations, connection);
    }

    /** @return the connection whose token is sent */
    public UUID connection() {
        return connection;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        AccessToken token = integrations.accessToken(connection);
        request.getHeaders().set(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
        ClientHttpResponse response = execution.execute(request, body);
        if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
            return response;
        }
        response.close();
        integrations.refreshAccessToken(connection);
        request.getHeaders()
                .set(
                        HttpHeaders.AUTHORIZATION,
                        integrations.accessToken(connection).authorizationHeader());
        return execution.execute(request, body);
    }

    @Override
    public String toString() {
        return "PhoenixKitBearerInterceptor[connection=" + connection + "]";
    }
}
