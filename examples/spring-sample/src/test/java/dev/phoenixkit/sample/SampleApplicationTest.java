package dev.phoenixkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample as its README command runs it: Flyway and the starter on one database, console, callback, outbound. */
class SampleApplicationTest {
    private static final String PASSWORD = "sample-test-password";
    private static ConfigurableApplicationContext context;
    private static int port;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void start() {
        context = SampleApplication.start(Map.of("server.port", "0", "spring.security.user.password", PASSWORD));
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private HttpResponse<String> get(URI uri, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authenticated) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI local(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    @DisplayName("the host's Flyway table and PhoenixKit's tables are both there")
    void bothChainsApplied() {
        Jdbi jdbi = Jdbi.create(context.getBean(javax.sql.DataSource.class));
        int tables = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema = 'public' AND table_name IN ('notes', 'phoenix_kit_settings')")
                .mapTo(Integer.class)
                .one());
        assertThat(tables).isEqualTo(2);
    }

    @Test
    @DisplayName("the console requires the admin login; connect, callback and an outbound call work end to end")
    void consoleCallbackAndOutboundCall() throws Exception {
        assertThat(get(local("/phoenixkit/admin/"), false).statusCode()).isEqualTo(401);
        assertThat(get(local("/phoenixkit/admin/"), true).statusCode()).isEqualTo(200);

        HttpResponse<String> connect = get(local("/demo/connect/sample"), true);
        assertThat(connect.statusCode()).isEqualTo(302);
        AuthorizationRedirect redirect = SampleApplication.fake.authorize(
                URI.create(connect.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> callback = get(redirect.location(), true);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).startsWith("/?connection=");

        Integrations integrations = context.getBean(Integrations.class);
        Connection connection = integrations.listConnections("google").get(0);
        assertThat(connection.data().status()).hasValue(ConnectionStatus.CONNECTED);

        HttpResponse<String> resource = get(local("/demo/resource/" + connection.uuid()), true);
        assertThat(resource.statusCode()).isEqualTo(200);

        HttpResponse<String> list = get(local("/"), true);
        assertThat(list.body())
                .contains("\"access_token\":\"<redacted>\"")
                .contains(connection.uuid().toString());
    }
}
