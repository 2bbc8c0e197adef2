package dev.phoenixkit.integrations.oauth;

import static dev.phoenixkit.integrations.oauth.FacadeFixture.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import dev.phoenixkit.integrations.AuthorizationRequest;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.LogCapture;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.Fault;
import dev.phoenixkit.testkit.fake.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/behaviour.md#fix-9 for the OAuth2 paths: the authorization code, the PKCE verifier, the state, the client secret and
 * the access and refresh tokens never appear in a log line (all loggers at TRACE), an exception's message, stack
 * trace or {@code toString()}, nor in the {@code toString()} of anything handed out, through successful flows and
 * failing ones: {@code invalid_grant}, and a token endpoint answering 500 with a body that echoes the request (the
 * encoded form, secrets included, even as its {@code error} code). Run with an encrypting cipher and with
 * {@link SecretCipher#none()}.
 */
@PhoenixKitTest
class OAuthSecretLeakTest {
    private static final String CLIENT_ID = "leak-client-id";
    private static final String CLIENT_SECRET = "LEAK-client-secret-0123456789";

    private FacadeFixture fixture;
    private LogCapture logs;
    private final Set<String> secrets = new LinkedHashSet<>();
    private final List<String> observed = new ArrayList<>();

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
        fixture.fake.registerClient(CLIENT_ID, CLIENT_SECRET).requirePkce(true);
        secrets.add(CLIENT_SECRET);
        logs = LogCapture.start(Logger.ROOT_LOGGER_NAME, "dev.phoenixkit", "org.jdbi", "com.zaxxer.hikari");
    }

    @AfterEach
    void tearDown() {
        logs.close();
        fixture.close();
    }

    private void observe(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        observed.add(text.toString());
        observed.add(failure.toString());
    }

    /** Runs a call that may fail; observes the failure, or the {@code toString()} of what it returned. */
    private void attempt(Supplier<?> call) {
        try {
            observed.add(String.valueOf(call.get()));
        } catch (RuntimeException e) {
            observe(e);
        }
    }

    private void rememberTokens(Integrations integrations, UUID uuid) {
        IntegrationData data = integrations.getCredentials(uuid.toString());
        data.accessToken().ifPresent(secrets::add);
        data.refreshToken().ifPresent(secrets::add);
    }

    private void rememberSentSecrets() {
        for (RecordedRequest request : fixture.fake.requests(FakeEndpoint.TOKEN)) {
            for (String param : List.of("code", "code_verifier", "refresh_token", "client_secret")) {
                request.param(param).ifPresent(secrets::add);
            }
        }
    }

    @ParameterizedTest(name = "cipher {0}")
    @ValueSource(strings = {"encrypting", "none"})
    void oauthFlowsWhenTheySucceedAndFailThenNoSecretInLogsMessagesOrToString(String cipherKind) {
        SecretCipher cipher = cipherKind.equals("none") ? SecretCipher.none() : FacadeFixture.cipher();
        Integrations integrations = fixture.withCipher(cipher);
        integrations.events().subscribe(event -> observed.add(event.toString()));
        UUID uuid = integrations.addConnection("google", "leak").uuid();
        observed.add(integrations
                .saveSetup(uuid, Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET))
                .toString());

        // Begin; a failed exchange whose 500 echoes the code, the verifier and the client secret; then complete.
        AuthorizationRequest request = integrations.beginAuthorization(uuid, REDIRECT);
        secrets.add(request.state());
        observed.add(request.toString());
        observed.add(integrations.getIntegration(uuid.toString()).toString());
        observed.add(integrations.getIntegrationByUuid(uuid).toString());
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        secrets.add(redirect.code());
        fixture.fake.failNext(FakeEndpoint.TOKEN, Fault.ECHO_REQUEST, 1);
        attempt(() -> integrations.exchangeCode(uuid, "LEAK-echoed-code-0123456789", REDIRECT));
        observed.add(integrations
                .completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT)
                .toString());
        rememberSentSecrets();
        rememberTokens(integrations, uuid);
        observed.add(integrations.getCredentials(uuid.toString()).toString());
        observed.add(integrations.listConnections("google").toString());

        // Refreshes: success, a 500 echoing the refresh token and client secret, invalid_grant.
        integrations.refreshAccessToken(uuid);
        rememberTokens(integrations, uuid);
        fixture.fake.failNext(FakeEndpoint.TOKEN, Fault.ECHO_REQUEST, 1);
        attempt(() -> integrations.refreshAccessToken(uuid));
        fixture.fake.failNext(FakeEndpoint.TOKEN, Fault.INVALID_GRANT, 1);
        attempt(() -> integrations.refreshAccessToken(uuid));

        // A 401 whose refresh fails with the echo; validation after expiry with the echo; a userinfo echo.
        HttpRequest resource = HttpRequest.newBuilder(fixture.fake.uri("/resource/leak"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        fixture.fake.expireAccessTokens().failNext(FakeEndpoint.TOKEN, Fault.ECHO_REQUEST, 1);
        attempt(() -> integrations.authenticatedRequest(uuid, resource));
        fixture.clock.advance(Duration.ofHours(2));
        fixture.fake.failNext(FakeEndpoint.TOKEN, Fault.ECHO_REQUEST, 1);
        observed.add(integrations.validateConnection(uuid).toString());
        attempt(() -> integrations.authenticatedRequest(uuid, resource).statusCode());
        rememberTokens(integrations, uuid);
        fixture.fake.fail(FakeEndpoint.USERINFO, Fault.ECHO_REQUEST);
        observed.add(integrations.validateConnection(uuid).toString());
        fixture.fake.clearFaults();

        // A second authorization whose code the provider refuses (invalid_grant), then disconnect.
        AuthorizationRequest again = integrations.beginAuthorization(uuid, REDIRECT);
        secrets.add(again.state());
        observed.add(again.toString());
        attempt(() ->
                integrations.completeAuthorization(uuid, again.state(), "LEAK-refused-code-0123456789", REDIRECT));
        rememberSentSecrets();
        observed.add(integrations.auditTrail(uuid).toString());
        integrations.disconnect(uuid);

        observed.addAll(logs.lines());
        assertThat(secrets)
                .as("the secrets of the scenario")
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(8));
        assertThat(logs.lines()).as("the scenario logged its failures").isNotEmpty();
        for (String text : observed) {
            for (String secret : secrets) {
                assertThat(text).as("observed text").doesNotContain(secret);
            }
        }
    }
}
