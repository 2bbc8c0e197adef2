package dev.phoenixkit.examples.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's admin demo starts, shows its three connections, and its Google connection connects end to end. */
class AdminDemoTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static AdminDemo demo;
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void start() {
        demo = AdminDemo.start(0);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Connection seeded(String provider) {
        return demo.seeded().stream()
                .filter(c -> c.provider().equals(provider))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theListShowsTheThreeSeededConnectionsInTheirStates() throws Exception {
        assertEquals(
                List.of(ConnectionStatus.CONNECTED, ConnectionStatus.ERROR, ConnectionStatus.DISCONNECTED),
                demo.seeded().stream().map(c -> c.data().status().orElseThrow()).toList());
        HttpResponse<String> list = get(demo.uri());
        assertEquals(200, list.statusCode());
        String html = list.body();
        for (Connection connection : demo.seeded()) {
            assertTrue(html.contains(connection.uuid().toString()), "list links " + connection.provider());
            assertTrue(html.contains(">" + connection.name() + "<"), "list names " + connection.name());
        }
        assertFalse(html.contains(AdminDemo.GOOD_KEY), "no secret in the page");
        assertFalse(html.contains(AdminDemo.GOOD_KEY.substring(12)), "not even the key's middle");
    }

    @Test
    void connectOnTheGoogleConnectionRunsTheOAuthFlowAgainstTheFake() throws Exception {
        Connection google = seeded("google");
        HttpResponse<String> edit = get(demo.uri().resolve(google.uuid().toString()));
        assertEquals(200, edit.statusCode());
        Matcher csrf = CSRF.matcher(edit.body());
        assertTrue(csrf.find(), "the edit page has a form with a CSRF token");

        // Connect posts, the console redirects to the fake's consent screen, which redirects straight back to the
        // console's callback, which redirects to the connection's page
        HttpResponse<String> connected = browser.send(
                HttpRequest.newBuilder(demo.uri().resolve(google.uuid() + "/connect"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, connected.statusCode());
        assertTrue(
                connected.uri().getPath().endsWith("/" + google.uuid()), "back on the connection: " + connected.uri());
        assertEquals(
                ConnectionStatus.CONNECTED,
                demo.integrations()
                        .getIntegrationByUuid(google.uuid())
                        .data()
                        .status()
                        .orElseThrow());
        assertTrue(connected.body().contains("Connected."), "the page says so");
    }
}
