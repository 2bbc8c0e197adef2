package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeTokens;
import dev.phoenixkit.testkit.fake.Fault;
import dev.phoenixkit.testkit.fake.RecordedRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code authenticatedRequest} through the facade (docs/phoenixkit-reference.md#2-4 plus docs/behaviour.md#fix-5), over loopback. */
@PhoenixKitTest
class AuthenticatedRequestTest {
    private FacadeFixture fixture;

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
        fixture.fake.slowDelay(Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private HttpRequest.Builder resource() {
        return HttpRequest.newBuilder(fixture.fake.uri("/resource/files")).timeout(Duration.ofSeconds(30));
    }

    private static IntegrationException failure(Runnable call) {
        return catchThrowableOfType(IntegrationException.class, call::run);
    }

    @Test
    void authenticatedRequestWhenTokenValidThenBearerReplacesAnyAuthorizationHeader() {
        UUID uuid = fixture.connectedGoogle("default");
        String token = fixture.data(uuid).accessToken().orElseThrow();
        HttpRequest request = resource()
                .header("authorization", "Basic stale")
                .header("X-Trace", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        HttpResponse<byte[]> response = fixture.integrations.authenticatedRequest(uuid, request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"method\":\"POST\"");
        RecordedRequest sent = fixture.fake.requests(FakeEndpoint.RESOURCE).get(0);
        assertThat(sent.headers().get("authorization")).containsExactly("Bearer " + token);
        assertThat(sent.header("x-trace")).contains("1");
        assertThat(fixture.fake.tokenCalls()).isZero();
    }

    @Test
    void authenticatedRequestWhenApiKeyConnectionThenTheKeyIsTheBearer() {
        fixture.fake.addApiKey("sk-key");
        UUID uuid = fixture.integrations.addConnection("openrouter", "default").uuid();
        fixture.integrations.saveSetup(uuid, Map.of("api_key", "sk-key"));

        assertThat(fixture.integrations
                        .authenticatedRequest(uuid, resource().GET().build())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("401 → one refresh → one retry with the new token")
    void authenticatedRequestWhen401ThenRefreshesOnceAndRetriesOnce() {
        UUID uuid = fixture.connectedGoogle("default");
        String oldToken = fixture.data(uuid).accessToken().orElseThrow();
        fixture.fake.expireAccessTokens();

        HttpResponse<byte[]> response =
                fixture.integrations.authenticatedRequest(uuid, resource().GET().build());

        String newToken = fixture.data(uuid).accessToken().orElseThrow();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE))
                .extracting(r -> r.header("authorization").orElseThrow())
                .containsExactly("Bearer " + oldToken, "Bearer " + newToken);
    }

    @Test
    void authenticatedRequestWhenRetryAlso401ThenThatResponseIsReturned() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.fake.fail(FakeEndpoint.RESOURCE, Fault.UNAUTHORIZED);

        HttpResponse<byte[]> response =
                fixture.integrations.authenticatedRequest(uuid, resource().GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE)).hasSize(2);
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-5: an expired token is refreshed before the request, not after a 401")
    void authenticatedRequestWhenTokenExpiredThenRefreshedBeforeSending() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.clock.advance(Duration.ofHours(2));

        HttpResponse<byte[]> response =
                fixture.integrations.authenticatedRequest(uuid, resource().GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE)).hasSize(1);
    }

    @Test
    @DisplayName("a token living no longer than the refresh skew is refreshed at half its lifetime, not on every use")
    void authenticatedRequestWhenTokenLifetimeIsShorterThanTheSkewThenItIsNotRefreshedOnEveryUse() {
        fixture.fake.accessTokenLifetime(Duration.ofSeconds(30));
        UUID uuid = fixture.connectedGoogle("default");

        for (int use = 0; use < 3; use++) {
            assertThat(fixture.integrations
                            .authenticatedRequest(uuid, resource().GET().build())
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(fixture.fake.tokenCalls()).isZero();

        fixture.clock.advance(Duration.ofSeconds(20));
        for (int use = 0; use < 3; use++) {
            assertThat(fixture.integrations
                            .authenticatedRequest(uuid, resource().GET().build())
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(fixture.fake.tokenCalls()).isOne();
    }

    @Test
    void authenticatedRequestWhenEarlyRefreshFailsButTokenNotYetExpiredThenTheOldTokenIsUsed() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.clock.advance(Duration.ofSeconds(3600 - 30));
        fixture.fake.fail(FakeEndpoint.TOKEN, Fault.SERVICE_UNAVAILABLE);

        HttpResponse<byte[]> response =
                fixture.integrations.authenticatedRequest(uuid, resource().GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.fake.tokenCalls()).isOne();
    }

    @Test
    void authenticatedRequestWhenExpiredAndRefreshFailsThenTokenRefreshFailedWithoutSending() {
        FakeTokens tokens = fixture.fake.issueTokens();
        UUID uuid = fixture.googleWithTokens("default", tokens, FacadeFixture.START.minusSeconds(1));
        fixture.fake.fail(FakeEndpoint.TOKEN, Fault.INVALID_GRANT);

        IntegrationException e = failure(() ->
                fixture.integrations.authenticatedRequest(uuid, resource().GET().build()));

        assertThat(e.error()).isEqualTo(IntegrationError.TOKEN_REFRESH_FAILED);
        assertThat(e.httpStatus()).hasValue(400);
        assertThat(e.oauthError()).contains("invalid_grant");
        assertThat(e.getCause())
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        cause -> assertThat(cause.oauthError()).contains("invalid_grant"));
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE)).isEmpty();
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.ERROR);
        assertThat(fixture.data(uuid).accessToken()).contains(tokens.accessToken());
    }

    @Test
    void authenticatedRequestWhen401AndRefreshFailsThenTokenRefreshFailed() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.fake.expireAccessTokens().revokeRefreshTokens();

        IntegrationException e = failure(() ->
                fixture.integrations.authenticatedRequest(uuid, resource().GET().build()));

        assertThat(e.error()).isEqualTo(IntegrationError.TOKEN_REFRESH_FAILED);
        assertThat(e.httpStatus()).isPresent();
        assertThat(e.httpStatus()).isEqualTo(((IntegrationException) e.getCause()).httpStatus());
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.ERROR);
    }

    @Test
    void authenticatedRequestWhen401ForApiKeyOrOauthWithoutRefreshTokenThenUnauthorized() {
        UUID apiKey =
                fixture.integrations.addConnection("openrouter", "default").uuid();
        fixture.integrations.saveSetup(apiKey, Map.of("api_key", "sk-unknown"));
        UUID noRefresh = fixture.oauthConnection("google", "default", Map.of("access_token", "at-unknown"));

        for (UUID uuid : List.of(apiKey, noRefresh)) {
            IntegrationException e = failure(() -> fixture.integrations.authenticatedRequest(
                    uuid, resource().GET().build()));
            assertThat(e.error()).isEqualTo(IntegrationError.UNAUTHORIZED);
            assertThat(e.httpStatus()).hasValue(401);
        }
        assertThat(fixture.fake.tokenCalls()).isZero();
    }

    @Test
    void authenticatedRequestWhenConnectionDeletedOrUnconfiguredThenTheGetCredentialsErrors() {
        UUID ghost = UUID.fromString("00000000-0000-7000-8000-000000000000");
        UUID bare = fixture.integrations.addConnection("openrouter", "bare").uuid();

        assertThat(failure(() -> fixture.integrations.authenticatedRequest(
                                ghost, resource().GET().build()))
                        .error())
                .isEqualTo(IntegrationError.DELETED);
        assertThat(failure(() -> fixture.integrations.authenticatedRequest(
                                bare, resource().GET().build()))
                        .error())
                .isEqualTo(IntegrationError.NOT_CONFIGURED);
    }

    @Test
    void authenticatedRequestWhenRequestHasNoTimeoutThenTheHttpTimeoutBoundsIt() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.fake.fail(FakeEndpoint.RESOURCE, Fault.SLOW);
        HttpRequest noTimeout =
                HttpRequest.newBuilder(fixture.fake.uri("/resource")).GET().build();

        IntegrationException e = failure(() -> fixture.impatient().authenticatedRequest(uuid, noTimeout));

        assertThat(e.error()).isEqualTo(IntegrationError.TRANSPORT_FAILED);
    }
}
