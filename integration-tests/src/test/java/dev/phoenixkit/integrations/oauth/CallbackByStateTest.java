package dev.phoenixkit.integrations.oauth;

import static dev.phoenixkit.integrations.oauth.FacadeFixture.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoenixkit.integrations.AuthorizationOptions;
import dev.phoenixkit.integrations.AuthorizationRequest;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code completeAuthorization(state, code, redirectUri)}: one callback route completing by the state alone; the
 * consent-denied callback (no code) in both overloads; per-call scopes and parameters on
 * {@code beginAuthorization}. Real PostgreSQL, the fake OAuth server over loopback.
 */
@PhoenixKitTest
class CallbackByStateTest {
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

    /** @return every row's {@code value_json}, by uuid, as stored */
    private Map<UUID, String> allRows() {
        Map<UUID, String> rows = new LinkedHashMap<>();
        database.jdbi()
                .useHandle(handle -> handle.createQuery(
                                "SELECT uuid, value_json::text AS v FROM phoenix_kit_settings ORDER BY uuid")
                        .map((rs, ctx) ->
                                Map.entry(rs.getObject("uuid", UUID.class), String.valueOf(rs.getString("v"))))
                        .forEach(entry -> rows.put(entry.getKey(), entry.getValue())));
        return rows;
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void completeByStateWhenTwoConnectionsArePendingThenTheOneHoldingTheStateConnects() {
        UUID first = fixture.oauthConnection("google", "first", Map.of());
        UUID second = fixture.oauthConnection("google", "second", Map.of());
        AuthorizationRequest firstRequest = fixture.integrations.beginAuthorization(first, REDIRECT);
        AuthorizationRequest secondRequest = fixture.integrations.beginAuthorization(second, REDIRECT);

        AuthorizationRedirect redirect = fixture.fake.authorize(secondRequest.url());
        Connection connected =
                fixture.integrations.completeAuthorization(redirect.state().orElseThrow(), redirect.code(), REDIRECT);

        assertThat(connected.uuid()).isEqualTo(second);
        assertThat(connected.name()).isEqualTo("second");
        assertThat(connected.data().status()).contains(ConnectionStatus.CONNECTED);
        assertThat(fixture.data(first).status()).contains(ConnectionStatus.DISCONNECTED);
        AuthorizationRedirect firstRedirect = fixture.fake.authorize(firstRequest.url());
        assertThat(fixture.integrations
                        .completeAuthorization(firstRequest.state(), firstRedirect.code(), REDIRECT)
                        .uuid())
                .isEqualTo(first);
    }

    @Test
    void completeByStateWhenReplayedThenStateMismatchAndNothingChanges() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRedirect redirect = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());
        fixture.integrations.completeAuthorization(redirect.state().orElseThrow(), redirect.code(), REDIRECT);
        Map<UUID, String> before = allRows();
        int tokenCalls = fixture.fake.tokenCalls();

        IntegrationError error = errorOf(() ->
                fixture.integrations.completeAuthorization(redirect.state().orElseThrow(), redirect.code(), REDIRECT));

