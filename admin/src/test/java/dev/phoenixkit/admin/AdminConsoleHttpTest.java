package dev.phoenixkit.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@PhoenixKitTest
class AdminConsoleHttpTest {
    private static final UUID ACTOR = UUID.fromString("0190a3c4-0000-7000-8000-000000000001");
    private static final String KEY = "sk-or-v1-0123456789abcdef0123456789";

    private static AdminServer start(Integrations integrations, AdminAccess access) {
        return AdminServer.start(
                IntegrationsAdmin.builder()
                        .integrations(integrations)
                        .access(access)
                        .basePath("/admin/integrations")
                        .build(),
                0);
    }

    @Test
    void refusesEveryRequestWithoutAnAccessPolicy(Integrations integrations) throws Exception {
        try (AdminServer server = AdminServer.start(
                IntegrationsAdmin.builder().integrations(integrations).build(), 0)) {
            HttpResponse<String> response = new HttpSession(server.uri()).get("");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void listShowsEmptyStateAndSecurityHeaders(Integrations integrations) throws Exception {
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR))) {
            HttpResponse<String> response = new HttpSession(server.uri()).get("");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("No connections yet").contains("OpenRouter");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().allValues("Set-Cookie"))
                    .anySatisfy(
                            cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict"));
        }
    }

    @Test
    void addTestSaveValidatesAndNeverShowsTheSecret(Integrations integrations, FakeProviderServer fake)
            throws Exception {
        fake.addApiKey(KEY);
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR))) {
            HttpSession browser = new HttpSession(server.uri());
            assertThat(browser.get("new?provider=openrouter").body()).contains("New OpenRouter connection");
            HttpResponse<String> tested = browser.post(
                    "new", Map.of("provider", "openrouter", "name", "work", "f.api_key", KEY, "intent", "test"));
            assertThat(tested.body())
                    .contains("Connection verified")
                    .contains("value=\"work\"")
                    .doesNotContain(KEY);
            assertThat(integrations.listConnections("openrouter")).isEmpty();
            HttpResponse<String> saved = browser.post(
                    "new", Map.of("provider", "openrouter", "name", "work", "f.api_key", KEY, "intent", "save"));
            assertThat(saved.statusCode()).isEqualTo(303);
            Connection work = integrations.listConnections("openrouter").get(0);
            assertThat(saved.headers().firstValue("Location"))
                    .contains("/admin/integrations/" + work.uuid() + "?m=verified");
            HttpResponse<String> edit = browser.get(work.uuid().toString());
            assertThat(edit.body())
                    .contains("Connected")
                    .contains("sk-or-v1…6789")
                    .doesNotContain(KEY)
                    .contains(ACTOR.toString());
        }
    }

    @Test
    void postWithoutCsrfTokenIsRefusedAndChangesNothing(Integrations integrations) throws Exception {
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR))) {
            HttpSession browser = new HttpSession(server.uri());
            browser.get("");
            HttpResponse<String> response = browser.post(
                    "new", Map.of("_csrf", "forged", "provider", "openrouter", "name", "work", "intent", "save"));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(integrations.listConnections("openrouter")).isEmpty();
        }
    }

    @Test
    void hostileNamesRenderInert(Integrations integrations) throws Exception {
        Connection hostile = integrations.addConnection("openrouter", "x");
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR))) {
            HttpSession browser = new HttpSession(server.uri());
            browser.get(hostile.uuid().toString());
            HttpResponse<String> response = browser.post(
                    hostile.uuid().toString(),
                    Map.of("name", "\"><img src=x onerror=alert(1)>", "f.api_key", KEY, "intent", "save"));
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body())
                    .doesNotContain("<img src=x")
                    .contains("&lt;img")
                    .contains("Use letters, digits, hyphens, and underscores only.");
            assertThat(Optional.of(
                            integrations.getIntegrationByUuid(hostile.uuid()).name()))
                    .contains("x");
        }
    }
}
