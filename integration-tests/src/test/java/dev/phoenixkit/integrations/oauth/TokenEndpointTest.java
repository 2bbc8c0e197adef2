package dev.phoenixkit.integrations.oauth;

import static dev.phoenixkit.integrations.oauth.OAuthFixture.CLOCK;
import static dev.phoenixkit.integrations.oauth.OAuthFixture.NOW;
import static dev.phoenixkit.integrations.oauth.OAuthFixture.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.LogCapture;
import dev.phoenixkit.integrations.internal.protocol.Pkce;
import dev.phoenixkit.integrations.internal.protocol.TokenEndpoint;
import dev.phoenixkit.integrations.internal.protocol.TokenGrant;
import dev.phoenixkit.integrations.provider.ClientAuthMethod;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.fake.FakeTokens;
import dev.phoenixkit.testkit.fake.Fault;
import dev.phoenixkit.testkit.fake.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/phoenixkit-reference.md#11-4 (exchange_code and refresh_access_token validation) plus the HTTP behaviour, over loopback. */
class TokenEndpointTest {
    private final FakeProviderServer fake = FakeProviderServer.start(CLOCK).requirePkce(true);
    private final TokenEndpoint tokens = new TokenEndpoint(OAuthFixture.http(Duration.ofSeconds(15)), CLOCK);
    private final OAuthConfig google = OAuthFixture.oauth(fake, "google");

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private static IntegrationException failure(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(IntegrationException.class);
        return (IntegrationException) thrown;
    }

    @Test
    void exchangeCodeWhenClientIdOrSecretMissingOrEmptyThenClientCredentialsNotConfiguredWithoutACall() {
        List<Map<String, Object>> incomplete = List.of(
                Map.of("client_secret", "s"), Map.of("client_id", "c"), Map.of("client_id", "", "client_secret", ""));
        for (Map<String, Object> data : incomplete) {
            IntegrationException e = failure(() -> tokens.exchangeCode(google, data, "code", REDIRECT, null));
            assertThat(e.error()).isEqualTo(IntegrationError.CLIENT_CREDENTIALS_NOT_CONFIGURED);
        }
        assertThat(fake.tokenCalls()).isZero();
    }

    @Test
    void refreshWhenRefreshTokenMissingOrEmptyThenNoRefreshTokenCheckedBeforeClientCredentials() {
        assertThat(failure(() -> tokens.refresh(google, Map.of())).error())
                .isEqualTo(IntegrationError.NO_REFRESH_TOKEN);
        assertThat(failure(() -> tokens.refresh(google, Map.of("refresh_token", "")))
                        .error())
                .isEqualTo(IntegrationError.NO_REFRESH_TOKEN);
        assertThat(fake.tokenCalls()).isZero();
    }

    @Test
    void refreshWhenClientCredentialsMissingThenClientCredentialsNotConfigured() {
        assertThat(failure(() -> tokens.refresh(google, Map.of("refresh_token", "rt")))
                        .error())
                .isEqualTo(IntegrationError.CLIENT_CREDENTIALS_NOT_CONFIGURED);
    }

    @Test
    @DisplayName("PKCE verified by the fake server: the right verifier gets tokens with expiry from the clock")
    void exchangeCodeWhenPkceVerifierMatchesThenGrantWithTokensAndExpiry() {
        Pkce pkce = Pkce.generate();
        String code = OAuthFixture.authorize(fake, google, OAuthFixture.clientData(), pkce);

        TokenGrant grant = tokens.exchangeCode(google, OAuthFixture.clientData(), code, REDIRECT, pkce.verifier());

        assertThat(grant.accessToken()).startsWith("fake-at-");
        assertThat(grant.newRefreshToken())
                .hasValueSatisfying(rt -> assertThat(rt).startsWith("fake-rt-"));
        assertThat(grant.tokenType()).isEqualTo("Bearer");
        assertThat(grant.expiry()).contains(NOW.plusSeconds(3600));
        assertThat(grant.obtainedAt()).isEqualTo(NOW);
        assertThat(grant.toString()).doesNotContain(grant.accessToken());
        RecordedRequest request = fake.requests(FakeEndpoint.TOKEN).get(0);
        assertThat(request.param("code_verifier")).contains(pkce.verifier());
        assertThat(request.param("client_secret")).contains(FakeProviderServer.CLIENT_SECRET);
        assertThat(request.param("grant_type")).contains("authorization_code");
        assertThat(request.param("redirect_uri")).contains(REDIRECT);
        assertThat(request.header("Authorization")).isEmpty();
    }

