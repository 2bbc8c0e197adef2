package dev.phoenixkit.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.admin.AdminAccess;
import dev.phoenixkit.admin.AdminServer;
import dev.phoenixkit.admin.IntegrationsAdmin;
import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestClock;
import dev.phoenixkit.testkit.fake.FakeAccount;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} + {@code chromium-driver} through Selenium),
 * against the testkit's PostgreSQL and fake provider server, with the console's script running. Every page visited
 * is saved as a PNG under {@code admin/target/screenshots}. Skipped without Chromium unless
 * {@code -Dphoenixkit.browser.required=true}.
 */
@PhoenixKitTest
@ExtendWith(BrowserExtension.class)
class AdminBrowserTest {
    private static final UUID ACTOR = UUID.fromString("0190a3c4-0000-7000-8000-0000000000b1");
    private static final String KEY = "sk-or-v1-browser0123456789abcdef42";

    private static AdminServer start(Integrations integrations, AdminAccess access) {
        return start(integrations, access, Clock.systemUTC());
    }

    /** With the fake provider server the facade runs on the test's clock: so does the console then. */
    private static AdminServer start(Integrations integrations, AdminAccess access, Clock clock) {
        return AdminServer.start(
                IntegrationsAdmin.builder()
                        .integrations(integrations)
                        .access(access)
                        .clock(clock)
                        .basePath("/admin/integrations")
                        .build(),
                0);
    }

    private static String page(AdminServer server, String path) {
        return server.uri().resolve(path).toString();
    }

