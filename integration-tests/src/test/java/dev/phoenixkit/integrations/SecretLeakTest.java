package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.db.Database;
import dev.phoenixkit.integrations.internal.db.SettingsDao;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.reference.AiEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * docs/behaviour.md#fix-9: runs a scenario touching every secret path (saves, reads, events, failures, undecryptable
 * values, SQL errors, re-encryption, toString) with all library logging at TRACE, and finds no secret value in any
 * log line, exception message, stack trace or {@code toString()}.
 */
@PhoenixKitTest
class SecretLeakTest {
    private static final List<String> SECRETS = List.of(
            "sk-or-LEAK-api-key-1",
            "ya29.LEAK-access-token",
            "1//LEAK-refresh-token",
            "LEAK-client-secret",
            "123456:LEAK-bot-token",
            "LEAK-secret-key",
            "LEAK-secret-key-base-material-0123456789");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<String> observed = new ArrayList<>();
    private final Map<String, Level> previousLevels = new HashMap<>();

    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "dev.phoenixkit", "org.jdbi", "com.zaxxer.hikari")) {
            Logger logger = context.getLogger(name);
            previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @AfterEach
    void restoreLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        previousLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private void observe(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        observed.add(text.toString());
        observed.add(failure.toString());
    }

    private <T> T expectFailure(Supplier<T> call) {
        try {
            T result = call.get();
            observed.add(String.valueOf(result));
            return result;
        } catch (RuntimeException e) {
            observe(e);
            return null;
        }
    }

    @Test
    void scenarioWhenSecretsFlowEverywhereThenNoneInLogsMessagesOrToString(DataSource dataSource, Jdbi jdbi) {
        SecretCipher cipher = SecretCipher.fromSecretKeyBase(SECRETS.get(6));
        Integrations integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(cipher)
                .crossNodeEvents(true)
                .build();
        observed.add(integrations.toString());
        observed.add(cipher.toString());
        integrations.events().subscribe(event -> observed.add(event.toString()));
        integrations.events().subscribe(event -> {
            throw new IllegalStateException("listener failure for " + event.uuid());
        });

        UUID openrouter = integrations.addConnection("openrouter", "default").uuid();
        observed.add(integrations
                .saveSetup(openrouter, Map.of("api_key", SECRETS.get(0)))
                .toString());
        UUID google = integrations.addConnection("google", "default").uuid();
        observed.add(integrations
                .saveSetup(
                        google,
                        Map.of(
                                "client_id",
                                "cid",
                                "client_secret",
                                SECRETS.get(3),
                                "access_token",
                                SECRETS.get(1),
                                "refresh_token",
                                SECRETS.get(2),
                                "status",
                                "connected"))
                .toString());
        UUID telegram = integrations.addConnection("telegram", "default").uuid();
        integrations.saveSetup(telegram, Map.of("bot_token", SECRETS.get(4), "secret_key", SECRETS.get(5)));

        observed.add(integrations.getCredentials("openrouter").toString());
        observed.add(integrations.getIntegrationByUuid(google).toString());
        observed.add(integrations.listConnections("google").toString());
        observed.add(
                integrations.loadAllConnections(List.of("openrouter", "google")).toString());
        integrations.recordValidation(google, ValidationResult.error("Invalid credentials"));
        integrations.renameConnection(google, "work");
        expectFailure(() -> integrations.renameConnection(telegram, "bad name!"));
        integrations.addConnection("openrouter", "taken");
        expectFailure(() -> integrations.renameConnection(openrouter, "taken"));
        expectFailure(() -> integrations.addConnection("openrouter", "taken"));
        // References and names are identifiers and appear in messages; secrets never do.
        expectFailure(() -> integrations.getCredentials("openrouter:missing"));
        expectFailure(() -> integrations.getIntegration("google:"));
        expectFailure(() -> integrations.resolveToUuid(UUID.randomUUID().toString()));
        integrations.saveSetup(openrouter, Map.of("api_key", SECRETS.get(0) + "-rotated"));

        // Undecryptable values: the same rows read with another key.
        Integrations wrongKey = Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(SecretCipher.fromSecretKeyBase("a-different-key-base"))
                .build();
        observed.add(wrongKey.getIntegration(openrouter.toString()).toString());
        expectFailure(() -> wrongKey.getCredentials(openrouter.toString()));
        observed.add(wrongKey.saveSetup(telegram, Map.of("note", "x")).toString());
        observed.add(wrongKey.reencryptAll().toString());

        // SQL failures: a missing schema, and raw JDBI statements with the secret bound as a parameter.
        Integrations missingSchema = Integrations.builder()
                .dataSource(dataSource)
                .cipher(cipher)
                .providers(TestIntegrations.registry())
                .schema("no_such_schema")
                .build();
        expectFailure(() -> missingSchema.addConnection("openrouter", "default"));
        expectFailure(() -> missingSchema.getCredentials("openrouter:" + "x"));
        Database database = Database.over(dataSource, "no_such_schema");
        try {
            database.jdbi()
                    .withHandle(
                            handle -> handle.attach(SettingsDao.class).listByKeyPattern(SECRETS.get(0), null, null));
        } catch (JdbiException e) {
            observe(e);
        }
        expectFailure(() -> database.withHandle(handle -> handle.attach(SettingsDao.class)
                .insertIfAbsent(UUID.randomUUID(), SECRETS.get(1), "{}", "not-a-timestamp")));

        // The reference module authors copy: its endpoint row holds a legacy key column.
        observed.add(new AiEndpoint(UUID.randomUUID(), "chat", "openrouter", SECRETS.get(0), openrouter).toString());

        integrations.disconnect(google);
        integrations.removeConnection(telegram);
        integrations.close();

        for (ILoggingEvent event : appender.list) {
            observed.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                observed.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(appender.list).as("the scenario logged something").isNotEmpty();
        assertThat(observed).as("observed texts").hasSizeGreaterThan(20);
        for (String text : observed) {
            for (String secret : SECRETS) {
                assertThat(text).as("observed text").doesNotContain(secret);
            }
        }
    }

    /**
     * Issue 9 item 1 (docs/behaviour.md#fix-13): a key with a line break, refused at {@code saveSetup}, and one stored
     * that way (by PhoenixKit, past saveSetup) sent through {@code authenticatedRequest}: the JDK's header check,
     * whose message quotes {@code Bearer <secret>}, is never reached, and no text carries the key.
     */
    @Test
    void secretWithLineBreakWhenSavedOrSentThenNoneInLogsMessagesOrToString(DataSource dataSource, Jdbi jdbi) {
        SecretCipher cipher = SecretCipher.fromSecretKeyBase(SECRETS.get(6));
        Integrations integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(cipher)
                .build();
        UUID openrouter = integrations.addConnection("openrouter", "default").uuid();
        expectFailure(() -> integrations.saveSetup(openrouter, Map.of("api_key", "sk-or-LEAK\r\n" + SECRETS.get(0))));
        observed.add(integrations
                .saveSetup(openrouter, Map.of("api_key", SECRETS.get(0) + "\n"))
                .toString());
        String stored = cipher.encrypt(SECRETS.get(0) + "\r\n");
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE public.phoenix_kit_settings SET value_json ="
                        + " jsonb_set(value_json, '{api_key}', to_jsonb(CAST(:stored AS text))) WHERE uuid = :uuid")
                .bind("stored", stored)
                .bind("uuid", openrouter)
                .execute());
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:9/never-sent"))
                .GET()
                .build();
        Object answer = expectFailure(() -> integrations.authenticatedRequest(openrouter, request));
        integrations.close();

        assertThat(answer).as("the request was refused before it was built").isNull();
        for (ILoggingEvent event : appender.list) {
            observed.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                observed.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(observed).anySatisfy(text -> assertThat(text).contains("INVALID_SECRET"));
        for (String text : observed) {
            assertThat(text).as("observed text").doesNotContain(SECRETS.get(0));
        }
    }
}
