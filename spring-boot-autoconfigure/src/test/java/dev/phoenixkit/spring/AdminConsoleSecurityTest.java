package dev.phoenixkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.spring.app.WebApp;
import dev.phoenixkit.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin console registered by the starter in an application with Spring Security and no security configuration
 * of its own for the console: anonymous users and users without the authority are refused, an operator gets in, the
 * audit trail names the operator's uuid from the host's {@link PhoenixKitAdminActor}, and the rest of the
 * application stays under Spring Boot's default security.
 */
@SpringBootTest(
        classes = {WebApp.class, AdminConsoleSecurityTest.Users.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminConsoleSecurityTest {
    private static final TestDatabase DATABASE = Databases.migrated();
    private static final UUID OPERATOR = UUID.fromString("0199a000-0000-7000-8000-00000000a11c");
    private static final String CSRF = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    Integrations integrations;

    @TestConfiguration
    static class Users {
        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice")
                            .password("{noop}alice-pw")
                            .roles("ADMIN")
                            .build(),
                    User.withUsername("bob")
                            .password("{noop}bob-pw")
                            .roles("USER")
                            .build());
        }

        /** The host's user ids: alice is the operator uuid. */
        @Bean
        PhoenixKitAdminActor actor() {
            return principal -> principal.getName().equals("alice") ? Optional.of(OPERATOR) : Optional.empty();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Databases.register(registry, DATABASE);
    }

    @AfterAll
    static void drop() {
        DATABASE.close();
    }

    private URI local(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(local(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("anonymous: 401; a user without ROLE_ADMIN: 403; the operator: the console")
    void onlyTheAuthorityGetsIn() throws Exception {
        assertThat(get("/phoenixkit/admin", null).statusCode()).isEqualTo(401);
        assertThat(get("/phoenixkit/admin/", basic("bob", "bob-pw")).statusCode())
                .isEqualTo(403);
        assertThat(get("/phoenixkit/admin/", basic("alice", "wrong")).statusCode())
                .isEqualTo(401);

        HttpResponse<String> console = get("/phoenixkit/admin/", basic("alice", "alice-pw"));
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(console.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    @DisplayName("the rest of the application keeps Spring Boot's default security")
    void restOfTheApplicationStillSecured() throws Exception {
        assertThat(get("/host/connections", null).statusCode()).isEqualTo(401);
        assertThat(get("/host/connections", basic("bob", "bob-pw")).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("a change made in the console is audited with the operator's uuid from PhoenixKitAdminActor")
    void auditActorFromThePrincipal() throws Exception {
        Connection connection = integrations.addConnection("openrouter", "console");
        integrations.saveSetup(connection.uuid(), Map.of("api_key", "sk-console-0123456789"));

        HttpRequest disconnect = HttpRequest.newBuilder(local("/phoenixkit/admin/" + connection.uuid() + "/disconnect"))
                .header("Authorization", basic("alice", "alice-pw"))
                .header("Cookie", "pk_admin_csrf=" + CSRF)
                .header("Origin", "http://localhost:" + port)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + CSRF))
                .build();
        HttpResponse<String> response = http.send(disconnect, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(integrations.getIntegration(connection.uuid().toString()).apiKey())
                .isEmpty();
        assertThat(integrations.auditTrail(connection.uuid()))
                .filteredOn(entry -> entry.action().contains("disconnect"))
                .extracting(AuditEntry::actorUuid)
                .containsExactly(Optional.of(OPERATOR));
    }

    @Test
    @DisplayName("without the console's CSRF token a POST is refused, even for the operator")
    void consoleCsrfStillChecked() throws Exception {
        Connection connection = integrations.addConnection("openrouter", "guarded");
        integrations.saveSetup(connection.uuid(), Map.of("api_key", "sk-guarded-0123456789"));
        HttpRequest disconnect = HttpRequest.newBuilder(local("/phoenixkit/admin/" + connection.uuid() + "/disconnect"))
                .header("Authorization", basic("alice", "alice-pw"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build();

        assertThat(http.send(disconnect, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        assertThat(integrations.getIntegration(connection.uuid().toString()).apiKey())
                .isPresent();
    }
}
