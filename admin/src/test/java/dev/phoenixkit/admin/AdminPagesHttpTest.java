package dev.phoenixkit.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestClock;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every page and every error path of the console over real loopback HTTP, against the testkit's PostgreSQL and the
 * fake provider server: what each answers, and that a refused or failed request changes nothing.
 */
@PhoenixKitTest
class AdminPagesHttpTest {
    private static final UUID ACTOR = UUID.fromString("0190a3c4-0000-7000-8000-0000000000a1");
    private static final String KEY = "sk-or-v1-pages0123456789abcdef9876";
    private static final String OTHER_KEY = "sk-or-v1-other0123456789abcdef5555";

    private static AdminServer start(Integrations integrations, Clock clock) {
        return start(integrations, AdminAccess.allowAllAs(ACTOR), clock);
    }

    private static AdminServer start(Integrations integrations, AdminAccess access, Clock clock) {
        return AdminServer.start(
                IntegrationsAdmin.builder()
                        .integrations(integrations)
                        .access(access)
                        .clock(clock)
                        .build(),
                0);
    }

    private static Connection apiKeyConnection(Integrations integrations, String name, String key) {
        Connection connection = integrations.addConnection("openrouter", name, ACTOR);
        integrations.saveSetup(connection.uuid(), Map.of("api_key", key), ACTOR);
        return integrations.getIntegrationByUuid(connection.uuid());
    }

    private static Connection googleConnection(Integrations integrations) {
        Connection google = integrations.addConnection("google", "work", ACTOR);
        integrations.saveSetup(
                google.uuid(),
                Map.of("client_id", FakeProviderServer.CLIENT_ID, "client_secret", FakeProviderServer.CLIENT_SECRET),
                ACTOR);
        return integrations.getIntegrationByUuid(google.uuid());
    }

    /** Posts Connect and returns the authorization URL the console redirected to. */
    private static URI connect(HttpSession session, Connection connection) throws Exception {
        session.get(connection.uuid().toString());
        HttpResponse<String> connect = session.post(connection.uuid() + "/connect", Map.of());
        assertThat(connect.statusCode()).isEqualTo(303);
        return URI.create(connect.headers().firstValue("Location").orElseThrow());
    }

    private static String callbackPath(AuthorizationRedirect redirect) {
        return "oauth/callback?" + redirect.location().getRawQuery();
    }

    private static List<String> actions(Integrations integrations, UUID uuid) {
        return integrations.auditTrail(uuid).stream().map(AuditEntry::action).toList();
    }

    @Nested
    class OAuthCallback {
        @Test
        void successConnectsAndRedirectsToTheConnection(
                Integrations integrations, FakeProviderServer fake, TestClock clock) throws Exception {
            Connection google = googleConnection(integrations);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                URI authorize = connect(session, google);
                assertThat(authorize.toString()).startsWith(fake.baseUri().toString());
                assertThat(authorize.getRawQuery())
                        .contains("redirect_uri="
                                + java.net.URLEncoder.encode(
                                        server.uri() + "oauth/callback", java.nio.charset.StandardCharsets.UTF_8));
                AuthorizationRedirect redirect = fake.authorize(authorize);

                HttpResponse<String> callback = session.get(callbackPath(redirect));
                assertThat(callback.statusCode()).isEqualTo(303);
                assertThat(callback.headers().firstValue("Location"))
                        .contains("/admin/integrations/" + google.uuid() + "?m=connected");
                assertThat(callback.headers().firstValue("Referrer-Policy")).contains("no-referrer");
                IntegrationData data =
                        integrations.getIntegrationByUuid(google.uuid()).data();
                assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
                assertThat(data.getString("external_account_id")).contains("ada@example.com");
                // the operator whose browser came back is the actor of the connection
                AuditEntry connected = integrations.auditTrail(google.uuid()).stream()
                        .filter(e -> e.action().equals("integration.connected"))
                        .findFirst()
                        .orElseThrow();
                assertThat(connected.actorUuid()).contains(ACTOR);
                HttpResponse<String> page = session.follow(callback);
                assertThat(page.body()).contains("Connected.").contains("Ada Lovelace &lt;ada@example.com&gt;");
            }
        }