        assertThat(error).isEqualTo(IntegrationError.STATE_MISMATCH);
        assertThat(allRows()).isEqualTo(before);
        assertThat(fixture.fake.tokenCalls()).isEqualTo(tokenCalls);
    }

    @Test
    void completeByStateWhenStateUnknownMissingOrEmptyThenStateMismatchAndNothingChanges() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);
        Map<UUID, String> before = allRows();

        List<String> states = new java.util.ArrayList<>(
                List.of("forged", "", "x".repeat(500), request.state().substring(1)));
        states.add(null);
        for (String state : states) {
            assertThat(errorOf(() -> fixture.integrations.completeAuthorization(state, "code", REDIRECT)))
                    .as("state %s", state)
                    .isEqualTo(IntegrationError.STATE_MISMATCH);
        }

        assertThat(allRows()).isEqualTo(before);
        assertThat(fixture.fake.tokenCalls()).isZero();
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        assertThat(fixture.integrations
                        .completeAuthorization(request.state(), redirect.code(), REDIRECT)
                        .uuid())
                .isEqualTo(uuid);
    }

    @Test
    void completeByStateWhenExpiredThenStateMismatchAndNoTokenCall() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRedirect redirect = fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());
        fixture.clock.advance(Duration.ofMinutes(10));

        assertThat(errorOf(() -> fixture.integrations.completeAuthorization(
                        redirect.state().orElseThrow(), redirect.code(), REDIRECT)))
                .isEqualTo(IntegrationError.STATE_MISMATCH);
        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void completeByStateWhenTheCallerSavedItsOwnBareStateThenItIsNotAPendingAuthorization() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of("oauth_state", "caller-kept"));

        assertThat(errorOf(() -> fixture.integrations.completeAuthorization("caller-kept", "code", REDIRECT)))
                .isEqualTo(IntegrationError.STATE_MISMATCH);
        assertThat(fixture.data(uuid).get("oauth_state")).isEqualTo("caller-kept");
    }

    @Test
    void completeByStateWhenConsentDeniedThenAuthorizationDeniedStateConsumedAndNothingElseChanges() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        Map<String, Object> dataBefore = fixture.data(uuid).asMap();
        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);

        IntegrationException denied = catchThrowableOfType(
                IntegrationException.class,
                () -> fixture.integrations.completeAuthorization(request.state(), null, REDIRECT));

        assertThat(denied.error()).isEqualTo(IntegrationError.AUTHORIZATION_DENIED);
        assertThat(denied.getMessage()).doesNotContain(request.state());
        assertThat(fixture.data(uuid).asMap()).isEqualTo(dataBefore);
        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(errorOf(() -> fixture.integrations.completeAuthorization(request.state(), "late-code", REDIRECT)))
                .isEqualTo(IntegrationError.STATE_MISMATCH);
    }

    @Test
    void completeByUuidWhenConsentDeniedThenAuthorizationDeniedNotANullPointer() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);

        assertThat(errorOf(() -> fixture.integrations.completeAuthorization(uuid, request.state(), null, REDIRECT)))
                .isEqualTo(IntegrationError.AUTHORIZATION_DENIED);
        assertThat(errorOf(() -> fixture.integrations.completeAuthorization(uuid, request.state(), "code", REDIRECT)))
                .isEqualTo(IntegrationError.STATE_MISMATCH);
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void completeByUuidWhenNoCodeAndAForgedStateThenStateMismatchFirst() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);

        assertThat(errorOf(() -> fixture.integrations.completeAuthorization(uuid, "forged", null, REDIRECT)))
                .isEqualTo(IntegrationError.STATE_MISMATCH);
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        assertThat(fixture.integrations
                        .completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT)
                        .status())
                .contains(ConnectionStatus.CONNECTED);
    }

    @Test
    void beginAuthorizationWithOptionsThenScopesAreNarrowedExtendedAndStoredAndParamsSent() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        AuthorizationOptions options = AuthorizationOptions.builder()
                .scopes(List.of("openid", "email"))
                .addScopes(List.of("https://www.googleapis.com/auth/drive.readonly", "email"))
                .param("login_hint", "ops@example.com")
                .build();

        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT, options);
        Map<String, String> params = query(request.url());
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        Connection connected = fixture.integrations.completeAuthorization(request.state(), redirect.code(), REDIRECT);

        String expected = "openid email https://www.googleapis.com/auth/drive.readonly";
        assertThat(params)
                .containsEntry("scope", expected)
                .containsEntry("login_hint", "ops@example.com")
                .containsEntry("state", request.state());
        assertThat(connected.data().get("scopes")).isEqualTo(expected);
        assertThat(connected.data().asMap()).doesNotContainKey("oauth_requested_scopes");
    }

    @Test
    void beginAuthorizationWithAddedScopesOnlyThenTheDefaultsAreKept() {
        UUID uuid = fixture.oauthConnection("google", "default", Map.of());
        String defaults = query(
                        fixture.integrations.beginAuthorization(uuid, REDIRECT).url())
                .get("scope");

        String scope = query(fixture.integrations
                        .beginAuthorization(
                                uuid,
                                REDIRECT,
                                AuthorizationOptions.builder()
                                        .addScopes(List.of("extra.scope"))
                                        .build())
                        .url())
                .get("scope");

        assertThat(defaults).isNotBlank();
        assertThat(scope).isEqualTo(defaults + " extra.scope");
    }

    @Test
    void authorizationOptionsWhenReservedParamOrBadScopeThenInvalid() {
        assertThat(errorOf(() ->
                        AuthorizationOptions.builder().param("state", "mine").build()))
                .isEqualTo(IntegrationError.INVALID);
        assertThat(errorOf(() -> AuthorizationOptions.builder()
                        .param("redirect_uri", "https://evil")
                        .build()))
                .isEqualTo(IntegrationError.INVALID);
        assertThat(errorOf(() ->
                        AuthorizationOptions.builder().param("prompt", "a\nb").build()))
                .isEqualTo(IntegrationError.INVALID);
        assertThat(errorOf(() -> AuthorizationOptions.builder()
                        .scopes(List.of("two words"))
                        .build()))
                .isEqualTo(IntegrationError.INVALID);
        assertThat(AuthorizationOptions.builder()
                        .param("prompt", "consent")
                        .build()
                        .params())
                .containsEntry("prompt", "consent");
    }
}