    @Test
    void exchangeCodeWhenVerifierWrongOrMissingThenTokenExchangeFailedWithInvalidGrant() {
        for (String verifier : new String[] {Pkce.generate().verifier(), null}) {
            String code = OAuthFixture.authorize(fake, google, OAuthFixture.clientData(), Pkce.generate());

            IntegrationException e =
                    failure(() -> tokens.exchangeCode(google, OAuthFixture.clientData(), code, REDIRECT, verifier));

            assertThat(e.error()).isEqualTo(IntegrationError.TOKEN_EXCHANGE_FAILED);
            assertThat(e.httpStatus()).hasValue(400);
            assertThat(e.oauthError()).contains("invalid_grant");
        }
    }

    @Test
    void exchangeCodeWhenCodeReplayedThenSecondExchangeFails() {
        Pkce pkce = Pkce.generate();
        String code = OAuthFixture.authorize(fake, google, OAuthFixture.clientData(), pkce);
        tokens.exchangeCode(google, OAuthFixture.clientData(), code, REDIRECT, pkce.verifier());

        IntegrationException e =
                failure(() -> tokens.exchangeCode(google, OAuthFixture.clientData(), code, REDIRECT, pkce.verifier()));

        assertThat(e.oauthError()).contains("invalid_grant");
    }

    @Test
    void exchangeCodeWhen200WithoutAccessTokenOrMalformedThenTokenExchangeFailedWithStatus200() {
        for (Fault fault : List.of(Fault.MISSING_ACCESS_TOKEN, Fault.MALFORMED_JSON)) {
            fake.fail(FakeEndpoint.TOKEN, fault);

            IntegrationException e =
                    failure(() -> tokens.exchangeCode(google, OAuthFixture.clientData(), "code", REDIRECT, null));

            assertThat(e.error()).as(fault.name()).isEqualTo(IntegrationError.TOKEN_EXCHANGE_FAILED);
            assertThat(e.httpStatus()).hasValue(200);
        }
    }

