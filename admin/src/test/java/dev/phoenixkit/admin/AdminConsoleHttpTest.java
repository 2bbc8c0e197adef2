package dev.phoenixkit.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@PhoenixKitTest
class AdminConsoleHttpTest {
    private static final UUID ACTOR = UUID.fromString("0190a3c4-0000-7000-8000-000000000001");
    private static final String KEY = "sk-or-v1-0123456789abcdef0123456789";

    private static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        final URI base;
        String csrf = "";

        Browser(URI base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(form);
            all.putIfAbsent("_csrf", csrf);
            String body = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

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
            HttpResponse<String> response = new Browser(server.uri()).get("");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void listShowsEmptyStateAndSecurityHeaders(Integrations integrations) throws Exception {
        try (AdminServer server = start(integrations, AdminAccess.allowAllAs(ACTOR))) {
            HttpResponse<String> response = new Browser(server.uri()).get("");
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
            Browser browser = new Browser(server.uri());
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
            Browser browser = new Browser(server.uri());
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
            Browser browser = new Browser(server.uri());
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
