package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.internal.db.Database;
import dev.phoenixkit.integrations.internal.db.SettingsDao;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.junit.jupiter.api.Test;

/** The library's own Jdbi: bound values never in exception text, the caller's Jdbi untouched, any schema. */
@PhoenixKitTest
class DatabaseConfigTest {
    private static final String BOUND_SECRET = "sk-bound-parameter-value";

    @Test
    void statementExceptionWhenBoundSecretThenNotInMessageWhileDefaultJdbiWouldShowIt(DataSource dataSource) {
        Jdbi defaultJdbi = Jdbi.create(dataSource);
        assertThatThrownBy(() -> defaultJdbi.withHandle(
                        handle -> handle.createQuery("SELECT * FROM no_such_table WHERE key = :key")
                                .bind("key", BOUND_SECRET)
                                .mapToMap()
                                .list()))
                .as("control: JDBI's default rendering shows bound values")
                .hasMessageContaining(BOUND_SECRET);

        Database database = Database.over(dataSource, "missing_schema");
        assertThatThrownBy(() -> database.jdbi()
                        .withHandle(
                                handle -> handle.attach(SettingsDao.class).listByKeyPattern(BOUND_SECRET, null, null)))
                .isInstanceOf(JdbiException.class)
                .message()
                .doesNotContain(BOUND_SECRET);
        assertThatThrownBy(() -> database.withHandle(
                        handle -> handle.attach(SettingsDao.class).listByKeyPattern(BOUND_SECRET, null, null)))
                .isInstanceOfSatisfying(IntegrationException.class, e -> {
                    assertThat(e.error()).isEqualTo(IntegrationError.SCHEMA_NOT_MIGRATED);
                    assertThat(e.getMessage())
                            .contains("42P01")
                            .doesNotContain(BOUND_SECRET)
                            .doesNotContain("SELECT");
                    assertThat(e.getCause().getMessage()).doesNotContain(BOUND_SECRET);
                });
    }

    @Test
    void hotReadWhenSchemaMissingThenSchemaNotMigratedWithTheRemedyAndOnlyTheSqlState(DataSource dataSource) {
        Integrations wrongSchema = Integrations.builder()
                .dataSource(dataSource)
                .schema("missing_schema")
                .providers(TestIntegrations.registry())
                .cipher(dev.phoenixkit.integrations.crypto.SecretCipher.none())
                .build();

        assertThatThrownBy(() -> wrongSchema.getCredentials("openrouter:" + BOUND_SECRET.replace('_', '-')))
                .isInstanceOfSatisfying(IntegrationException.class, e -> {
                    assertThat(e.error()).isEqualTo(IntegrationError.SCHEMA_NOT_MIGRATED);
                    assertThat(e.getMessage())
                            .contains("42P01")
                            .contains("missing in schema \"missing_schema\"")
                            .contains("Migrator.create(dataSource).schema(\"missing_schema\").migrate()")
                            .doesNotContain("sk-bound")
                            .doesNotContain("SELECT");
                    assertThat(e.getCause().getMessage()).doesNotContain("sk-bound");
                });
        assertThatThrownBy(() -> wrongSchema.getCredentials("01890000-0000-7000-8000-000000000001"))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.SCHEMA_NOT_MIGRATED));
        assertThatThrownBy(() -> wrongSchema.addConnection("openrouter", "default"))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.SCHEMA_NOT_MIGRATED));
    }

    @Test
    void callsWhenDatabaseNeverMigratedThenSchemaNotMigrated(DataSource dataSource, Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("CREATE SCHEMA bare"));
        Integrations unmigrated = Integrations.builder()
                .dataSource(dataSource)
                .schema("bare")
                .providers(TestIntegrations.registry())
                .cipher(dev.phoenixkit.integrations.crypto.SecretCipher.none())
                .build();

        assertThatThrownBy(() -> unmigrated.listConnections("openrouter"))
                .isInstanceOfSatisfying(IntegrationException.class, e -> {
                    assertThat(e.error()).isEqualTo(IntegrationError.SCHEMA_NOT_MIGRATED);
                    assertThat(e.getMessage()).contains("phoenixkit-cli migrate --schema bare");
                });
    }

    @Test
    void buildWhenCallerJdbiThenItsConfigurationIsUnchangedAndItWorks(Jdbi jdbi) {
        var renderingBefore = jdbi.getConfig(StatementExceptions.class).getMessageRendering();
        Integrations integrations = TestIntegrations.create(jdbi);

        UUID uuid = integrations.addConnection("openrouter", "default").uuid();
        integrations.saveSetup(uuid, Map.of("api_key", "k"));

        assertThat(integrations.getCredentials("openrouter").apiKey()).contains("k");
        assertThat(jdbi.getConfig(StatementExceptions.class).getMessageRendering())
                .isSameAs(renderingBefore);
        assertThat(jdbi.getConfig(Extensions.class).hasExtensionFor(SettingsDao.class))
                .isFalse();
        int open = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in%'")
                .mapTo(Integer.class)
                .one());
        assertThat(open).as("no transaction left open on borrowed connections").isZero();
    }

    @Test
    void integrationsWhenOtherSchemaThenRowsLiveThereOnly(DataSource dataSource, Jdbi jdbi) {
        Migrator.create(dataSource).schema("tenant_a").migrate();
        Integrations tenant = Integrations.builder()
                .dataSource(dataSource)
                .schema("tenant_a")
                .providers(TestIntegrations.registry())
                .cipher(dev.phoenixkit.integrations.crypto.SecretCipher.none())
                .build();

        UUID uuid = tenant.addConnection("openrouter", "default").uuid();
        tenant.renameConnection(uuid, "tenant-key");

        assertThat(tenant.getIntegrationByUuid(uuid).name()).isEqualTo("tenant-key");
        assertThat(tenant.auditTrail(uuid)).hasSize(2);
        int inTenant = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM tenant_a.phoenix_kit_settings WHERE key LIKE 'integration:%'")
                .mapTo(Integer.class)
                .one());
        int inPublic = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM public.phoenix_kit_settings WHERE key LIKE 'integration:%'")
                .mapTo(Integer.class)
                .one());
        assertThat(inTenant).isEqualTo(1);
        assertThat(inPublic).isZero();
    }

    @Test
    void auditTableWhenEntryWrittenThenAppendOnly(DataSource dataSource, Jdbi jdbi) {
        Integrations integrations = TestIntegrations.create(dataSource);
        UUID uuid = integrations.addConnection("openrouter", "default").uuid();
        assertThatThrownBy(() -> jdbi.useHandle(
                        handle -> handle.execute("UPDATE public.phoenix_kit_integration_audit SET action = 'x'")))
                .isInstanceOf(JdbiException.class);
        assertThat(integrations.auditTrail(uuid))
                .singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("integration.connection_added"));
    }
}
