package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeTokens;
import dev.phoenixkit.testkit.fake.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code refreshAccessToken} through the facade (docs/phoenixkit-reference.md#2-4, #5-4), over loopback and a real database. */
@PhoenixKitTest
class TokenRefreshTest {
    /** Generous bound against hangs (the SLOW fault runs on the short-timeout facade). */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

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

    private static Map<String, Object> credentials(IntegrationData data) {
        return Map.of(
                "access_token",
                data.accessToken().orElse(""),
                "refresh_token",
                data.refreshToken().orElse(""),
                "expires_at",
                String.valueOf(data.get("expires_at")),
                "client_secret",
                data.clientSecret().orElse(""));
    }

    @Test
    void refreshAccessTokenWhenServerRotatesThenNewTokensAndExpiryAreStoredAndAudited() {
        UUID uuid = fixture.connectedGoogle("default");
        IntegrationData before = fixture.data(uuid);
        fixture.clock.advance(Duration.ofMinutes(30));

        String token = fixture.integrations.refreshAccessToken(uuid);

        IntegrationData after = fixture.data(uuid);
        assertThat(token).isNotEqualTo(before.accessToken().orElseThrow());
        assertThat(after.accessToken()).contains(token);
        assertThat(after.refreshToken()).isPresent().isNotEqualTo(before.refreshToken());
        assertThat(after.expiresAt()).contains(FacadeFixture.START.plus(Duration.ofMinutes(90)));
        assertThat(after.get("token_obtained_at")).isEqualTo("2026-05-01T10:30:00.000000Z");
        assertThat(after.status()).contains(ConnectionStatus.CONNECTED);
        assertThat(fixture.fake.tokenCalls("refresh_token")).isOne();
        assertThat(fixture.integrations.auditTrail(uuid))
                .filteredOn(e -> e.action().equals("integration.token_refreshed"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.mode()).isEqualTo(AuditMode.AUTO));
    }

    @Test
    void refreshAccessTokenWhenServerDoesNotRotateThenTheOldRefreshTokenIsKept() {
        fixture.fake.rotateRefreshTokens(false);
        UUID uuid = fixture.connectedGoogle("default");
        String refreshToken = fixture.data(uuid).refreshToken().orElseThrow();

        fixture.integrations.refreshAccessToken(uuid);

        assertThat(fixture.data(uuid).refreshToken()).contains(refreshToken);
    }

    @Test
    void refreshAccessTokenWhenStatusWasErrorThenAutoRecoversToConnected() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.integrations.recordValidation(uuid, ValidationResult.error("Invalid credentials"));
        List<IntegrationEvent> events = new CopyOnWriteArrayList<>();
        fixture.integrations.events().subscribe(events::add);

        fixture.integrations.refreshAccessToken(uuid);

        IntegrationData data = fixture.data(uuid);
        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
        assertThat(data.validationStatus()).contains("ok");
        assertThat(events)
                .filteredOn(IntegrationEvent.Validated.class::isInstance)
                .hasSize(1);
        assertThat(fixture.integrations.auditTrail(uuid))
                .extracting(AuditEntry::action)
                .contains("integration.token_refreshed", "integration.auto_recovered");
    }

    @Test
    @DisplayName("invalid_grant: REFRESH_FAILED 400 with oauthError, status error, credentials unchanged")
    void refreshAccessTokenWhenRefreshTokenRevokedThenRefreshFailedAndErrorStatusRecorded() {
        UUID uuid = fixture.connectedGoogle("default");
        Map<String, Object> before = credentials(fixture.data(uuid));
        fixture.fake.revokeRefreshTokens();

        IntegrationException e =
                catchThrowableOfType(IntegrationException.class, () -> fixture.integrations.refreshAccessToken(uuid));

        assertThat(e.error()).isEqualTo(IntegrationError.REFRESH_FAILED);
        assertThat(e.httpStatus()).hasValue(400);
        assertThat(e.oauthError()).contains("invalid_grant");
        IntegrationData data = fixture.data(uuid);
        assertThat(data.status()).contains(ConnectionStatus.ERROR);
        assertThat(data.validationStatus()).contains("error: Token refresh failed (HTTP 400)");
        assertThat(credentials(data)).isEqualTo(before);
        assertThat(fixture.integrations.auditTrail(uuid))
                .filteredOn(entry -> entry.action().equals("integration.token_refresh_failed"))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.metadata()).containsEntry("reason", "Token refresh failed (HTTP 400)"));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    @DisplayName("every fault switch ends bounded, with status error and the stored credentials unchanged")
    void refreshAccessTokenWhenTokenEndpointFaultsThenBoundedErrorStatusAndCredentialsUnchanged(Fault fault) {
        UUID uuid = fixture.connectedGoogle("default");
        Map<String, Object> before = credentials(fixture.data(uuid));
        fixture.fake.fail(FakeEndpoint.TOKEN, fault);
        Integrations integrations = fault == Fault.SLOW ? fixture.impatient() : fixture.integrations;

        IntegrationException e = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(IntegrationException.class, () -> integrations.refreshAccessToken(uuid)));

        assertThat(e.error()).isIn(IntegrationError.REFRESH_FAILED, IntegrationError.TRANSPORT_FAILED);
        IntegrationData data = fixture.data(uuid);
        assertThat(data.status()).contains(ConnectionStatus.ERROR);
        assertThat(data.validationStatus())
                .hasValueSatisfying(status -> assertThat(status).startsWith("error: "));
        assertThat(credentials(data)).isEqualTo(before);
    }

    @Test
    void refreshAccessTokenWhenNoRefreshTokenThenNoRefreshTokenWithoutACallAndErrorRecorded() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of("access_token", "at"));

        IntegrationException e =
                catchThrowableOfType(IntegrationException.class, () -> fixture.integrations.refreshAccessToken(uuid));

        assertThat(e.error()).isEqualTo(IntegrationError.NO_REFRESH_TOKEN);
        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.ERROR);
    }

    @Test
    void refreshAccessTokenWhenClientSecretMissingThenClientCredentialsNotConfigured() {
        UUID uuid = fixture.integrations.addConnection("google", "default").uuid();
        fixture.integrations.saveSetup(uuid, Map.of("client_id", "c", "refresh_token", "rt"));

        assertThat(catchThrowableOfType(IntegrationException.class, () -> fixture.integrations.refreshAccessToken(uuid))
                        .error())
                .isEqualTo(IntegrationError.CLIENT_CREDENTIALS_NOT_CONFIGURED);
    }

    @Test
    @DisplayName(
            "docs/phoenixkit-reference.md#2-4: an API-key or unregistered provider fails UNKNOWN_PROVIDER first, without side effects")
    void refreshAccessTokenWhenProviderIsNotOauthOrUnregisteredThenUnknownProviderAndNothingRecorded() {
        UUID apiKey =
                fixture.integrations.addConnection("openrouter", "default").uuid();
        fixture.integrations.saveSetup(apiKey, Map.of("api_key", "sk-key"));
        UUID unregistered = fixture.foreignRow(
                "aws", "default", Map.of("auth_type", "key_secret", "access_key", "AKIA", "refresh_token", "rt"));
        List<IntegrationEvent> events = new CopyOnWriteArrayList<>();
        fixture.integrations.events().subscribe(events::add);

        for (UUID uuid : List.of(apiKey, unregistered)) {
            IntegrationData before = fixture.data(uuid);
            int auditEntries = fixture.integrations.auditTrail(uuid).size();

            IntegrationException e = catchThrowableOfType(
                    IntegrationException.class, () -> fixture.integrations.refreshAccessToken(uuid));

            assertThat(e.error()).isEqualTo(IntegrationError.UNKNOWN_PROVIDER);
            assertThat(fixture.data(uuid)).isEqualTo(before);
            assertThat(fixture.integrations.auditTrail(uuid)).hasSize(auditEntries);
        }
        assertThat(events).isEmpty();
        assertThat(fixture.fake.tokenCalls()).isZero();
    }

    @Test
    void refreshAccessTokenWhenGhostUuidThenNotConfigured() {
        UUID ghost = UUID.fromString("00000000-0000-7000-8000-000000000000");

        assertThat(catchThrowableOfType(
                                IntegrationException.class, () -> fixture.integrations.refreshAccessToken(ghost))
                        .error())
                .isEqualTo(IntegrationError.NOT_CONFIGURED);
    }

    @Test
    void refreshAccessTokenThenTheSecretsNeverAppearInTheFailureOrTheAuditTrail() {
        FakeTokens tokens = fixture.fake.issueTokens();
        UUID uuid = fixture.googleWithTokens("default", tokens, FacadeFixture.START.plusSeconds(3600));
        fixture.fake.fail(FakeEndpoint.TOKEN, Fault.INVALID_GRANT);

        IntegrationException e =
                catchThrowableOfType(IntegrationException.class, () -> fixture.integrations.refreshAccessToken(uuid));

        String everything =
                e + " " + e.getMessage() + " " + fixture.integrations.auditTrail(uuid) + " " + fixture.data(uuid);
        assertThat(everything).doesNotContain(tokens.accessToken(), tokens.refreshToken(), "fake-client-secret");
    }
}
