package dev.phoenixkit.integrations.oauth;

import static dev.phoenixkit.integrations.oauth.FacadeFixture.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.AuthorizationRequest;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import dev.phoenixkit.testkit.fake.FakeAccount;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.fake.Fault;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The authorization-code flow through the facade, over loopback and a real database. */
@PhoenixKitTest
class AuthorizationFlowTest {
    /** The pending-authorization fields the library keeps on the row and never hands out. */
    private static final List<String> PENDING_FIELDS =
            List.of("oauth_state", "oauth_state_expires_at", "oauth_code_verifier");

    private FacadeFixture fixture;
    private TestDatabase database;

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        this.fixture = new FacadeFixture(database);
        fixture.fake.requirePkce(true);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static IntegrationError errorOf(Runnable call) {
        return catchThrowableOfType(IntegrationException.class, call::run).error();
    }

    private String rawValueJson(UUID uuid) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT value_json::text FROM phoenix_kit_settings WHERE uuid = :uuid")
                        .bind("uuid", uuid)
                        .mapTo(String.class)
                        .one());
    }

    /** @return a top-level field of the stored {@code value_json}, as stored (ciphertext stays ciphertext) */
    private String rawField(UUID uuid, String field) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT value_json ->> :field FROM phoenix_kit_settings WHERE uuid = :uuid")
                        .bind("field", field)
                        .bind("uuid", uuid)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void authorizationUrlWhenGoogleThenPointsAtTheProviderWithClientIdAndCodeResponse() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());

        String url = fixture.integrations
                .authorizationUrl(uuid, REDIRECT, null, null)
                .toString();

        assertThat(url)
                .startsWith(fixture.fake.baseUri() + "/o/oauth2/v2/auth?")
                .contains("client_id=" + "fake-client-id", "response_type=code", "code_challenge_method=S256");
    }

    @Test
    @DisplayName("authorizationUrl → provider → exchangeCode sends the stored PKCE verifier, then discards it")
    void exchangeCodeWhenUrlCameFromAuthorizationUrlThenStoredPkceVerifierIsSentAndDiscarded() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());

        URI url = fixture.integrations.authorizationUrl(uuid, REDIRECT, null, "caller-kept-state");
        String storedVerifier = rawField(uuid, "oauth_code_verifier");
        assertThat(storedVerifier).startsWith("enc:v1:");
        AuthorizationRedirect redirect = fixture.fake.authorize(url);
        IntegrationData data = fixture.integrations.exchangeCode(uuid, redirect.code(), REDIRECT);

        assertThat(redirect.state()).contains("caller-kept-state");
        assertThat(rawValueJson(uuid)).doesNotContain(storedVerifier).doesNotContain("oauth_code_verifier");
        assertThat(fixture.fake.requests(FakeEndpoint.TOKEN).get(0).param("code_verifier"))
                .isPresent();
        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
    }

    @Test
    void exchangeCodeWhenAnOlderUrlIsUsedThenTheProviderRejectsTheStaleVerifier() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        URI first = fixture.integrations.authorizationUrl(uuid, REDIRECT, null, null);
        fixture.integrations.authorizationUrl(uuid, REDIRECT, null, null);

        AuthorizationRedirect redirect = fixture.fake.authorize(first);

        assertThat(errorOf(() -> fixture.integrations.exchangeCode(uuid, redirect.code(), REDIRECT)))
                .isEqualTo(IntegrationError.TOKEN_EXCHANGE_FAILED);
    }

    @Test
    void authorizationUrlWhenNoClientIdThenClientIdNotConfigured() {
        UUID uuid = fixture.integrations.addConnection("google", "default").uuid();

        assertThat(errorOf(() -> fixture.integrations.authorizationUrl(uuid, REDIRECT, null, null)))
                .isEqualTo(IntegrationError.CLIENT_ID_NOT_CONFIGURED);
    }

    @Test
    void authorizationUrlWhenGhostUuidThenNotConfigured() {
        UUID ghost = UUID.fromString("00000000-0000-7000-8000-000000000000");

        assertThat(errorOf(() -> fixture.integrations.authorizationUrl(ghost, REDIRECT, null, null)))
                .isEqualTo(IntegrationError.NOT_CONFIGURED);
    }

    @Test
    void authorizationUrlWhenProviderUnregisteredOrNotOauthThenUnknownProvider() {
        UUID aws = fixture.foreignRow("aws", "default", Map.of("auth_type", "oauth2", "client_id", "cid"));
        UUID openrouter =
                fixture.integrations.addConnection("openrouter", "default").uuid();

        assertThat(errorOf(() -> fixture.integrations.authorizationUrl(aws, REDIRECT, null, null)))
                .isEqualTo(IntegrationError.UNKNOWN_PROVIDER);
        assertThat(errorOf(() -> fixture.integrations.beginAuthorization(openrouter, REDIRECT)))
                .isEqualTo(IntegrationError.UNKNOWN_PROVIDER);
    }

    @Test
    @DisplayName("begin → provider → complete connects, with PKCE verified by the fake server")
    void completeAuthorizationWhenStateMatchesThenConnectedWithTokensAccountEventAndAudit() {
        UUID uuid = fixture.oauthConnection("google", "work", Map.of());
        List<IntegrationEvent> events = new CopyOnWriteArrayList<>();
        fixture.integrations.events().subscribe(events::add);

        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        IntegrationData data = fixture.integrations.completeAuthorization(
                uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT);

        assertThat(request.url().getRawQuery()).contains("code_challenge_method=S256", "state=" + request.state());
        assertThat(request.expiresAt()).isEqualTo(FacadeFixture.START.plus(Duration.ofMinutes(10)));
        assertThat(fixture.fake.requests(FakeEndpoint.TOKEN).get(0).param("code_verifier"))
                .isPresent();
        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
        assertThat(data.accessToken())
                .hasValueSatisfying(token -> assertThat(token).startsWith("fake-at-"));
        assertThat(data.refreshToken()).isPresent();
        assertThat(data.expiresAt()).contains(FacadeFixture.START.plusSeconds(3600));
        assertThat(data.connectedAt()).contains(FacadeFixture.START);
        assertThat(data.get("token_type")).isEqualTo("Bearer");
        assertThat(data.get("scopes"))
                .isEqualTo(fixture.integrations
                        .providers()
                        .get("google")
                        .orElseThrow()
                        .oauthConfig()
                        .orElseThrow()
                        .defaultScopes());
        assertThat(data.get("external_account_id")).isEqualTo("ada@example.com");
        assertThat(data.get("external_account_name")).isEqualTo("Ada Lovelace");
        assertThat(data.get("metadata"))
                .isEqualTo(Map.of(
                        "connected_email",
                        "ada@example.com",
                        "name",
                        "Ada Lovelace",
                        "picture",
                        "https://example.com/ada.png"));
        assertThat(data.asMap()).doesNotContainKeys("oauth_state", "oauth_state_expires_at", "oauth_code_verifier");
        assertThat(data.get("validation_status")).isNull();
        assertThat(events)
                .filteredOn(IntegrationEvent.Connected.class::isInstance)
                .hasSize(1);
        assertThat(fixture.integrations.auditTrail(uuid))
                .extracting(AuditEntry::action)
                .contains("integration.connected");
        assertThat(rawValueJson(uuid))
                .contains("enc:v1:")
                .doesNotContain(data.accessToken().orElseThrow());
    }

    @Test
    void beginAuthorizationStoresThePkceVerifierEncrypted() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());

        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);

        assertThat(rawField(uuid, "oauth_state")).isEqualTo(request.state());
        assertThat(rawField(uuid, "oauth_code_verifier")).startsWith("enc:v1:");
        assertThat(fixture.data(uuid).asMap()).doesNotContainKeys(PENDING_FIELDS.toArray(String[]::new));
    }

    @Test
    @DisplayName("the pending state and PKCE verifier are never handed out: reads, listings, saveSetup, events")
    void beginAuthorizationThenThePendingStateAndVerifierAreNeverHandedOut() {
        // An access token already saved, so getCredentials has credentials to hand out.
        UUID uuid = fixture.oauthConnection("google", "default", Map.of("access_token", "at-before"));
        List<IntegrationEvent> events = new CopyOnWriteArrayList<>();
        fixture.integrations.events().subscribe(events::add);
        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);

        List<IntegrationData> handedOut = new java.util.ArrayList<>();
        handedOut.add(fixture.integrations.saveSetup(uuid, Map.of("note", "pending")));
        handedOut.add(fixture.integrations.getIntegration(uuid.toString()));
        handedOut.add(fixture.integrations.getIntegration("google:default"));
        handedOut.add(fixture.integrations.getCredentials(uuid.toString()));
        handedOut.add(fixture.integrations.getIntegrationByUuid(uuid).data());
        fixture.integrations.listConnections("google").forEach(connection -> handedOut.add(connection.data()));
        fixture.integrations
                .loadAllConnections(List.of("google"))
                .values()
                .forEach(connections -> connections.forEach(connection -> handedOut.add(connection.data())));
        events.stream()
                .filter(IntegrationEvent.SetupSaved.class::isInstance)
                .forEach(event -> handedOut.add(((IntegrationEvent.SetupSaved) event).data()));

        assertThat(handedOut).hasSizeGreaterThanOrEqualTo(8).allSatisfy(data -> {
            assertThat(data.asMap()).doesNotContainKeys(PENDING_FIELDS.toArray(String[]::new));
            assertThat(data.undecryptableFields()).doesNotContainAnyElementsOf(PENDING_FIELDS);
        });
        assertThat(request.toString()).doesNotContain(request.state());
        assertThat(rawField(uuid, "oauth_state")).isEqualTo(request.state());
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        assertThat(fixture.integrations
                        .completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT)
                        .status())
                .contains(ConnectionStatus.CONNECTED);
    }

    @Test
    @DisplayName("a state the caller saved itself (PhoenixKit's pattern) is the caller's data and reads back")
    void saveSetupWhenTheCallerKeepsItsOwnStateThenItReadsBack() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        fixture.integrations.authorizationUrl(uuid, REDIRECT, null, "caller-kept-state");
        fixture.integrations.saveSetup(uuid, Map.of("oauth_state", "caller-kept-state"));

        IntegrationData data = fixture.data(uuid);

        assertThat(data.get("oauth_state")).isEqualTo("caller-kept-state");
        assertThat(data.asMap()).doesNotContainKey("oauth_code_verifier");
    }

    @Test
    @DisplayName("under SecretCipher.none() the verifier is stored as is, and still never handed out")
    void beginAuthorizationWhenCipherIsNoneThenTheVerifierIsNotHandedOut() {
        Integrations plain = fixture.withCipher(SecretCipher.none());
        UUID uuid = plain.addConnection("google", "plain").uuid();
        plain.saveSetup(
                uuid,
                Map.of("client_id", FakeProviderServer.CLIENT_ID, "client_secret", FakeProviderServer.CLIENT_SECRET));

        AuthorizationRequest request = plain.beginAuthorization(uuid, REDIRECT);

        String verifier = rawField(uuid, "oauth_code_verifier");
        assertThat(verifier).isNotBlank();
        assertThat(plain.getIntegration(uuid.toString()).asMap())
                .doesNotContainKeys(PENDING_FIELDS.toArray(String[]::new))
                .doesNotContainValue(verifier);
        assertThat(plain.getIntegrationByUuid(uuid).data().asMap()).doesNotContainValue(verifier);
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        assertThat(plain.completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT)
                        .status())
                .contains(ConnectionStatus.CONNECTED);
        assertThat(fixture.fake.requests(FakeEndpoint.TOKEN).get(0).param("code_verifier"))
                .contains(verifier);
    }

    @Test
    @DisplayName("reencryptAll moves a pending PKCE verifier to the newest key, and the flow still completes")
    void reencryptAllWhenKeyRotatedThenThePendingVerifierMovesToTheNewKey() {
        byte[] oldKey = new byte[32];
        byte[] newKey = new byte[32];
        new SecureRandom().nextBytes(oldKey);
        new SecureRandom().nextBytes(newKey);
        Integrations before =
                fixture.withCipher(SecretCipher.keyring().key("old", oldKey).build());
        UUID uuid = before.addConnection("google", "rotating").uuid();
        before.saveSetup(
                uuid,
                Map.of("client_id", FakeProviderServer.CLIENT_ID, "client_secret", FakeProviderServer.CLIENT_SECRET));
        AuthorizationRequest request = before.beginAuthorization(uuid, REDIRECT);
        assertThat(rawField(uuid, "oauth_code_verifier")).startsWith("enc:v2:old:");

        fixture.withCipher(SecretCipher.keyring()
                        .key("old", oldKey)
                        .key("new", newKey)
                        .build())
                .reencryptAll();

        assertThat(rawField(uuid, "oauth_code_verifier")).startsWith("enc:v2:new:");
        Integrations after =
                fixture.withCipher(SecretCipher.keyring().key("new", newKey).build());
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        assertThat(after.completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT)
                        .status())
                .contains(ConnectionStatus.CONNECTED);
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-1: a used state is rejected (replay), without a second token call")
    void completeAuthorizationWhenStateReplayedThenStateMismatch() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRedirect redirect = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());
        String state = redirect.state().orElseThrow();
        fixture.integrations.completeAuthorization(uuid, state, redirect.code(), REDIRECT);

        IntegrationError error =
                errorOf(() -> fixture.integrations.completeAuthorization(uuid, state, redirect.code(), REDIRECT));

        assertThat(error).isEqualTo(IntegrationError.STATE_MISMATCH);
        assertThat(fixture.fake.tokenCalls()).isOne();
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-1: an expired state is rejected and cleared")
    void completeAuthorizationWhenStateExpiredThenStateMismatchAndNoTokenCall() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRedirect redirect = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());
        fixture.clock.advance(Duration.ofMinutes(10));

        IntegrationError error = errorOf(() -> fixture.integrations.completeAuthorization(
                uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT));

        assertThat(error).isEqualTo(IntegrationError.STATE_MISMATCH);
        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(rawValueJson(uuid)).doesNotContain("oauth_state");
    }

    @Test
    void completeAuthorizationWhenStateExpiresInOneMoreMinuteThenStillAccepted() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRedirect redirect = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());
        fixture.clock.advance(Duration.ofMinutes(9));

        IntegrationData data = fixture.integrations.completeAuthorization(
                uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT);

        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-1: a forged state is rejected and does not cancel the pending authorization")
    void completeAuthorizationWhenStateForgedThenStateMismatchAndTheRealStateStillWorks() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRedirect redirect = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());

        IntegrationError forged = errorOf(
                () -> fixture.integrations.completeAuthorization(uuid, "forged-state", redirect.code(), REDIRECT));
        IntegrationError missing =
                errorOf(() -> fixture.integrations.completeAuthorization(uuid, null, redirect.code(), REDIRECT));
        IntegrationError empty =
                errorOf(() -> fixture.integrations.completeAuthorization(uuid, "", redirect.code(), REDIRECT));
        IntegrationData data = fixture.integrations.completeAuthorization(
                uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT);

        assertThat(List.of(forged, missing, empty)).containsOnly(IntegrationError.STATE_MISMATCH);
        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
    }

    @Test
    void completeAuthorizationWhenStateBelongsToAnotherConnectionThenStateMismatch() {
        UUID first = fixture.oauthConnection("google", "first", Map.of());
        UUID second = fixture.oauthConnection("google", "second", Map.of());
        AuthorizationRedirect redirect = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(first, REDIRECT).url());
        fixture.integrations.beginAuthorization(second, REDIRECT);

        assertThat(errorOf(() -> fixture.integrations.completeAuthorization(
                        second, redirect.state().orElseThrow(), redirect.code(), REDIRECT)))
                .isEqualTo(IntegrationError.STATE_MISMATCH);
    }

    @Test
    void completeAuthorizationWhenNothingWasBegunThenStateMismatch() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());

        assertThat(errorOf(() -> fixture.integrations.completeAuthorization(uuid, "any", "code", REDIRECT)))
                .isEqualTo(IntegrationError.STATE_MISMATCH);
    }

    @Test
    void beginAuthorizationTwiceThenOnlyTheNewestStateIsAccepted() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRedirect older = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());
        AuthorizationRedirect newer = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());

        assertThat(errorOf(() -> fixture.integrations.completeAuthorization(
                        uuid, older.state().orElseThrow(), older.code(), REDIRECT)))
                .isEqualTo(IntegrationError.STATE_MISMATCH);
        assertThat(fixture.integrations
                        .completeAuthorization(uuid, newer.state().orElseThrow(), newer.code(), REDIRECT)
                        .status())
                .contains(ConnectionStatus.CONNECTED);
    }

    @Test
    @DisplayName("Microsoft tenant: a GUID, the default and a blank value reach the authorize and token paths")
    void microsoftFlowWhenTenantGuidDefaultOrBlankThenTheRightTenantIsUsed() {
        String guid = "11111111-2222-3333-4444-555555555555";
        Map<String, Map<String, Object>> cases =
                Map.of("guid", Map.of("tenant_id", guid), "default", Map.of(), "blank", Map.of("tenant_id", "  "));
        for (Map.Entry<String, Map<String, Object>> entry : cases.entrySet()) {
            UUID uuid = fixture.oauthConnection("microsoft", entry.getKey(), entry.getValue());
            fixture.fake.clearRequests();
            String tenant = entry.getKey().equals("guid") ? guid : "common";

            AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);
            AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
            fixture.integrations.completeAuthorization(uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT);

            assertThat(request.url().getPath()).as(entry.getKey()).isEqualTo("/" + tenant + "/oauth2/v2.0/authorize");
            assertThat(fixture.fake.requests(FakeEndpoint.TOKEN).get(0).path())
                    .as(entry.getKey())
                    .isEqualTo("/" + tenant + "/oauth2/v2.0/token");
        }
    }

    @Test
    @DisplayName(
            "docs/behaviour.md#fix-4: Microsoft Graph mail/displayName become the account; userPrincipalName without mail")
    void microsoftFlowThenTheAccountComesFromGraphFields() {
        UUID withMail = fixture.oauthConnection("microsoft", "with-mail", Map.of());
        connect(withMail);
        fixture.fake.account(FakeAccount.defaultAccount().withoutEmail());
        UUID withoutMail = fixture.oauthConnection("microsoft", "without-mail", Map.of());
        connect(withoutMail);

        assertThat(fixture.data(withMail).get("external_account_id")).isEqualTo("ada@example.com");
        assertThat(fixture.data(withMail).get("external_account_name")).isEqualTo("Ada Lovelace");
        assertThat(fixture.data(withMail).get("metadata"))
                .isEqualTo(Map.of("connected_email", "ada@example.com", "name", "Ada Lovelace"));
        assertThat(fixture.data(withoutMail).get("external_account_id")).isEqualTo("ada@example.onmicrosoft.com");
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-3: disconnect keeps tenant_id, so reconnecting uses the same tenant")
    void disconnectThenBeginAuthorizationStillUsesTheStoredTenant() {
        UUID uuid = fixture.oauthConnection("microsoft", "default", Map.of("tenant_id", "contoso"));
        connect(uuid);

        fixture.integrations.disconnect(uuid);

        assertThat(fixture.integrations.beginAuthorization(uuid, REDIRECT).url().getPath())
                .isEqualTo("/contoso/oauth2/v2.0/authorize");
    }

    @Test
    void exchangeCodeWhenTokenEndpointFailsThenTokenExchangeFailedAndTheRowIsUnchanged() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        IntegrationData before = fixture.data(uuid);
        for (Fault fault : List.of(Fault.SERVER_ERROR, Fault.MISSING_ACCESS_TOKEN, Fault.INVALID_GRANT)) {
            fixture.fake.fail(FakeEndpoint.TOKEN, fault);

            IntegrationException e = catchThrowableOfType(
                    IntegrationException.class, () -> fixture.integrations.exchangeCode(uuid, "code", REDIRECT));

            assertThat(e.error()).as(fault.name()).isEqualTo(IntegrationError.TOKEN_EXCHANGE_FAILED);
        }
        assertThat(fixture.data(uuid)).isEqualTo(before);
    }

    @Test
    void exchangeCodeWhenClientSecretMissingThenClientCredentialsNotConfigured() {
        UUID uuid = fixture.integrations.addConnection("google", "default").uuid();
        fixture.integrations.saveSetup(uuid, Map.of("client_id", "fake-client-id"));

        assertThat(errorOf(() -> fixture.integrations.exchangeCode(uuid, "code", REDIRECT)))
                .isEqualTo(IntegrationError.CLIENT_CREDENTIALS_NOT_CONFIGURED);
    }

    @Test
    void exchangeCodeWhenUserinfoFailsThenStillConnectedWithoutAccountDetails() {
        fixture.fake.requirePkce(false);
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        String code = fixture.fake
                .authorize(fixture.integrations.authorizationUrl(uuid, REDIRECT, null, "s"))
                .code();
        fixture.fake.fail(FakeEndpoint.USERINFO, Fault.SERVER_ERROR);

        IntegrationData data = fixture.integrations.exchangeCode(uuid, code, REDIRECT);

        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
        assertThat(data.asMap()).doesNotContainKeys("external_account_id", "external_account_name");
    }

    private void connect(UUID uuid) {
        AuthorizationRedirect redirect = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());
        fixture.integrations.completeAuthorization(uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT);
    }
}
