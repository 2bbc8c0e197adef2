package dev.phoenixkit.integrations.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.fake.FakeEndpoint;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.fake.Fault;
import dev.phoenixkit.testkit.fake.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP providers' checks end to end (openai, xai, elevenlabs, github: the generic check with their headers;
 * brevo_api and telegram: strategies with notes), through the facade, over loopback to the testkit's fake, with a
 * real PostgreSQL for the stored outcome (reference phoenix-kit-since-v107.md §4, {@code validators.ex}).
 */
@PhoenixKitTest
class HttpProviderChecksTest {
    private static final String KEY = "k-good-0123456789";
    private static final String BOT_TOKEN = "123456789:AAF-good_token";
    private static final String SECRET_KEY_BASE = "catalog-http-tests-secret-key-base-0123456789abcdef";

    private final FakeProviderServer fake =
            FakeProviderServer.start().addApiKey(KEY).addBotToken(BOT_TOKEN, "fake_bot");

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private Integrations integrations(DataSource dataSource, Duration deadline) {
        return Integrations.builder()
                .dataSource(dataSource)
                .providers(fake.providerRegistry())
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .checkDeadline(deadline)
                .build();
    }

    private static Map<String, String> goodCredentials(String provider) {
        return provider.equals("telegram") ? Map.of("bot_token", BOT_TOKEN) : Map.of("api_key", KEY);
    }

