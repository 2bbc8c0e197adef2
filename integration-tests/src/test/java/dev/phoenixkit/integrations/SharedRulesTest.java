package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules that exist once and are used by every caller: "field has text" (blank is missing) and the schema name. */
@PhoenixKitTest
class SharedRulesTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private static Integrations.Builder builder(DataSource dataSource) {
        return Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(SecretCipher.fromSecretKeyBase(TestIntegrations.SECRET_KEY_BASE));
    }

    @Test
    void saveSetupWhenApiKeyIsBlankThenNotConfiguredAndNoCredentials(DataSource dataSource) {
        Integrations integrations = TestIntegrations.create(dataSource);
        UUID uuid = integrations.addConnection("openrouter", "spaces").uuid();

        IntegrationData saved = integrations.saveSetup(uuid, Map.of(Fields.API_KEY, "   \t"));

        assertThat(saved.status())
                .as("a key of spaces is missing, as validation treats it")
                .contains(ConnectionStatus.DISCONNECTED);
        assertThat(saved.apiKey()).isEmpty();
        assertThat(integrations.isConnected("openrouter:spaces")).isFalse();
        assertThatThrownBy(() -> integrations.getCredentials("openrouter:spaces"))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_CONFIGURED));
    }

    @Test
    void hasCredentialsWhenOnlyBlankTokensThenNotConnected(DataSource dataSource, Jdbi jdbi) {
        Integrations integrations = TestIntegrations.create(dataSource);
        UUID uuid = ForeignRows.insert(jdbi, integrations.storageLayout(), "telegram", "blank", Map.of());

        integrations.saveSetup(uuid, Map.of(Fields.BOT_TOKEN, " ", Fields.ACCESS_TOKEN, "\n"));

        assertThat(integrations.isConnected(uuid.toString())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "tenant_a", "my-app", "Tenant A", "ünïcödé", "123"})
    void schemaWhenMigratorAcceptsThenBuilderAcceptsToo(String schema, DataSource dataSource) {
        assertThatCode(() -> Migrator.create(dataSource).schema(schema)).doesNotThrowAnyException();
        assertThatCode(() -> builder(dataSource).schema(schema).build().close()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "nul\0byte", "a_name_that_is_far_too_long_for_postgresql_identifiers_0123456789"})
    void schemaWhenMigratorRefusesThenBuilderRefusesToo(String schema, DataSource dataSource) {
        assertThatThrownBy(() -> Migrator.create(dataSource).schema(schema))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder(dataSource).schema(schema).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaWhenMigratedAsMyAppThenTwoNodesWorkThereWithDefaultChannel(TestDatabase database, Jdbi jdbi)
            throws InterruptedException {
        Migrator.create(database.dataSource()).schema("my-app").migrate();
        try (Integrations nodeA = builder(database.dataSource())
                        .schema("my-app")
                        .crossNodeEvents(true)
                        .build();
                Integrations nodeB = builder(database.newDataSource())
                        .schema("my-app")
                        .crossNodeEvents(true)
                        .build()) {
            List<IntegrationEvent> seenByB = new java.util.concurrent.CopyOnWriteArrayList<>();
            nodeB.events().subscribe(seenByB::add);
            awaitListeners(jdbi, 2);

            UUID uuid = nodeA.addConnection("openrouter", "default").uuid();
            nodeA.saveSetup(uuid, Map.of(Fields.API_KEY, "sk-my-app"));

            assertThat(nodeB.getCredentials("openrouter").apiKey()).contains("sk-my-app");
            Instant deadline = Instant.now().plus(BOUND);
            while (seenByB.stream().noneMatch(IntegrationEvent.SetupSaved.class::isInstance)) {
                assertThat(Instant.now())
                        .as("waiting for the SetupSaved event on node B")
                        .isBefore(deadline);
                Thread.sleep(20);
            }
        }
        int inSchema = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM \"my-app\".phoenix_kit_settings WHERE key = 'integration:openrouter:default'")
                .mapTo(Integer.class)
                .one());
        assertThat(inSchema).isEqualTo(1);
    }

    private static void awaitListeners(Jdbi jdbi, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(BOUND);
        while (jdbi.withHandle(
                        handle -> handle.createQuery("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND query LIKE 'LISTEN %' AND state = 'idle'""").mapTo(Integer.class).one())
                < count) {
            assertThat(Instant.now()).as("waiting for the listeners").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