    @Test
    void addThenTestAsDryRunThenSaveIsConnected(
            Integrations integrations, FakeProviderServer fake, TestClock clock, Chromium browser) {
        fake.addApiKey(KEY);
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR), clock)) {
            browser.open(page(server, ""));
            assertThat(browser.text()).contains("No connections yet").contains("OpenRouter");
            browser.screenshot("01-list-empty");

            browser.clickAndLoad("a.top-new");
            assertThat(browser.find("h1").getText()).isEqualTo("Add a connection");
            browser.screenshot("02-choose-provider");

            browser.clickAndLoad("a.provider-card[data-provider=openrouter]");
            assertThat(browser.find("h1").getText()).isEqualTo("New OpenRouter connection");
            browser.screenshot("03-new-form");

            browser.type("#field-name", "work").type("#field-api_key", KEY);
            String formUrl = browser.url();
            browser.find("button[data-test-connection]").click();
            // the script posts the typed values and shows the outcome in place: no reload, nothing stored
            assertThat(browser.find("#test-result .notice-ok").getText()).isEqualTo("Connection verified");
            assertThat(browser.url()).isEqualTo(formUrl);
            assertThat(browser.find("#field-api_key").getAttribute("value")).isEqualTo(KEY);
            assertThat(integrations.listConnections("openrouter")).isEmpty();
            assertThat(fake.requests(FakeEndpoint.API_KEY)).hasSize(1);
            browser.screenshot("04-new-tested-dry-run");

            browser.clickAndLoad("button[name=intent][value=save]");
            assertThat(browser.find("h1 .badge").getText()).isEqualTo("Connected");
            Connection work = integrations.listConnections("openrouter").get(0);
            assertThat(work.name()).isEqualTo("work");
            assertThat(work.data().status()).contains(ConnectionStatus.CONNECTED);
            assertThat(browser.url()).contains("/admin/integrations/" + work.uuid());
            assertThat(browser.text()).contains("Connection verified.").contains("sk-or-v1…ef42");
            assertThat(browser.source()).doesNotContain(KEY);
            assertThat(browser.find("table.audit-trail").getText())
                    .contains("integration.connection_added")
                    .contains("integration.setup_saved")
                    .contains(ACTOR.toString());
            browser.screenshot("05-edit-connected");

            browser.clickAndLoad("a.brand");
            assertThat(browser.find("tr[data-uuid='" + work.uuid() + "'] .badge")
                            .getText())
                    .isEqualTo("Connected");
            browser.screenshot("06-list-connected");
        }
    }

    @Test
    void renameInPlaceKeepsTheAddress(Integrations integrations, Chromium browser) {
        Connection connection = integrations.addConnection("openrouter", "work", ACTOR);
        integrations.saveSetup(connection.uuid(), Map.of("api_key", KEY), ACTOR);
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR))) {
            browser.open(page(server, connection.uuid().toString()));
            String before = URI.create(browser.url()).getPath();
            browser.type("#field-name", "production");
            browser.clickAndLoad("button[name=intent][value=save]");

            assertThat(browser.find("h1").getText()).startsWith("production");
            assertThat(URI.create(browser.url()).getPath()).isEqualTo(before);
            assertThat(integrations.getIntegrationByUuid(connection.uuid()).name())
                    .isEqualTo("production");
            assertThat(browser.find("table.audit-trail").getText()).contains("integration.connection_renamed");
            browser.screenshot("07-renamed");

            // a taken name is shown on the field, and nothing changes
            integrations.addConnection("openrouter", "staging");
            browser.type("#field-name", "staging");
            browser.clickAndLoad("button[name=intent][value=save]");
            assertThat(browser.find("#name-error").getText()).isEqualTo("A connection with that name already exists.");
            assertThat(integrations.getIntegrationByUuid(connection.uuid()).name())
                    .isEqualTo("production");
            browser.screenshot("08-rename-taken");
        }
    }

    @Test
    void oauthConnectRoundTripThroughTheFakeServer(
            Integrations integrations, FakeProviderServer fake, TestClock clock, Chromium browser) {
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR), clock)) {
            browser.open(page(server, "new?provider=google"));
            assertThat(browser.find("code.redirect-uri").getAttribute("textContent"))
                    .isEqualTo(page(server, "oauth/callback"));
            browser.type("#field-name", "work")
                    .type("#field-client_id", FakeProviderServer.CLIENT_ID)
                    .type("#field-client_secret", FakeProviderServer.CLIENT_SECRET);
            browser.clickAndLoad("button[name=intent][value=save]");
            Connection work = integrations.listConnections("google").get(0);
            assertThat(browser.find("section.oauth h2").getText()).isEqualTo("Step 2: connect Google account");
            browser.screenshot("09-oauth-before-connect");

            // the button posts, the console redirects to the fake authorization server, which consents at once and
            // sends the browser back to the one callback route
            browser.clickAndLoad("section.oauth button");
            assertThat(browser.find("h1 .badge").getText()).isEqualTo("Connected");
            assertThat(URI.create(browser.url()).getPath()).isEqualTo("/admin/integrations/" + work.uuid());
            assertThat(browser.text()).contains("Connected.").contains("Ada Lovelace <ada@example.com>");
            assertThat(fake.tokenCalls("authorization_code")).isEqualTo(1);
            assertThat(integrations.getIntegrationByUuid(work.uuid()).data().status())
                    .contains(ConnectionStatus.CONNECTED);
            assertThat(browser.find("table.audit-trail").getText()).contains("integration.connected");
            assertThat(browser.source()).doesNotContain(FakeProviderServer.CLIENT_SECRET);
            browser.screenshot("10-oauth-connected");

            // the same state again (a replayed callback): refused, nothing changes
            String state =
                    fake.requests(FakeEndpoint.AUTHORIZE).get(0).param("state").orElseThrow();
            browser.open(page(server, "oauth/callback?code=replayed&state=" + state));
            assertThat(browser.find("h1").getText()).isEqualTo("Security check failed");
            assertThat(fake.tokenCalls("authorization_code")).isEqualTo(1);
            browser.screenshot("11-oauth-replayed-state");
        }
    }

    @Test
    void aForgedCsrfTokenIsRefusedAndNothingIsSaved(Integrations integrations, Chromium browser) {
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR))) {
            browser.open(page(server, "new?provider=openrouter"));
            browser.type("#field-name", "work").type("#field-api_key", KEY);
            browser.driver().executeScript("document.querySelector('input[name=_csrf]').value = 'forged-token';");
            browser.clickAndLoad("button[name=intent][value=save]");

            assertThat(browser.find("h1").getText()).isEqualTo("Request refused");
            assertThat(browser.text()).contains("nothing was changed");
            assertThat(integrations.listConnections("openrouter")).isEmpty();
            browser.screenshot("12-csrf-refused");
        }
    }

    @Test
    void hostileNamesAndAccountsRenderAsText(
            Integrations integrations, FakeProviderServer fake, TestClock clock, Jdbi jdbi, Chromium browser) {
        String imgName = "\"><img src=x id=pwned-name onerror=\"document.title='pwned'\">";
        String scriptName = "<script id=pwned-script>document.title='pwned'</script>";
        UUID img = seedRow(jdbi, "openrouter", imgName);
        seedRow(jdbi, "openrouter", scriptName);
        fake.account(new FakeAccount(
                "2002",
                "eve@example.com",
                "<img src=x id=pwned-account onerror=\"document.title='pwned'\">",
                null,
                "eve@example.onmicrosoft.com"));
        Connection google = integrations.addConnection("google", "work");
        integrations.saveSetup(
                google.uuid(),
                Map.of("client_id", FakeProviderServer.CLIENT_ID, "client_secret", FakeProviderServer.CLIENT_SECRET));
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR), clock)) {
            browser.open(page(server, google.uuid().toString()));
            browser.clickAndLoad("section.oauth button");
            assertThat(browser.find("h1 .badge").getText()).isEqualTo("Connected");
            assertThat(browser.find("dd.account").getText()).contains("<img src=x id=pwned-account");
            assertInert(browser);

            browser.open(page(server, ""));
            assertThat(browser.text()).contains(imgName).contains(scriptName);
            assertInert(browser);
            browser.screenshot("13-hostile-names-list");

            browser.open(page(server, img.toString()));
            assertThat(browser.find("#field-name").getAttribute("value")).isEqualTo(imgName);
            assertInert(browser);

            browser.open(page(server, "picker?provider=openrouter&selected=" + img));
            assertThat(browser.find("label.pk-selected .pk-name").getText()).isEqualTo(imgName);
            assertInert(browser);
            browser.screenshot("14-hostile-names-picker");

            // typed into the form: shown back on the field as text, refused, nothing saved
            browser.open(page(server, "new?provider=openrouter"));
            browser.type("#field-name", imgName).type("#field-api_key", KEY);
            browser.clickAndLoad("button[name=intent][value=save]");
            assertThat(browser.find("#name-error").getText())
                    .isEqualTo("Use letters, digits, hyphens, and underscores only.");
            assertThat(browser.find("#field-name").getAttribute("value")).isEqualTo(imgName);
            assertInert(browser);
            assertThat(integrations.listConnections("openrouter")).hasSize(2);
        }
    }

    /** No injected element exists and no injected handler ran. */
    private static void assertInert(Chromium browser) {
        assertThat(browser.findNow("#pwned-name, #pwned-script, #pwned-account, img[src=x]"))
                .isEmpty();
        assertThat(browser.driver().getTitle()).isNotEqualTo("pwned");
    }

    /** A row as PhoenixKit could hold it (names there are not restricted): written with SQL, not the library. */
    private static UUID seedRow(Jdbi jdbi, String provider, String name) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                INSERT INTO public.phoenix_kit_settings (key, value_json, module)
                VALUES (:key, jsonb_build_object('provider', :provider, 'name', :name, 'auth_type', 'api_key',
                        'status', 'disconnected'), 'integrations') RETURNING uuid""")
                .bind("key", "integration:" + provider + ":" + name)
                .bind("provider", provider)
                .bind("name", name)
                .mapTo(UUID.class)
                .one());
    }

    @Test
    void theHostsAccessPolicyDecides(Integrations integrations, Chromium browser) {
        AdminAccess policy = request -> Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(cookie -> cookie.getName().equals("host_session")
                        && cookie.getValue().equals("operator-1"))
                .map(Cookie::getValue)
                .findFirst()
                .map(value -> ACTOR);
        try (AdminServer server = start(integrations, policy)) {
            browser.open(page(server, ""));
            assertThat(browser.text()).isEqualTo("Access to the integrations console was refused.");
            browser.screenshot("15-access-refused");
            browser.open(page(server, "new?provider=openrouter"));
            assertThat(browser.text()).isEqualTo("Access to the integrations console was refused.");

            browser.driver().manage().addCookie(new org.openqa.selenium.Cookie("host_session", "operator-1", "/"));
            browser.open(page(server, ""));
            assertThat(browser.find("h1").getText()).isEqualTo("Connections");
        }
    }

    @Test
    void everyOtherPageAndMessage(
            Integrations integrations, FakeProviderServer fake, TestClock clock, Chromium browser) {
        fake.addApiKey(KEY);
        Connection work = integrations.addConnection("openrouter", "work", ACTOR);
        integrations.saveSetup(work.uuid(), Map.of("api_key", KEY), ACTOR);
        integrations.recordValidation(work.uuid(), integrations.validateConnection(work.uuid()));
        Connection spare = integrations.addConnection("openrouter", "spare", ACTOR);
        Connection microsoft = integrations.addConnection("microsoft", "office", ACTOR);
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR), clock)) {
            browser.open(page(server, microsoft.uuid().toString()));
            assertThat(browser.findNow("#field-tenant_id")).hasSize(1);
            browser.screenshot("16-edit-microsoft-tenant");

            browser.open(page(server, "picker?provider=openrouter"));
            assertThat(browser.find("input[name=selected][value='']").isSelected())
                    .isTrue();
            assertThat(browser.findNow("input[name=selected]:checked")).hasSize(1);
            browser.find("label.pk-card[data-uuid='" + work.uuid() + "']").click();
            browser.clickAndLoad(".picker-demo button[type=submit]");
            assertThat(browser.find("code.stored-choice").getText())
                    .isEqualTo(work.uuid().toString());
            assertThat(browser.find("input[name=selected][value='" + work.uuid() + "']")
                            .isSelected())
                    .isTrue();
            browser.screenshot("17-picker");

            browser.open(page(server, spare.uuid() + "/remove"));
            assertThat(browser.find("h1").getText()).isEqualTo("Remove spare?");
            browser.screenshot("18-remove-confirm");
            browser.clickAndLoad("form button.danger-button");
            assertThat(browser.find(".notice").getText()).isEqualTo("Connection removed.");
            assertThat(integrations.listConnections("openrouter"))
                    .extracting(Connection::name)
                    .containsExactly("work");

            browser.open(page(server, "picker?provider=openrouter&selected=" + spare.uuid()));
            assertThat(browser.find("label.pk-deleted").getText()).contains("Integration deleted");
            browser.screenshot("19-picker-deleted-connection");

            browser.open(page(server, spare.uuid().toString()));
            assertThat(browser.find(".notice-error").getText()).isEqualTo("Integration not found.");
            assertThat(URI.create(browser.url()).getPath()).isEqualTo("/admin/integrations/");
            browser.screenshot("20-unknown-connection");

            browser.open(page(server, "oauth/callback?error=access_denied&state=unknown"));
            assertThat(browser.find("h1").getText()).isEqualTo("Security check failed");
            browser.screenshot("21-oauth-unknown-state");

            browser.open(page(server, work.uuid().toString()));
            browser.clickAndLoad("section.danger button");
            assertThat(browser.find("h1 .badge").getText()).isEqualTo("Not connected");
            assertThat(browser.find(".notice").getText()).isEqualTo("Disconnected.");
            assertThat(integrations.auditTrail(work.uuid()))
                    .extracting(AuditEntry::action)
                    .contains("integration.disconnected");
            browser.screenshot("22-disconnected");
        }
    }
}
