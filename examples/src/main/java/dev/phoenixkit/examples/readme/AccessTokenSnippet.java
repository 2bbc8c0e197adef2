package dev.phoenixkit.examples.readme;

import dev.phoenixkit.integrations.AccessToken;
import dev.phoenixkit.integrations.Integrations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.web.client.RestClient;

/**
 * The README's token snippets, compiled (regions {@code access-token-jdk} and {@code access-token-spring}) and run
 * against the testkit's fake provider by {@code AccessTokenSnippetTest}.
 */
public final class AccessTokenSnippet {
    private AccessTokenSnippet() {
    }

    /**
     * @param integrations the facade
     * @param uuid         an OAuth2 connection (or one with an API key)
     * @param httpClient   any JDK client
     * @param resource     a provider URL
     * @return the provider's answer
     * @throws IOException          when sending fails
     * @throws InterruptedException when interrupted
     */
    public static HttpResponse<String> withJdkHttpClient(Integrations integrations, UUID uuid, HttpClient httpClient,
            URI resource) throws IOException, InterruptedException {
        // region access-token-jdk
        // from examples/src/main/java/dev/phoenixkit/examples/readme/AccessTokenSnippet.java
        AccessToken token = integrations.accessToken(uuid); // refreshed first (single-flight) when (nearly) expired
        HttpRequest request = HttpRequest.newBuilder(resource)
                .header("Authorization", token.authorizationHeader()) // "Bearer ya29...."
                .build();
        HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
        // endregion
        return response;
    }

    /**
     * @param integrations the facade
     * @param uuid         an OAuth2 connection (or one with an API key)
     * @param resource     a provider URL
     * @return the provider's answer body
     */
    public static String withSpringRestClient(Integrations integrations, UUID uuid, URI resource) {
        // region access-token-spring
        // Spring's RestClient: ask for the token per request, in an interceptor, instead of keeping it
        RestClient restClient = RestClient.builder()
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set("Authorization", integrations.accessToken(uuid).authorizationHeader());
                    return execution.execute(request, body);
                })
                .build();
        String body = restClient.get().uri(resource).retrieve().body(String.class);
        // endregion
        return body;
    }
}