        @Test
        void providerErrorWithoutCodeShowsTheReasonAndChangesNothing(
                Integrations integrations, FakeProviderServer fake, TestClock clock) throws Exception {
            Connection google = googleConnection(integrations);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                URI authorize = connect(session, google);
                String state = fake.authorize(authorize).state().orElseThrow();
                IntegrationData before =
                        integrations.getIntegrationByUuid(google.uuid()).data();
                List<String> auditBefore = actions(integrations, google.uuid());

                HttpResponse<String> denied = session.get("oauth/callback?error=access_denied&state=" + state
                        + "&error_description=%3Cb%3EThe+user+said+no%3C%2Fb%3E");
                assertThat(denied.statusCode()).isEqualTo(400);
                assertThat(denied.body())
                        .contains("Authorization failed")
                        .contains("access_denied: &lt;b&gt;The user said no&lt;/b&gt;")
                        .contains("Nothing was changed.")
                        .doesNotContain("<b>");
                Connection after = integrations.getIntegrationByUuid(google.uuid());
                assertThat(after.data().status()).isEqualTo(before.status());
                assertThat(after.data().accessToken()).isEmpty();
                assertThat(actions(integrations, google.uuid())).isEqualTo(auditBefore);
                assertThat(fake.tokenCalls()).isZero();

                // the denied answer consumed the state: a code arriving for it later is refused
                HttpResponse<String> late = session.get("oauth/callback?code=late&state=" + state);
                assertThat(late.body()).contains("Security check failed");
                assertThat(fake.tokenCalls()).isZero();
            }
        }

        @Test
        void missingUnknownAndReplayedStatesAreRefusedAndChangeNothing(
                Integrations integrations, FakeProviderServer fake, TestClock clock) throws Exception {
            Connection google = googleConnection(integrations);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                AuthorizationRedirect redirect = fake.authorize(connect(session, google));

                for (String path : List.of(
                        "oauth/callback",
                        "oauth/callback?code=" + redirect.code(),
                        "oauth/callback?code=" + redirect.code() + "&state=not-the-state",
                        "oauth/callback?code=x&state=" + "a".repeat(500))) {
                    HttpResponse<String> refused = session.get(path);
                    assertThat(refused.statusCode()).as(path).isEqualTo(400);
                    assertThat(refused.body()).as(path).contains("Security check failed");
                }
                assertThat(fake.tokenCalls()).isZero();
                assertThat(integrations
                                .getIntegrationByUuid(google.uuid())
                                .data()
                                .status())
                        .isNotEqualTo(Optional.of(ConnectionStatus.CONNECTED));

                assertThat(session.get(callbackPath(redirect)).statusCode()).isEqualTo(303);
                IntegrationData connected =
                        integrations.getIntegrationByUuid(google.uuid()).data();
                HttpResponse<String> replayed = session.get(callbackPath(redirect));
                assertThat(replayed.statusCode()).isEqualTo(400);
                assertThat(replayed.body()).contains("Security check failed").contains("used already");
                assertThat(fake.tokenCalls("authorization_code")).isEqualTo(1);
                assertThat(integrations.getIntegrationByUuid(google.uuid()).data())
                        .isEqualTo(connected);
            }
        }

        @Test
        void connectWithoutClientIdSaysSoOnTheForm(Integrations integrations, TestClock clock) throws Exception {
            Connection google = integrations.addConnection("google", "bare", ACTOR);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                session.get(google.uuid().toString());
                HttpResponse<String> connect = session.post(google.uuid() + "/connect", Map.of());
                assertThat(connect.statusCode()).isEqualTo(422);
                assertThat(connect.body()).contains("Please save your Client ID first.");
            }
        }
    }

    @Nested
    class Changes {
        @Test
        void removeAsksFirstThenRemovesWithTheActor(Integrations integrations, TestClock clock) throws Exception {
            Connection work = apiKeyConnection(integrations, "work", KEY);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                HttpResponse<String> confirm = session.get(work.uuid() + "/remove");
                assertThat(confirm.statusCode()).isEqualTo(200);
                assertThat(confirm.body()).contains("Remove work?").contains("name=\"confirm\" value=\"yes\"");

                HttpResponse<String> unconfirmed = session.post(work.uuid() + "/remove", Map.of());
                assertThat(unconfirmed.statusCode()).isEqualTo(303);
                assertThat(unconfirmed.headers().firstValue("Location"))
                        .contains("/admin/integrations/" + work.uuid() + "/remove");
                assertThat(integrations.listConnections("openrouter")).hasSize(1);

                HttpResponse<String> removed = session.post(work.uuid() + "/remove", Map.of("confirm", "yes"));
                assertThat(removed.headers().firstValue("Location")).contains("/admin/integrations/?m=removed");
                assertThat(integrations.listConnections("openrouter")).isEmpty();
                AuditEntry last = integrations
                        .auditTrail(work.uuid())
                        .get(integrations.auditTrail(work.uuid()).size() - 1);
                assertThat(last.action()).isEqualTo("integration.connection_removed");
                assertThat(last.actorUuid()).contains(ACTOR);
                assertThat(session.follow(removed).body()).contains("Connection removed.");
            }
        }

        @Test
        void disconnectOnlyByPostAndAudited(Integrations integrations, FakeProviderServer fake, TestClock clock)
                throws Exception {
            fake.addApiKey(KEY);
            Connection work = apiKeyConnection(integrations, "work", KEY);
            integrations.recordValidation(work.uuid(), integrations.validateConnection(work.uuid()));
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                session.get(work.uuid().toString());
                assertThat(session.get(work.uuid() + "/disconnect").statusCode())
                        .isEqualTo(405);
                assertThat(integrations.getIntegrationByUuid(work.uuid()).data().status())
                        .contains(ConnectionStatus.CONNECTED);

                HttpResponse<String> disconnected = session.post(work.uuid() + "/disconnect", Map.of());
                assertThat(disconnected.headers().firstValue("Location"))
                        .contains("/admin/integrations/" + work.uuid() + "?m=disconnected");
                assertThat(integrations.getIntegrationByUuid(work.uuid()).data().status())
                        .contains(ConnectionStatus.DISCONNECTED);
                AuditEntry entry = integrations.auditTrail(work.uuid()).stream()
                        .filter(e -> e.action().equals("integration.disconnected"))
                        .findFirst()
                        .orElseThrow();
                assertThat(entry.actorUuid()).contains(ACTOR);
                assertThat(session.follow(disconnected).body())
                        .contains("Disconnected.")
                        .contains("Not connected");
            }
        }

        @Test
        void aBlankSecretInputKeepsTheStoredValue(Integrations integrations, FakeProviderServer fake, TestClock clock)
                throws Exception {
            fake.addApiKey(KEY);
            Connection work = apiKeyConnection(integrations, "work", KEY);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                HttpResponse<String> edit = session.get(work.uuid().toString());
                assertThat(edit.body())
                        .contains("Leave blank to keep it.")
                        .contains("name=\"f.api_key\" type=\"password\" value=\"\"");

                HttpResponse<String> saved =
                        session.post(work.uuid().toString(), Map.of("name", "work", "f.api_key", "", "intent", "save"));
                assertThat(saved.statusCode()).isEqualTo(303);
                assertThat(saved.headers().firstValue("Location"))
                        .hasValueSatisfying(l -> assertThat(l).endsWith("?m=verified"));
                // the save's automatic test is audited with the operator too
                assertThat(integrations.auditTrail(work.uuid()))
                        .filteredOn(e -> e.action().equals("integration.validated"))
                        .extracting(e -> e.actorUuid().orElse(null))
                        .containsExactly(ACTOR);
                assertThat(integrations.getCredentials(work.uuid().toString()).apiKey())
                        .contains(KEY);

                session.post(work.uuid().toString(), Map.of("name", "work", "f.api_key", OTHER_KEY, "intent", "save"));
                assertThat(integrations.getCredentials(work.uuid().toString()).apiKey())
                        .contains(OTHER_KEY);
            }
        }

        @Test
        void testOnTheEditFormUsesTheTypedValuesAndStoresNothing(
                Integrations integrations, FakeProviderServer fake, TestClock clock) throws Exception {
            fake.addApiKey(KEY);
            Connection work = apiKeyConnection(integrations, "work", KEY);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                session.get(work.uuid().toString());
                HttpResponse<String> typed = session.post(
                        work.uuid().toString(), Map.of("name", "work", "f.api_key", OTHER_KEY, "intent", "test"));
                assertThat(typed.statusCode()).isEqualTo(200);
                assertThat(typed.body()).contains("Test failed: ").doesNotContain(OTHER_KEY);
                assertThat(integrations.getCredentials(work.uuid().toString()).apiKey())
                        .contains(KEY);
                // a typed value that differs from the stored one is not the connection's result
                assertThat(integrations.getIntegrationByUuid(work.uuid()).data().status())
                        .contains(ConnectionStatus.CONFIGURED);

                HttpResponse<String> json = session.post(
                        work.uuid().toString(),
                        Map.of("name", "work", "f.api_key", "", "intent", "test"),
                        "Accept",
                        "application/json");
                assertThat(json.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                assertThat(json.body()).isEqualTo("{\"ok\":true,\"message\":\"Connection verified\"}");
                // the stored values were tested: that outcome is recorded
                assertThat(integrations.getIntegrationByUuid(work.uuid()).data().status())
                        .contains(ConnectionStatus.CONNECTED);
            }
        }

        @Test
        void badInputIsShownOnTheFormAndSavesNothing(Integrations integrations, TestClock clock) throws Exception {
            integrations.addConnection("openrouter", "taken", ACTOR);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                session.get("new?provider=openrouter");
                HttpResponse<String> noName =
                        session.post("new", Map.of("provider", "openrouter", "name", " ", "f.api_key", KEY));
                assertThat(noName.statusCode()).isEqualTo(422);
                assertThat(noName.body()).contains("Please enter a connection name.");
                HttpResponse<String> noKey = session.post("new", Map.of("provider", "openrouter", "name", "work"));
                assertThat(noKey.statusCode()).isEqualTo(422);
                assertThat(noKey.body()).contains("API Key is required.").contains("value=\"work\"");
                HttpResponse<String> taken =
                        session.post("new", Map.of("provider", "openrouter", "name", "taken", "f.api_key", KEY));
                assertThat(taken.statusCode()).isEqualTo(422);
                assertThat(taken.body())
                        .contains("A connection with that name already exists.")
                        .contains("Secrets you typed are never sent back")
                        .doesNotContain(KEY);
                HttpResponse<String> unknown = session.post("new", Map.of("provider", "nope", "name", "work"));
                assertThat(unknown.statusCode()).isEqualTo(400);
                assertThat(unknown.body()).contains("Unknown provider");
                assertThat(session.get("new?provider=nope").statusCode()).isEqualTo(404);
                assertThat(integrations.listConnections("openrouter"))
                        .extracting(Connection::name)
                        .containsExactly("taken");
            }
        }
    }

    @Nested
    class Picker {
        @Test
        void neverAutoSelectsShowsTheStoredChoiceAndADeletedCard(Integrations integrations, TestClock clock)
                throws Exception {
            Connection only = apiKeyConnection(integrations, "only", KEY);
            IntegrationsAdmin admin = IntegrationsAdmin.builder()
                    .integrations(integrations)
                    .access(AdminAccess.allowAllAs(ACTOR))
                    .clock(clock)
                    .build();

            String none = admin.picker("openrouter", "ai_connection", Optional.empty());
            assertThat(checkedValues(none)).containsExactly("");
            assertThat(none)
                    .contains("value=\"" + only.uuid() + "\"")
                    .contains("sk-or-v1…9876")
                    .doesNotContain(KEY)
                    .contains("name=\"ai_connection\"");

            String chosen = admin.picker("openrouter", "ai_connection", Optional.of(only.uuid()));
            assertThat(checkedValues(chosen)).containsExactly(only.uuid().toString());
            assertThat(chosen).doesNotContain("pk-deleted");

            UUID gone = UUID.fromString("0190a3c4-0000-7000-8000-00000000dead");
            String deleted = admin.picker("openrouter", "ai_connection", Optional.of(gone));
            assertThat(checkedValues(deleted)).containsExactly(gone.toString());
            assertThat(deleted).contains("pk-deleted").contains("Integration deleted");

            assertThat(admin.picker("mistral", "ai_connection", Optional.empty()))
                    .contains("No integrations configured.");

            try (AdminServer server = AdminServer.start(admin, 0)) {
                HttpResponse<String> page =
                        new HttpSession(server.uri()).get("picker?provider=openrouter&selected=" + only.uuid());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(checkedValues(page.body()))
                        .containsExactly(only.uuid().toString());
                assertThat(page.body()).contains("Stored choice: <code class=\"stored-choice\">" + only.uuid());
            }
        }

        private List<String> checkedValues(String html) {
            Matcher m = Pattern.compile("<input type=\"radio\" name=\"[^\"]+\" value=\"([^\"]*)\" checked")
                    .matcher(html);
            List<String> values = new java.util.ArrayList<>();
            while (m.find()) {
                values.add(m.group(1));
            }
            return values;
        }
    }

    @Nested
    class Navigation {
        @Test
        void anUnknownUuidSaysSoAndGoesBackToTheList(Integrations integrations, TestClock clock) throws Exception {
            UUID unknown = UUID.fromString("0190a3c4-0000-7000-8000-00000000beef");
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                for (String path : List.of(unknown.toString(), unknown + "/remove")) {
                    HttpResponse<String> response = session.get(path);
                    assertThat(response.statusCode()).as(path).isEqualTo(303);
                    assertThat(response.headers().firstValue("Location"))
                            .as(path)
                            .contains("/admin/integrations/?m=not_found");
                    assertThat(session.follow(response).body()).contains("Integration not found.");
                }
                session.get("new?provider=openrouter"); // a page with a form, for the CSRF token
                HttpResponse<String> post = session.post(unknown + "/disconnect", Map.of());
                assertThat(post.headers().firstValue("Location")).contains("/admin/integrations/?m=not_found");
                HttpResponse<String> json = session.post(unknown + "/test", Map.of(), "Accept", "application/json");
                assertThat(json.statusCode()).isEqualTo(404);
                assertThat(json.body()).contains("\"ok\":false");
                assertThat(session.get("not-a-page").statusCode()).isEqualTo(404);
                assertThat(session.get(unknown + "/a/b").statusCode()).isEqualTo(404);
            }
        }

        @Test
        void listGroupsByProviderWithStatusAndActivity(
                Integrations integrations, FakeProviderServer fake, TestClock clock) throws Exception {
            fake.addApiKey(KEY);
            Connection work = apiKeyConnection(integrations, "work", KEY);
            integrations.recordValidation(work.uuid(), integrations.validateConnection(work.uuid()));
            Connection broken = apiKeyConnection(integrations, "broken", OTHER_KEY);
            integrations.addConnection("google", "mail", ACTOR);
            clock.advance(java.time.Duration.ofMinutes(3));
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                session.get("");
                HttpResponse<String> tested = session.post(broken.uuid() + "/test", Map.of());
                assertThat(tested.headers().firstValue("Location"))
                        .contains("/admin/integrations/?m=test_failed&c=" + broken.uuid());
                String list = session.follow(tested).body();
                assertThat(list)
                        .contains("Test failed for broken: ")
                        .contains("data-provider=\"google\"")
                        .contains("data-provider=\"openrouter\"")
                        .contains("badge-connected")
                        .contains("badge-error")
                        .contains("badge-disconnected")
                        .contains("Connected 3 minutes ago")
                        .contains("Last tested just now")
                        .doesNotContain(KEY)
                        .doesNotContain(OTHER_KEY);
            }
        }
    }

    @Nested
    class Security {
        @Test
        void csrfIsRefusedWithoutCookieFieldOrFromAnotherSite(
                Integrations integrations, FakeProviderServer fake, TestClock clock) throws Exception {
            fake.addApiKey(KEY);
            Connection work = apiKeyConnection(integrations, "work", KEY);
            integrations.recordValidation(work.uuid(), integrations.validateConnection(work.uuid()));
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                session.get(work.uuid().toString());
                String token = session.csrf();
                String path = work.uuid() + "/disconnect";
                List<HttpResponse<String>> refused = List.of(
                        session.post(path, Map.of("_csrf", "")),
                        session.post(path, Map.of("_csrf", token + "x")),
                        session.post(path, Map.of(), "Sec-Fetch-Site", "cross-site"),
                        session.post(path, Map.of(), "Sec-Fetch-Site", "same-site"),
                        session.post(path, Map.of(), "Origin", "http://evil.example"),
                        // a second client without the cookie, carrying the first one's token
                        new HttpSession(server.uri()).post(path, Map.of("_csrf", token)));
                for (HttpResponse<String> response : refused) {
                    assertThat(response.statusCode()).isEqualTo(403);
                    assertThat(response.body()).contains("Request refused").contains("nothing was changed");
                }
                assertThat(integrations.getIntegrationByUuid(work.uuid()).data().status())
                        .contains(ConnectionStatus.CONNECTED);
                assertThat(actions(integrations, work.uuid())).doesNotContain("integration.disconnected");
                // the same request with the token, same-origin, goes through
                HttpResponse<String> accepted = session.post(
                        path,
                        Map.of(),
                        "Sec-Fetch-Site",
                        "same-origin",
                        "Origin",
                        "http://" + server.uri().getAuthority());
                assertThat(accepted.statusCode()).isEqualTo(303);
            }
        }

        @Test
        void withoutAnAccessPolicyEveryRouteIsRefusedAndNothingHappens(
                Integrations integrations, FakeProviderServer fake, TestClock clock) throws Exception {
            Connection google = googleConnection(integrations);
            URI authorize = integrations
                    .beginAuthorization(google.uuid(), URI.create("http://127.0.0.1/admin/integrations/oauth/callback"))
                    .url();
            AuthorizationRedirect redirect = fake.authorize(authorize);
            try (AdminServer server = AdminServer.start(
                    IntegrationsAdmin.builder()
                            .integrations(integrations)
                            .clock(clock)
                            .build(),
                    0)) {
                HttpSession session = new HttpSession(server.uri());
                List<HttpResponse<String>> responses = List.of(
                        session.get(""),
                        session.get("new"),
                        session.get("new?provider=openrouter"),
                        session.get(google.uuid().toString()),
                        session.get(google.uuid() + "/remove"),
                        session.get("picker"),
                        session.get(callbackPath(redirect)),
                        session.post("new", Map.of("provider", "openrouter", "name", "x", "f.api_key", KEY)),
                        session.post(google.uuid() + "/remove", Map.of("confirm", "yes")),
                        session.post(google.uuid() + "/disconnect", Map.of()));
                for (HttpResponse<String> response : responses) {
                    assertThat(response.statusCode())
                            .as(response.uri().toString())
                            .isEqualTo(403);
                    assertThat(response.body()).isEqualTo("Access to the integrations console was refused.\n");
                    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
                    assertThat(response.headers().firstValue("Content-Security-Policy"))
                            .isPresent();
                }
                assertThat(fake.tokenCalls()).isZero();
                assertThat(integrations.listIntegrations())
                        .extracting(Connection::uuid)
                        .containsExactly(google.uuid());
                // the callback was refused before anything was looked up: the state is still pending
                assertThat(integrations
                                .completeAuthorization(
                                        redirect.state().orElseThrow(),
                                        redirect.code(),
                                        URI.create("http://127.0.0.1/admin/integrations/oauth/callback"))
                                .uuid())
                        .isEqualTo(google.uuid());
            }
        }

        @Test
        void aThrowingOrNullAnsweringPolicyRefuses(Integrations integrations, TestClock clock) throws Exception {
            AdminAccess throwing = request -> {
                throw new IllegalStateException("session store down");
            };
            AdminAccess nulls = request -> null;
            for (AdminAccess policy : List.of(throwing, nulls)) {
                try (AdminServer server = start(integrations, policy, clock)) {
                    assertThat(new HttpSession(server.uri()).get("").statusCode())
                            .isEqualTo(403);
                }
            }
        }

        @Test
        void everyPageCarriesTheSecurityHeadersAndAssetsAreCached(Integrations integrations, TestClock clock)
                throws Exception {
            Connection work = apiKeyConnection(integrations, "work", KEY);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                for (String path : List.of(
                        "",
                        "new",
                        "new?provider=openrouter",
                        "new?provider=nope",
                        work.uuid().toString(),
                        work.uuid() + "/remove",
                        "picker?provider=openrouter",
                        "oauth/callback?state=x&code=y")) {
                    HttpResponse<String> response = session.get(path);
                    String csp = response.headers()
                            .firstValue("Content-Security-Policy")
                            .orElseThrow();
                    assertThat(csp)
                            .as(path)
                            .contains("default-src 'none'")
                            .contains("script-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline")
                            .doesNotContain("unsafe-eval");
                    assertThat(response.headers().firstValue("X-Frame-Options"))
                            .as(path)
                            .contains("DENY");
                    assertThat(response.headers().firstValue("Referrer-Policy"))
                            .as(path)
                            .contains("no-referrer");
                    assertThat(response.headers().firstValue("X-Content-Type-Options"))
                            .as(path)
                            .contains("nosniff");
                    assertThat(response.headers().firstValue("Cache-Control"))
                            .as(path)
                            .contains("no-store");
                    assertThat(response.body())
                            .as(path)
                            .doesNotContain("<script>")
                            .doesNotContain(" onclick=");
                }
                for (String asset : List.of("assets/admin.css", "assets/admin.js")) {
                    HttpResponse<String> response = session.get(asset);
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=86400");
                }
                assertThat(session.get("assets/../pom.xml").statusCode()).isEqualTo(404);
                assertThat(session.get("assets/nope.js").statusCode()).isEqualTo(404);
            }
        }

        @Test
        void noSecretInAnyPageHeaderOrRedirect(Integrations integrations, FakeProviderServer fake, TestClock clock)
                throws Exception {
            fake.addApiKey(KEY);
            Connection work = apiKeyConnection(integrations, "work", KEY);
            Connection google = googleConnection(integrations);
            try (AdminServer server = start(integrations, clock)) {
                HttpSession session = new HttpSession(server.uri());
                session.get(callbackPath(fake.authorize(connect(session, google))));
                IntegrationData tokens =
                        integrations.getCredentials(google.uuid().toString());
                List<String> secrets = List.of(
                        KEY,
                        FakeProviderServer.CLIENT_SECRET,
                        tokens.accessToken().orElseThrow(),
                        tokens.refreshToken().orElseThrow());

                for (String path : List.of(
                        "",
                        "new?provider=openrouter",
                        work.uuid().toString(),
                        google.uuid().toString(),
                        google.uuid() + "/remove",
                        "picker?provider=openrouter&selected=" + work.uuid(),
                        "picker?provider=google&selected=" + google.uuid())) {
                    session.get(path);
                }
                session.post(work.uuid().toString(), Map.of("name", "work", "intent", "test"));
                session.post(
                        work.uuid().toString(), Map.of("name", "work", "intent", "test"), "Accept", "application/json");
                session.post(work.uuid().toString(), Map.of("name", "bad name!", "f.api_key", KEY, "intent", "save"));
                session.post("new", Map.of("provider", "openrouter", "name", "", "f.api_key", KEY, "intent", "test"));
                session.post(google.uuid() + "/test", Map.of());

                assertThat(session.seen()).hasSizeGreaterThan(10);
                for (HttpResponse<String> response : session.seen()) {
                    String everything =
                            response.uri() + "\n" + response.headers().map() + "\n" + response.body();
                    for (String secret : secrets) {
                        assertThat(everything).as(response.uri().toString()).doesNotContain(secret);
                    }
                }
            }
        }

        @Test
        void plaintextStorageShowsTheBanner(DataSource dataSource) throws Exception {
            try (Integrations plaintext = Integrations.builder()
                            .dataSource(dataSource)
                            .cipher(SecretCipher.none())
                            .providers(ProviderRegistry.loadDefault())
                            .build();
                    AdminServer server = start(plaintext, Clock.systemUTC())) {
                apiKeyConnection(plaintext, "work", KEY);
                HttpResponse<String> list = new HttpSession(server.uri()).get("");
                assertThat(list.body())
                        .contains("class=\"banner\"")
                        .contains("Credentials are stored in plain text")
                        .doesNotContain(KEY);
            }
        }

        @Test
        void theEncryptedFacadeShowsNoBanner(Integrations integrations) throws Exception {
            apiKeyConnection(integrations, "work", KEY);
            try (AdminServer server = start(integrations, Clock.systemUTC())) {
                assertThat(new HttpSession(server.uri()).get("").body()).doesNotContain("class=\"banner\"");
            }
        }
    }
}
