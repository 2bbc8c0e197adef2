package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoenixkit.integrations.AccessToken;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code accessToken(UUID)}: a valid token for any HTTP client, over loopback to the fake provider. */
@PhoenixKitTest
class AccessTokenTest {
    private FacadeFixture fixture;

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static IntegrationException failure(Runnable call) {
        return catchThrowableOfType(IntegrationException.class, call::run);
    }

    /** Sends a GET to the fake's resource endpoint with a plain {@code HttpClient}, the header set by hand. */
    private int sendWithPlainClient(AccessToken token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(fixture.fake.uri("/resource/files"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token.authorizationHeader())
                .GET()
                .build();
        return OAuthFixture.client()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void accessTokenWhenStoredTokenIsOutsideTheSkewThenItIsReturnedWithoutATokenCall() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        var stored = fixture.data(uuid);

        AccessToken token = fixture.integrations.accessToken(uuid);

        assertThat(token.value()).isEqualTo(stored.accessToken().orElseThrow());
        assertThat(token.type()).isEqualTo("Bearer");
        assertThat(token.expiresAt()).contains(Instant.parse((String) stored.get("expires_at")));
        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(sendWithPlainClient(token)).isEqualTo(200);
        assertThat(token.toString()).doesNotContain(token.value()).contains("redacted");
    }

    @Test
    void accessTokenWhenExpiredThenOneRefreshAndTheNewTokenIsStoredAndAccepted() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        String old = fixture.data(uuid).accessToken().orElseThrow();
        fixture.clock.advance(Duration.ofHours(2));

        AccessToken token = fixture.integrations.accessToken(uuid);

        assertThat(fixture.fake.tokenCalls()).isOne();
        assertThat(token.value())
                .isNotEqualTo(old)
                .isEqualTo(fixture.data(uuid).accessToken().orElseThrow());
        assertThat(token.expiresAt())
                .hasValueSatisfying(expiry -> assertThat(expiry).isAfter(fixture.clock.instant()));
        assertThat(sendWithPlainClient(token)).isEqualTo(200);
        RecordedRequest sent = fixture.fake.requests(FakeEndpoint.RESOURCE).get(0);
        assertThat(sent.header("authorization")).contains("Bearer " + token.value());

        assertThat(fixture.integrations.accessToken(uuid)).isEqualTo(token);
        assertThat(fixture.fake.tokenCalls()).isOne();
    }

    @Test
    void accessTokenWhenWithinTheSkewAndRefreshFailsThenTheStillValidTokenIsReturned() {
        UUID uuid = fixture.connectedGoogle("default");
        String stored = fixture.data(uuid).accessToken().orElseThrow();
        fixture.clock.advance(Duration.ofSeconds(3600 - 30));
        fixture.fake.fail(FakeEndpoint.TOKEN, Fault.SERVICE_UNAVAILABLE);

        assertThat(fixture.integrations.accessToken(uuid).value()).isEqualTo(stored);
        assertThat(fixture.fake.tokenCalls()).isOne();
    }

    @Test
    void accessTokenWhenExpiredAndRefreshFailsThenTokenRefreshFailedWithTheProvidersStatus() {
        FakeTokens tokens = fixture.fake.issueTokens();
        UUID uuid = fixture.googleWithTokens("default", tokens, FacadeFixture.START.minusSeconds(1));
        fixture.fake.fail(FakeEndpoint.TOKEN, Fault.INVALID_GRANT);

        IntegrationException e = failure(() -> fixture.integrations.accessToken(uuid));

        assertThat(e.error()).isEqualTo(IntegrationError.TOKEN_REFRESH_FAILED);
        assertThat(e.getCause()).isInstanceOfSatisfying(IntegrationException.class, cause -> {
            assertThat(cause.oauthError()).contains("invalid_grant");
            assertThat(cause.httpStatus()).hasValue(400);
        });
        assertThat(e.getMessage()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.ERROR);
    }

    @Test
    void accessTokenWhenExpiredWithoutRefreshTokenThenNoRefreshToken() {
        UUID uuid = fixture.oauthConnection(
                "google",
                "default",
                Map.of(
                        "access_token",
                        "at-old",
                        "expires_at",
                        FacadeFixture.START.minusSeconds(1).toString(),
                        "status",
                        "connected"));

        assertThat(failure(() -> fixture.integrations.accessToken(uuid)).error())
                .isEqualTo(IntegrationError.NO_REFRESH_TOKEN);
        assertThat(fixture.fake.tokenCalls()).isZero();
    }

    @Test
    void accessTokenWhenApiKeyConnectionThenTheKeyWithoutExpiry() {
        UUID uuid = fixture.integrations.addConnection("openrouter", "default").uuid();
        fixture.integrations.saveSetup(uuid, Map.of("api_key", "sk-key"));

        AccessToken token = fixture.integrations.accessToken(uuid);

        assertThat(token.value()).isEqualTo("sk-key");
        assertThat(token.type()).isEqualTo("Bearer");
        assertThat(token.expiresAt()).isEmpty();
    }

    @Test
    void accessTokenWhenConnectionDeletedOrUnconfiguredThenTheGetCredentialsErrors() {
        UUID ghost = UUID.fromString("00000000-0000-7000-8000-000000000000");
        UUID bare = fixture.integrations.addConnection("openrouter", "bare").uuid();

        assertThat(failure(() -> fixture.integrations.accessToken(ghost)).error())
                .isEqualTo(IntegrationError.DELETED);
        assertThat(failure(() -> fixture.integrations.accessToken(bare)).error())
                .isEqualTo(IntegrationError.NOT_CONFIGURED);
    }
}
