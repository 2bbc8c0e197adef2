package dev.phoenixkit.integrations.oauth;

import static dev.phoenixkit.integrations.oauth.FacadeFixture.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.phoenixkit.integrations.AuthorizationRequest;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.LogCapture;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeTokens;
import dev.phoenixkit.testkit.fake.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Issue 9 item 1 (docs/behaviour.md#fix-13, docs/decisions/secret-control-characters.md): a secret with a line break
 * or another control character never reaches {@code HttpRequest.Builder.header}, whose exception would quote
 * {@code Bearer <secret>}. Entry strips a secret's surrounding whitespace and refuses an inner control character
 * ({@code INVALID_SECRET} naming the field); a token answer with one is a failed exchange or refresh; a stored value
 * (as PhoenixKit may have written it) is refused when a request would carry it. No secret in any message or log.
 */
@PhoenixKitTest
class SecretControlCharactersTest {
    private static final String KEY = "sk-or-CTRL-api-key-0123456789";

    private FacadeFixture fixture;
    private Jdbi jdbi;
    private LogCapture logs;
    private final List<String> observed = new ArrayList<>();

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
        fixture.fake.addApiKey(KEY);
        jdbi = database.jdbi();
        logs = LogCapture.start(Logger.ROOT_LOGGER_NAME, "dev.phoenixkit");
    }

    @AfterEach
    void tearDown() {
        logs.close();
        fixture.close();
    }

    private IntegrationException failure(Runnable call, IntegrationError expected) {
        Throwable thrown = catchThrowable(call::run);
        StringWriter trace = new StringWriter();
        if (thrown != null) {
            thrown.printStackTrace(new PrintWriter(trace));
        }
        observed.add(trace.toString());
        assertThat(thrown)
                .as(trace.toString())
                .isInstanceOfSatisfying(
                        IntegrationException.class, e -> assertThat(e.error()).isEqualTo(expected));
        return (IntegrationException) thrown;
    }

    private void assertNoneLeaked(List<String> secrets) {
        observed.addAll(logs.lines());
        for (String text : observed) {
            for (String secret : secrets) {
                assertThat(text).as("observed text").doesNotContain(secret);
            }
        }
    }

    private HttpRequest resource() {
        return HttpRequest.newBuilder(fixture.fake.uri("/resource/files"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    /** Writes an api_key as PhoenixKit may have stored it (encrypted, with its trailing newline), past saveSetup. */
    private void storeRawApiKey(UUID uuid, String value) {
        String ciphertext = FacadeFixture.cipher().encrypt(value);
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE public.phoenix_kit_settings SET value_json = jsonb_set(value_json, '{api_key}',"
                                + " to_jsonb(CAST(:ciphertext AS text))) WHERE uuid = :uuid")
                .bind("ciphertext", ciphertext)
                .bind("uuid", uuid)
                .execute());
    }

    @Test
    void saveSetupWhenSecretEndsInLineBreakThenStrippedAndUsable() throws Exception {
        UUID uuid = fixture.integrations.addConnection("openrouter", "pasted").uuid();

        fixture.integrations.saveSetup(
                uuid, Map.of(Fields.API_KEY, "  " + KEY + "\r\n", Fields.PASSWORD, " pass word\n"));

        assertThat(fixture.data(uuid).apiKey()).contains(KEY);
        assertThat(fixture.data(uuid).get(Fields.PASSWORD))
                .as("a password is kept as given")
                .isEqualTo(" pass word\n");
        HttpResponse<byte[]> response = fixture.integrations.authenticatedRequest(uuid, resource());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE).get(0).header("authorization"))
                .contains("Bearer " + KEY);
        assertThat(fixture.integrations.validateConnection(uuid).isOk()).isTrue();
    }

    @Test
    void saveSetupWhenSecretHasInnerControlCharacterThenInvalidSecretNamingFieldAndNothingWritten() {
        UUID uuid = fixture.integrations.addConnection("openrouter", "inner").uuid();
        fixture.integrations.saveSetup(uuid, Map.of(Fields.API_KEY, KEY));
        String bad = "sk-CTRL-left\r\nX-Injected: sk-CTRL-right";

        IntegrationException refused = failure(
                () -> fixture.integrations.saveSetup(uuid, Map.of(Fields.API_KEY, bad, "note", "n")),
                IntegrationError.INVALID_SECRET);

        assertThat(refused.getMessage()).contains("'api_key'").contains("control character");
        assertThat(fixture.data(uuid).apiKey()).contains(KEY);
        assertThat(fixture.data(uuid).has("note")).as("nothing written").isFalse();
        failure(
                () -> fixture.integrations.saveSetup(uuid, Map.of(Fields.CLIENT_SECRET, "cs\u0000tail")),
                IntegrationError.INVALID_SECRET);

        ValidationResult dryRun = fixture.integrations.validateCredentials("openrouter", Map.of(Fields.API_KEY, bad));
        observed.add(dryRun.toString());
        assertThat(dryRun.isOk()).isFalse();
        assertThat(dryRun.message()).contains("'api_key'");
        assertThat(fixture.integrations
                        .validateCredentials("openrouter", Map.of(Fields.API_KEY, KEY + "\n"))
                        .isOk())
                .as("a trailing newline is stripped in a dry run too")
                .isTrue();
        assertThat(fixture.fake.requests(FakeEndpoint.API_KEY)).hasSize(1);
        assertNoneLeaked(List.of("sk-CTRL-left", "sk-CTRL-right", KEY, "cs\u0000tail"));
    }

    @Test
    void storedSecretWithLineBreakWhenSentThenInvalidSecretWithoutTheValue() {
        UUID uuid = fixture.integrations.addConnection("openrouter", "stored").uuid();
        fixture.integrations.saveSetup(uuid, Map.of(Fields.API_KEY, KEY));
        storeRawApiKey(uuid, KEY + "\r\n");

        IntegrationException refused = failure(
                () -> fixture.integrations.authenticatedRequest(uuid, resource()), IntegrationError.INVALID_SECRET);
        assertThat(refused.getMessage()).contains("Authorization");
        assertThat(refused.getCause()).isNull();
        ValidationResult validation = fixture.integrations.validateConnection(uuid);
        observed.add(validation.toString());
        assertThat(validation.isOk()).isFalse();
        assertThat(validation.message()).contains("control character");

        assertThat(fixture.fake.requests(FakeEndpoint.RESOURCE)).isEmpty();
        assertThat(fixture.fake.requests(FakeEndpoint.API_KEY)).isEmpty();
        assertNoneLeaked(List.of(KEY));
    }

    @Test
    void tokenAnswerWithLineBreakWhenCompletingAuthorizationThenTokenExchangeFailedAndNotConnected() {
        UUID uuid = fixture.oauthConnection("google", "broken", Map.of());
        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        fixture.fake.failNext(FakeEndpoint.TOKEN, Fault.LINE_BREAK_IN_TOKEN, 1);

        IntegrationException refused = failure(
                () -> fixture.integrations.completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT),
                IntegrationError.TOKEN_EXCHANGE_FAILED);

        assertThat(refused.httpStatus()).hasValue(200);
        assertThat(refused.getMessage()).contains("access_token").contains("control character");
        assertThat(fixture.data(uuid).accessToken()).isEmpty();
        assertThat(fixture.data(uuid).status()).isNotEqualTo(Optional.of(ConnectionStatus.CONNECTED));
        assertThat(fixture.fake.requests(FakeEndpoint.USERINFO))
                .as("the token was never sent")
                .isEmpty();
        List<String> sent = fixture.fake.requests(FakeEndpoint.TOKEN).stream()
                .flatMap(r -> r.param("code").stream())
                .toList();
        assertNoneLeaked(sent);
    }

    @Test
    void tokenAnswerWithLineBreakWhenRefreshingThenRefreshFailedAndStoredTokensKept() {
        fixture.fake.rotateRefreshTokens(false);
        FakeTokens tokens = fixture.fake.issueTokens();
        UUID uuid = fixture.googleWithTokens("refresh", tokens, FacadeFixture.START.plusSeconds(3600));
        fixture.fake.failNext(FakeEndpoint.TOKEN, Fault.LINE_BREAK_IN_TOKEN, 1);

        IntegrationException refused =
                failure(() -> fixture.integrations.refreshAccessToken(uuid), IntegrationError.REFRESH_FAILED);

        assertThat(refused.getMessage()).contains("control character");
        assertThat(fixture.data(uuid).accessToken()).contains(tokens.accessToken());
        assertThat(fixture.data(uuid).refreshToken()).contains(tokens.refreshToken());
        assertThat(fixture.integrations.refreshAccessToken(uuid))
                .as("the next, well-formed answer is used")
                .doesNotContain("\r", "\n")
                .isNotEqualTo(tokens.accessToken());
        assertNoneLeaked(List.of(tokens.accessToken(), tokens.refreshToken()));
    }
}