    private static Map<String, String> badCredentials(String provider) {
        return provider.equals("telegram") ? Map.of("bot_token", "123456789:wrong") : Map.of("api_key", "k-wrong");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "openai     | ",
                "xai        | ",
                "elevenlabs | ",
                "github     | ",
                "brevo_api  | Plan: free · 300 credits left",
                "telegram   | Connected as @fake_bot"
            })
    void goodCredentialsPassWithTheProvidersNote(String provider, String note, DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource, Duration.ofSeconds(15))) {
            assertThat(integrations.validateCredentials(provider, goodCredentials(provider)))
                    .isEqualTo(note == null ? ValidationResult.ok() : ValidationResult.ok(note));
        }
        assertThat(fake.requests(FakeEndpoint.API_KEY)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "openai     | Invalid credentials",
                "xai        | Invalid credentials",
                "elevenlabs | Invalid credentials",
                "github     | Invalid credentials",
                "brevo_api  | Invalid credentials",
                "telegram   | Invalid bot token"
            })
    void refusedCredentialsGiveThePhoenixKitMessage(String provider, String message, DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource, Duration.ofSeconds(15))) {
            assertThat(integrations.validateCredentials(provider, badCredentials(provider)))
                    .isEqualTo(ValidationResult.error(message));
        }
        assertThat(fake.requests(FakeEndpoint.API_KEY)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "xai", "elevenlabs", "github", "brevo_api", "telegram"})
    void aServiceSlowerThanTheDeadlineGivesTheTimeoutMessage(String provider, DataSource dataSource) {
        fake.fail(FakeEndpoint.API_KEY, Fault.SLOW); // 30 s, far past the deadline
        try (Integrations integrations = integrations(dataSource, Duration.ofMillis(500))) {
            assertThat(integrations.validateCredentials(provider, goodCredentials(provider)))
                    .isEqualTo(ValidationResult.error("The service did not respond in time"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "xai", "elevenlabs", "github", "brevo_api", "telegram"})
    void noCredentialsGiveTheMessageWithoutACall(String provider, DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource, Duration.ofSeconds(15))) {
            assertThat(integrations.validateCredentials(provider, Map.of()).message())
                    .isEqualTo(provider.equals("telegram") ? "No bot token configured" : "No credentials configured");
        }
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void eachProviderSendsTheKeyWhereItsServiceReadsIt(DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource, Duration.ofSeconds(15))) {
            for (String provider : List.of("openai", "xai", "elevenlabs", "github", "brevo_api", "telegram")) {
                assertThat(integrations
                                .validateCredentials(provider, goodCredentials(provider))
                                .isOk())
                        .as(provider)
                        .isTrue();
            }
        }
        List<RecordedRequest> requests = fake.requests(FakeEndpoint.API_KEY);
        assertThat(requests)
                .extracting(RecordedRequest::path)
                .containsExactly(
                        "/v1/models",
                        "/v1/models",
                        "/v1/user",
                        "/rate_limit",
                        "/v3/account",
                        "/bot" + BOT_TOKEN + "/getMe");
        assertThat(requests).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(requests.get(0).header("authorization")).contains("Bearer " + KEY);
        assertThat(requests.get(1).header("authorization")).contains("Bearer " + KEY);
        assertThat(requests.get(2).header("xi-api-key")).contains(KEY);
        assertThat(requests.get(2).header("authorization")).isEmpty();
        assertThat(requests.get(3).header("authorization")).contains("Bearer " + KEY);
        assertThat(requests.get(3).header("user-agent")).isPresent(); // GitHub refuses requests without one
        assertThat(requests.get(4).header("api-key")).contains(KEY);
        assertThat(requests.get(4).header("authorization")).isEmpty();
        assertThat(requests.get(5).header("authorization")).isEmpty();
    }

    @Test
    void brevoMapsStatusesAndTransportFailuresAsPhoenixKit(DataSource dataSource) {
        Map<Fault, ValidationResult> expected = Map.of(
                Fault.FORBIDDEN, ValidationResult.error("Access denied"),
                Fault.SERVER_ERROR, ValidationResult.error("Brevo error 500"),
                Fault.TOO_MANY_REQUESTS, ValidationResult.error("Brevo error 429"),
                Fault.MALFORMED_JSON, ValidationResult.ok());
        try (Integrations integrations = integrations(dataSource, Duration.ofSeconds(15))) {
            expected.forEach((fault, result) -> {
                fake.fail(FakeEndpoint.API_KEY, fault);
                assertThat(integrations.validateCredentials("brevo_api", Map.of("api_key", KEY)))
                        .as(fault.name())
                        .isEqualTo(result);
            });
            assertThat(fake.requests(FakeEndpoint.API_KEY)).as("no retries").hasSize(expected.size());

            fake.fail(FakeEndpoint.API_KEY, Fault.DISCONNECT);
            assertThat(integrations.validateCredentials("brevo_api", Map.of("api_key", KEY)))
                    .isEqualTo(ValidationResult.error("Could not reach Brevo"));
        }
    }

    @Test
    void brevoNoteListsEveryPlanEntryWithCreditsAndResetDate(DataSource dataSource) {
        fake.brevoPlan(List.of(
                Map.of("type", "payAsYouGo", "creditsType", "sendLimit", "credits", 12_500),
                Map.of("type", "subscription", "credits", 1_000_000.4, "endDate", "2027-03-01T00:00:00.000Z")));
        try (Integrations integrations = integrations(dataSource, Duration.ofSeconds(15))) {
            assertThat(integrations.validateCredentials("brevo_api", Map.of("api_key", KEY)))
                    .isEqualTo(ValidationResult.ok(
                            "Plan: payAsYouGo · 12,500 credits left; subscription · 1,000,000 credits left · resets"
                                    + " 2027-03-01"));
            fake.brevoPlan(List.of());
            assertThat(integrations.validateCredentials("brevo_api", Map.of("api_key", KEY)))
                    .as("no plan, no note")
                    .isEqualTo(ValidationResult.ok());
        }
    }

    @Test
    void telegramMapsStatusesAndRefusesAMalformedTokenWithoutPuttingItInAUrl(DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource, Duration.ofSeconds(15))) {
            assertThat(integrations.validateCredentials("telegram", Map.of("bot_token", "no-colon")))
                    .as("Telegram answers 404 for a token without ':'")
                    .isEqualTo(ValidationResult.error("Invalid bot token"));
            int calls = fake.requests().size();
            assertThat(integrations.validateCredentials("telegram", Map.of("bot_token", "123:abc/../../admin")))
                    .isEqualTo(ValidationResult.error("Invalid bot token"));
            assertThat(fake.requests())
                    .as("no call for a token a URL cannot carry")
                    .hasSize(calls);

            fake.fail(FakeEndpoint.API_KEY, Fault.SERVER_ERROR);
            assertThat(integrations.validateCredentials("telegram", Map.of("bot_token", BOT_TOKEN)))
                    .isEqualTo(ValidationResult.error("Telegram error 500"));
            fake.fail(FakeEndpoint.API_KEY, Fault.DISCONNECT);
            assertThat(integrations.validateCredentials("telegram", Map.of("bot_token", BOT_TOKEN)))
                    .isEqualTo(ValidationResult.error("Could not reach Telegram"));
            fake.fail(FakeEndpoint.API_KEY, Fault.MISSING_ACCESS_TOKEN); // 200 with {}
            assertThat(integrations.validateCredentials("telegram", Map.of("bot_token", BOT_TOKEN)))
                    .as("a pass without a username has no note")
                    .isEqualTo(ValidationResult.ok());
        }
    }

    @Test
    void gitHubWithoutAUserAgentIsRefusedByTheFakeAsByGitHub() throws Exception {
        // a raw request: the JDK's client always adds a User-Agent
        try (java.net.Socket socket =
                new java.net.Socket(fake.baseUri().getHost(), fake.baseUri().getPort())) {
            socket.getOutputStream()
                    .write(("GET /rate_limit HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void aSuccessNoteIsStoredInValidationStatusWithStatusConnected(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        try (Integrations integrations = integrations(dataSource, Duration.ofSeconds(15))) {
            UUID bot = integrations.addConnection("telegram", "alerts").uuid();
            integrations.saveSetup(bot, Map.of("bot_token", BOT_TOKEN));

            ValidationResult result = integrations.validateConnection(bot);
            integrations.recordValidation(bot, result);

            assertThat(result).isEqualTo(ValidationResult.ok("Connected as @fake_bot"));
            IntegrationData stored = integrations.getIntegration(bot.toString());
            assertThat(stored.status()).contains(ConnectionStatus.CONNECTED);
            assertThat(stored.get("validation_status")).isEqualTo("Connected as @fake_bot");
            String stamped = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT value_json->>'validation_status' FROM phoenix_kit_settings WHERE uuid = :uuid")
                    .bind("uuid", bot)
                    .mapTo(String.class)
                    .one());
            assertThat(stamped)
                    .as("PhoenixKit reads the note from the row itself")
                    .isEqualTo("Connected as @fake_bot");
        }
    }
}