    @Test
    void exchangeCodeWhenServerErrorThenTokenExchangeFailedWithThatStatus() {
        fake.fail(FakeEndpoint.TOKEN, Fault.SERVER_ERROR);

        IntegrationException e =
                failure(() -> tokens.exchangeCode(google, OAuthFixture.clientData(), "code", REDIRECT, null));

        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.getMessage()).isEqualTo("Token exchange failed (HTTP 500)");
    }

    @Test
    void exchangeCodeWhenProviderAsksForClientSecretBasicThenSecretTravelsInTheHeaderNotTheBody() {
        OAuthConfig basic = google.toBuilder()
                .clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_BASIC)
                .build();
        Pkce pkce = Pkce.generate();
        String code = OAuthFixture.authorize(fake, basic, OAuthFixture.clientData(), pkce);

        TokenGrant grant = tokens.exchangeCode(basic, OAuthFixture.clientData(), code, REDIRECT, pkce.verifier());

        assertThat(grant.accessToken()).isNotEmpty();
        RecordedRequest request = fake.requests(FakeEndpoint.TOKEN).get(0);
        assertThat(request.header("Authorization"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Basic "));
        assertThat(request.param("client_secret")).isEmpty();
    }

    @Test
    void refreshWhenServerRotatesThenTheNewRefreshTokenIsReturned() {
        FakeTokens issued = fake.issueTokens();
        Map<String, Object> data = OAuthFixture.clientData();
        data.put("refresh_token", issued.refreshToken());

        TokenGrant grant = tokens.refresh(google, data);

        assertThat(grant.accessToken()).isNotEqualTo(issued.accessToken());
        assertThat(grant.newRefreshToken())
                .hasValueSatisfying(rt -> assertThat(rt).isNotEqualTo(issued.refreshToken()));
        assertThat(fake.tokenCalls("refresh_token")).isOne();
    }

    @Test
    void refreshWhenServerDoesNotRotateThenNoNewRefreshToken() {
        fake.rotateRefreshTokens(false);
        Map<String, Object> data = OAuthFixture.clientData();
        data.put("refresh_token", fake.issueTokens().refreshToken());

        assertThat(tokens.refresh(google, data).newRefreshToken()).isEmpty();
    }

    @Test
    @DisplayName("invalid_grant is distinguished from a transient failure")
    void refreshWhenRevokedThenInvalidGrantWhenUnavailableThenNoOauthError() {
        Map<String, Object> data = OAuthFixture.clientData();
        data.put("refresh_token", fake.issueTokens().refreshToken());
        fake.failNext(FakeEndpoint.TOKEN, Fault.SERVICE_UNAVAILABLE, 1);

        IntegrationException transientFailure = failure(() -> tokens.refresh(google, data));
        fake.revokeRefreshTokens();
        IntegrationException revoked = failure(() -> tokens.refresh(google, data));

        assertThat(transientFailure.error()).isEqualTo(IntegrationError.REFRESH_FAILED);
        assertThat(transientFailure.httpStatus()).hasValue(503);
        assertThat(transientFailure.oauthError()).isNotEqualTo(java.util.Optional.of("invalid_grant"));
        assertThat(revoked.error()).isEqualTo(IntegrationError.REFRESH_FAILED);
        assertThat(revoked.httpStatus()).hasValue(400);
        assertThat(revoked.oauthError()).contains("invalid_grant");
        assertThat(revoked.getMessage()).isEqualTo("Token refresh failed (HTTP 400)");
    }

    @Test
    @DisplayName("a token URL with user:pass@ userinfo: logs and messages name scheme, host and port only")
    void refreshWhenTokenUrlCarriesUserinfoThenLogsAndMessagesShowOnlyHostAndPort() {
        String password = "Userinfo-Pass-123";
        String hostAndPort = fake.baseUri().getHost() + ":" + fake.baseUri().getPort();
        OAuthConfig reachable = google.toBuilder()
                .tokenUrl("http://token-user:" + password + "@" + hostAndPort + "/token")
                .build();
        OAuthConfig unreachable = google.toBuilder()
                .tokenUrl("http://token-user:" + password + "@127.0.0.1:1/token")
                .build();
        Map<String, Object> data = OAuthFixture.clientData();
        data.put("refresh_token", "revoked-or-unknown");

        List<IntegrationException> failures;
        List<String> logLines;
        try (LogCapture logs = LogCapture.start("dev.phoenixkit")) {
            failures = List.of(
                    failure(() -> tokens.refresh(reachable, data)),
                    failure(() -> tokens.exchangeCode(reachable, data, "bad-code", REDIRECT, null)),
                    failure(() -> tokens.refresh(unreachable, data)));
            logLines = logs.lines();
        }

        assertThat(failures)
                .extracting(IntegrationException::error)
                .containsExactly(
                        IntegrationError.REFRESH_FAILED,
                        IntegrationError.TOKEN_EXCHANGE_FAILED,
                        IntegrationError.TRANSPORT_FAILED);
        assertThat(failures.get(2).getMessage()).contains("http://127.0.0.1:1");
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("http://" + hostAndPort));
        for (IntegrationException e : failures) {
            assertThat(e.toString()).doesNotContain(password, "token-user");
        }
        assertThat(logLines).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(password, "token-user"));
    }

    @Test
    @DisplayName("a 500 whose body echoes the request (secrets as the error code) yields no oauthError")
    void refreshAndExchangeWhenTheErrorAnswerEchoesTheRequestThenTheEchoIsNotTakenAsTheErrorCode() {
        fake.fail(FakeEndpoint.TOKEN, Fault.ECHO_REQUEST);
        Map<String, Object> data = OAuthFixture.clientData();
        data.put("refresh_token", "rt-that-must-not-leak");

        IntegrationException refresh = failure(() -> tokens.refresh(google, data));
        IntegrationException exchange = failure(() ->
                tokens.exchangeCode(google, data, "code-that-must-not-leak", REDIRECT, "verifier-that-must-not-leak"));

        for (IntegrationException e : List.of(refresh, exchange)) {
            assertThat(e.httpStatus()).hasValue(500);
            assertThat(e.oauthError()).isEmpty();
            assertThat(e.toString()).doesNotContain("must-not-leak", FakeProviderServer.CLIENT_SECRET);
        }
    }

    @Test
    void refreshWhenTokenEndpointTooSlowThenTransportFailedWithinTheTimeout() {
        TokenEndpoint impatient = new TokenEndpoint(OAuthFixture.http(Duration.ofMillis(300)), CLOCK);
        fake.slowDelay(Duration.ofSeconds(30)).fail(FakeEndpoint.TOKEN, Fault.SLOW);
        Map<String, Object> data = OAuthFixture.clientData();
        data.put("refresh_token", "rt");

        assertThat(failure(() -> impatient.refresh(google, data)).error()).isEqualTo(IntegrationError.TRANSPORT_FAILED);
    }

    @Test
    void refreshWhenConnectionDroppedThenTransportFailed() {
        fake.fail(FakeEndpoint.TOKEN, Fault.DISCONNECT);
        Map<String, Object> data = OAuthFixture.clientData();
        data.put("refresh_token", "rt");

        IntegrationException e = failure(() -> tokens.refresh(google, data));

        assertThat(e.error()).isEqualTo(IntegrationError.TRANSPORT_FAILED);
        assertThat(e.getMessage()).startsWith("Could not reach http://127.0.0.1:");
    }

    @Test
    void failuresNeverCarryTheSecretsInMessageOrToString() {
        Map<String, Object> data = OAuthFixture.clientData();
        data.put("refresh_token", "super-secret-refresh-token");
        for (Fault fault : List.of(Fault.INVALID_GRANT, Fault.SERVER_ERROR, Fault.DISCONNECT, Fault.MALFORMED_JSON)) {
            fake.fail(FakeEndpoint.TOKEN, fault);

            IntegrationException e = failure(() -> tokens.refresh(google, data));

            assertThat(e.getMessage() + e)
                    .as(fault.name())
                    .doesNotContain("super-secret-refresh-token", FakeProviderServer.CLIENT_SECRET);
        }
    }

    @Test
    @DisplayName("Microsoft tenant: GUID, default and blank reach the token endpoint's path")
    void refreshWhenMicrosoftThenTheTenantIsInTheTokenPath() {
        OAuthConfig microsoft = OAuthFixture.oauth(fake, "microsoft");
        String guid = "11111111-2222-3333-4444-555555555555";
        for (String tenant : new String[] {guid, null, "", "  "}) {
            Map<String, Object> data = OAuthFixture.clientData();
            data.put("refresh_token", fake.issueTokens().refreshToken());
            if (tenant != null) {
                data.put("tenant_id", tenant);
            }
            fake.clearRequests();

            tokens.refresh(microsoft, data);

            assertThat(fake.requests(FakeEndpoint.TOKEN).get(0).path())
                    .as("tenant '%s'", tenant)
                    .isEqualTo("/" + (guid.equals(tenant) ? guid : "common") + "/oauth2/v2.0/token");
        }
    }

    @Test
    void exchangeCodeWhenNoPkceFlowThenNoVerifierIsSent() {
        fake.requirePkce(false);
        String code = OAuthFixture.authorize(fake, google, OAuthFixture.clientData(), null);

        tokens.exchangeCode(google, OAuthFixture.clientData(), code, REDIRECT, null);

        assertThat(fake.requests(FakeEndpoint.TOKEN).get(0).param("code_verifier"))
                .isEmpty();
    }

    @Test
    void authorizeWhenPkceRequiredAndMissingThenTheServerRedirectsWithInvalidRequest() {
        assertThatThrownBy(() -> OAuthFixture.authorize(fake, google, OAuthFixture.clientData(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid_request");
    }
}
