package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeTokens;
import dev.phoenixkit.testkit.fake.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code validateConnection}/{@code validateCredentials} through the facade (docs/phoenixkit-reference.md#2-5, #11-1), over loopback. */
@PhoenixKitTest
class ValidationTest {
    private static final String GOOD_KEY = "sk-or-v1-good";
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private FacadeFixture fixture;
    private TestDatabase database;

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        fixture = new FacadeFixture(database);
        fixture.fake.addApiKey(GOOD_KEY).slowDelay(Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private UUID apiKeyConnection(String provider, String key) {
        UUID uuid = fixture.integrations.addConnection(provider, "default").uuid();
        fixture.integrations.saveSetup(uuid, Map.of("api_key", key));
        return uuid;
    }

    @Test
    void validateConnectionWhenGhostUuidThenNotConfigured() {
        UUID ghost = UUID.fromString("00000000-0000-7000-8000-000000000000");

        assertThat(fixture.integrations.validateConnection(ghost)).isEqualTo(ValidationResult.error("Not configured"));
    }

    @Test
    void validateConnectionWhenProviderUnregisteredThenUnknownProvider() {
        UUID uuid = fixture.foreignRow(
                "aws", "default", Map.of("auth_type", "key_secret", "access_key", "AKIA", "status", "configured"));

        assertThat(fixture.integrations.validateConnection(uuid)).isEqualTo(ValidationResult.error("Unknown provider"));
    }

    @Test
    void validateConnectionWhenNoCredentialsThenNotConfigured() {
        UUID uuid = fixture.integrations.addConnection("openrouter", "default").uuid();

        assertThat(fixture.integrations.validateConnection(uuid)).isEqualTo(ValidationResult.error("Not configured"));
    }

    @Test
    void validateConnectionWhenOpenRouterKeyAcceptedThenOkAndRecordingMakesItConnected() {
        UUID uuid = apiKeyConnection("openrouter", GOOD_KEY);

        ValidationResult result = fixture.integrations.validateConnection(uuid);
        IntegrationData beforeRecording = fixture.data(uuid);
        fixture.integrations.recordValidation(uuid, result);

        assertThat(result).isEqualTo(ValidationResult.ok());
        assertThat(beforeRecording.status()).contains(ConnectionStatus.CONFIGURED);
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.CONNECTED);
        assertThat(fixture.fake.requests(FakeEndpoint.API_KEY).get(0).path()).isEqualTo("/api/v1/auth/key");
        assertThat(fixture.integrations.auditTrail(uuid))
                .filteredOn(e -> e.action().equals("integration.validated"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.metadata())
                        .containsEntry("result", "ok")
                        .doesNotContainKey("reason"));
    }

    @Test
    void validateConnectionWhenKeyRejectedThenInvalidCredentialsAudited() {
        UUID uuid = apiKeyConnection("mistral", "sk-bad");

        ValidationResult result = fixture.integrations.validateConnection(uuid);

        assertThat(result).isEqualTo(ValidationResult.error("Invalid credentials"));
        assertThat(fixture.integrations.auditTrail(uuid))
                .filteredOn(e -> e.action().equals("integration.validated"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.metadata())
                        .containsEntry("result", "error")
                        .containsEntry("reason", "Invalid credentials"));
    }

    @Test
    void validateConnectionWhenOauthConnectedWithoutTokenThenNoAccessToken() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of("status", "connected"));

        assertThat(fixture.integrations.validateConnection(uuid)).isEqualTo(ValidationResult.error("No access token"));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "LINE_BREAK_IN_TOKEN")
    @DisplayName("every fault switch ends bounded, with status error after recording and the key unchanged"
            + " (LINE_BREAK_IN_TOKEN changes only token answers)")
    void validateConnectionWhenServiceFaultsThenBoundedErrorAndTheKeyIsKept(Fault fault) {
        UUID uuid = apiKeyConnection("deepseek", GOOD_KEY);
        fixture.fake.fail(FakeEndpoint.API_KEY, fault);
        Integrations integrations = fault == Fault.SLOW ? fixture.impatient() : fixture.integrations;

        ValidationResult result = assertTimeoutPreemptively(HANG_GUARD, () -> integrations.validateConnection(uuid));
        fixture.integrations.recordValidation(uuid, result);

        if (fault == Fault.MALFORMED_JSON || fault == Fault.MISSING_ACCESS_TOKEN || fault == Fault.SLOW) {
            // A 200 is a 200 whatever its body (PhoenixKit checks only the status); SLOW beyond the timeout is not.
            assertThat(result.isOk()).isEqualTo(fault != Fault.SLOW);
        } else {
            assertThat(result.isOk()).isFalse();
        }
        IntegrationData data = fixture.data(uuid);
        assertThat(data.status()).contains(result.isOk() ? ConnectionStatus.CONNECTED : ConnectionStatus.ERROR);
        assertThat(data.apiKey()).contains(GOOD_KEY);
    }

    @Test
    void validateConnectionWhenServiceSlowThenCouldNotReachTheService() {
        UUID uuid = apiKeyConnection("openrouter", GOOD_KEY);
        fixture.fake.fail(FakeEndpoint.API_KEY, Fault.SLOW);

        assertThat(fixture.impatient().validateConnection(uuid))
                .isEqualTo(ValidationResult.error("Could not reach the service"));
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-5: an expired OAuth token is refreshed before validation")
    void validateConnectionWhenOauthTokenExpiredThenRefreshesFirstAndValidates() {
        UUID uuid = fixture.connectedGoogle("default");
        String oldToken = fixture.data(uuid).accessToken().orElseThrow();
        fixture.clock.advance(Duration.ofHours(2));

        ValidationResult result = fixture.integrations.validateConnection(uuid);

        assertThat(result).isEqualTo(ValidationResult.ok());
        assertThat(fixture.fake.tokenCalls("refresh_token")).isOne();
        assertThat(fixture.data(uuid).accessToken()).isPresent().isNotEqualTo(java.util.Optional.of(oldToken));
        assertThat(fixture.fake.requests(FakeEndpoint.USERINFO).get(0).header("authorization"))
                .isNotEqualTo(java.util.Optional.of("Bearer " + oldToken));
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-5: a token within the refresh skew (60 s) is refreshed first too")
    void validateConnectionWhenOauthTokenExpiresWithinTheSkewThenRefreshesFirst() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.clock.advance(Duration.ofSeconds(3600 - 30));

        assertThat(fixture.integrations.validateConnection(uuid)).isEqualTo(ValidationResult.ok());
        assertThat(fixture.fake.tokenCalls("refresh_token")).isOne();
    }

    @Test
    void validateConnectionWhenOauthTokenFreshThenNoRefresh() {
        UUID uuid = fixture.connectedGoogle("default");

        assertThat(fixture.integrations.validateConnection(uuid)).isEqualTo(ValidationResult.ok());
        assertThat(fixture.fake.tokenCalls()).isZero();
    }

    @Test
    void validateConnectionWhenExpiredAndRefreshFailsThenTheRefreshFailureIsTheResult() {
        FakeTokens tokens = fixture.fake.issueTokens();
        UUID uuid = fixture.googleWithTokens("default", tokens, FacadeFixture.START.minusSeconds(10));
        fixture.fake.revokeRefreshTokens();

        ValidationResult result = fixture.integrations.validateConnection(uuid);

        assertThat(result).isEqualTo(ValidationResult.error("Token refresh failed (HTTP 400)"));
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.ERROR);
        assertThat(fixture.data(uuid).accessToken()).contains(tokens.accessToken());
    }

    @Test
    void validateCredentialsWhenDryRunThenNothingIsPersisted() {
        ValidationResult good = fixture.integrations.validateCredentials("openrouter", Map.of("api_key", GOOD_KEY));
        ValidationResult bad = fixture.integrations.validateCredentials("openrouter", Map.of("api_key", "nope"));

        assertThat(good).isEqualTo(ValidationResult.ok());
        assertThat(bad).isEqualTo(ValidationResult.error("Invalid credentials"));
        assertThat(fixture.integrations.listIntegrations()).isEmpty();
        long auditRows = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM phoenix_kit_integration_audit")
                        .mapTo(Long.class)
                        .one());
        assertThat(auditRows).isZero();
    }

    @Test
    void validateCredentialsWhenProviderUnknownOrOauthWithoutTokenThenErrors() {
        assertThat(fixture.integrations.validateCredentials("nope", Map.of("api_key", GOOD_KEY)))
                .isEqualTo(ValidationResult.error("Unknown provider"));
        assertThat(fixture.integrations.validateCredentials("google", Map.of("client_id", "c")))
                .isEqualTo(ValidationResult.error("No access token"));
        assertThat(fixture.integrations.validateCredentials(
                        "google:personal",
                        Map.of("access_token", fixture.fake.issueTokens().accessToken())))
                .isEqualTo(ValidationResult.ok());
    }

    @Test
    void validateCredentialsWhenKeyMissingThenNoCredentialsConfigured() {
        assertThat(fixture.integrations.validateCredentials("mistral", Map.of()))
                .isEqualTo(ValidationResult.error("No credentials configured"));
    }
}
