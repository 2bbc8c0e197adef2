package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A refresh whose token call is in flight while the connection changes underneath (disconnect, new client
 * credentials, new tokens) must not write its grant (or its failure) over the change. The fake server holds the token
 * call until the change has committed, so the race is decided the same way on every run.
 */
@PhoenixKitTest
class RefreshRaceTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private FacadeFixture fixture;
    private ExecutorService pool;

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        fixture.close();
    }

    /** Starts a refresh, waits until its token call is held in flight, runs {@code change}, then lets it answer. */
    private Object refreshAround(UUID uuid, Runnable change) throws Exception {
        fixture.fake.hold(FakeEndpoint.TOKEN);
        Future<Object> refresh = pool.submit(() -> {
            try {
                return fixture.integrations.refreshAccessToken(uuid);
            } catch (IntegrationException e) {
                return e;
            }
        });
        fixture.fake.awaitRequests(FakeEndpoint.TOKEN, 1, BOUND);
        try {
            change.run();
        } finally {
            fixture.fake.release(FakeEndpoint.TOKEN);
        }
        return refresh.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    private static void assertCredentialsChangedFailure(Object outcome) {
        assertThat(outcome).isInstanceOfSatisfying(IntegrationException.class, e -> {
            assertThat(e.error()).isEqualTo(IntegrationError.REFRESH_FAILED);
            assertThat(e.httpStatus()).isEmpty();
            assertThat(e.getMessage()).contains("changed while");
        });
    }

    private long auditCount(UUID uuid, String action) {
        return fixture.integrations.auditTrail(uuid).stream()
                .map(AuditEntry::action)
                .filter(action::equals)
                .count();
    }

    @Test
    @DisplayName("blocker: disconnect during the token call → stays disconnected, no tokens come back")
    void refreshAccessTokenWhenDisconnectedWhileTheTokenCallIsInFlightThenNothingIsResurrected() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");

        Object outcome = refreshAround(uuid, () -> fixture.integrations.disconnect(uuid));

        IntegrationData data = fixture.data(uuid);
        assertThat(fixture.integrations.isConnected(uuid.toString())).isFalse();
        assertThat(data.accessToken()).isEmpty();
        assertThat(data.refreshToken()).isEmpty();
        assertThat(data.status()).contains(ConnectionStatus.DISCONNECTED);
        assertThat(data.validationStatus()).isEmpty();
        assertThat(auditCount(uuid, "integration.token_refreshed")).isZero();
        assertThat(fixture.fake.tokenCalls("refresh_token")).isOne();
        assertCredentialsChangedFailure(outcome);
    }

    @Test
    void refreshAccessTokenWhenClientCredentialsReplacedWhileInFlightThenTheGrantIsDiscarded() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        IntegrationData before = fixture.data(uuid);
        fixture.fake.registerClient("replacement-client", "replacement-secret");

        Object outcome = refreshAround(
                uuid,
                () -> fixture.integrations.saveSetup(
                        uuid, Map.of("client_id", "replacement-client", "client_secret", "replacement-secret")));

        assertCredentialsChangedFailure(outcome);
        IntegrationData data = fixture.data(uuid);
        assertThat(data.clientId()).contains("replacement-client");
        assertThat(data.accessToken()).isEqualTo(before.accessToken());
        assertThat(data.refreshToken()).isEqualTo(before.refreshToken());
        assertThat(data.get("token_obtained_at")).isEqualTo(before.get("token_obtained_at"));
        assertThat(auditCount(uuid, "integration.token_refreshed")).isZero();
    }

    @Test
    void refreshAccessTokenWhenNewTokensSavedWhileInFlightThenTheNewTokensStay() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        FakeTokens reauthorized = fixture.fake.issueTokens();

        Object outcome = refreshAround(
                uuid,
                () -> fixture.integrations.saveSetup(
                        uuid,
                        Map.of(
                                "access_token",
                                reauthorized.accessToken(),
                                "refresh_token",
                                reauthorized.refreshToken())));

        assertCredentialsChangedFailure(outcome);
        IntegrationData data = fixture.data(uuid);
        assertThat(data.accessToken()).contains(reauthorized.accessToken());
        assertThat(data.refreshToken()).contains(reauthorized.refreshToken());
        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
    }

    @Test
    @DisplayName("a failing refresh (invalid_grant) does not stamp status error on a connection disconnected meanwhile")
    void refreshAccessTokenWhenItFailsAfterADisconnectThenTheDisconnectedRowIsLeftAlone() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.fake.revokeRefreshTokens();

        Object outcome = refreshAround(uuid, () -> fixture.integrations.disconnect(uuid));

        assertThat(outcome).isInstanceOfSatisfying(IntegrationException.class, e -> {
            assertThat(e.error()).isEqualTo(IntegrationError.REFRESH_FAILED);
            assertThat(e.oauthError()).contains("invalid_grant");
        });
        IntegrationData data = fixture.data(uuid);
        assertThat(data.status()).contains(ConnectionStatus.DISCONNECTED);
        assertThat(data.validationStatus()).isEmpty();
        assertThat(auditCount(uuid, "integration.token_refresh_failed")).isZero();
    }

    @Test
    void refreshAccessTokenWhenNothingChangesWhileInFlightThenTheGrantIsStored() throws Exception {
        UUID uuid = fixture.connectedGoogle("default");

        Object outcome = refreshAround(uuid, () -> {});

        assertThat(outcome).isInstanceOf(String.class);
        assertThat(fixture.data(uuid).accessToken()).contains((String) outcome);
        assertThat(auditCount(uuid, "integration.token_refreshed")).isOne();
    }
}
