package dev.phoenixkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.spring.app.PlainApp;
import dev.phoenixkit.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The library's start-up migrations next to a host's own Flyway or Liquibase chain on the same database and schema:
 * on a fresh database, on one where the library came first, on one where the host's tool came first, and on a
 * restart, both chains end applied (docs/decisions/spring-migrations-ordering.md).
 */
class MigrationOrderingTest {
    private final List<TestDatabase> databases = new ArrayList<>();

    @AfterEach
    void drop() {
        databases.forEach(TestDatabase::close);
    }

    private TestDatabase empty() {
        TestDatabase database = Databases.empty();
        databases.add(database);
        return database;
    }

    private static ConfigurableApplicationContext start(TestDatabase database, String tool, String... extra) {
        List<String> properties = new ArrayList<>(List.of(Databases.datasource(database)));
        properties.add("phoenixkit.integrations.secret-key-base=" + Databases.SECRET);
        if (tool.equals("flyway")) {
            properties.add("spring.flyway.locations=classpath:db/host-flyway");
            properties.add("spring.liquibase.enabled=false");
        } else {
            properties.add("spring.liquibase.change-log=classpath:db/host-liquibase/changelog.sql");
            properties.add("spring.flyway.enabled=false");
        }
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(PlainApp.class)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    private static int phoenixKitVersion(TestDatabase database) {
        return Migrator.create(database.dataSource()).info().currentVersion();
    }

    private static List<String> flywayRows(TestDatabase database) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT coalesce(version, '-') || ':' || type || ':' || success"
                                + " FROM flyway_schema_history ORDER BY installed_rank")
                        .mapTo(String.class)
                        .list());
    }

    private static List<String> liquibaseRows(TestDatabase database) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")
                        .mapTo(String.class)
                        .list());
    }

    private static boolean hostTablesExist(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM information_schema.tables"
                                + " WHERE table_schema = 'public' AND table_name IN ('host_orders', 'host_customers')")
                        .mapTo(Integer.class)
                        .one())
                == 2;
    }

    private static void usable(ConfigurableApplicationContext context) {
        Integrations integrations = context.getBean(Integrations.class);
        var added = integrations.addConnection("openrouter", "probe");
        assertThat(integrations.getIntegrationByUuid(added.uuid()).name()).isEqualTo("probe");
    }

    @Test
    @DisplayName("Flyway, fresh database: the host's chain runs first on the empty schema (no baseline), then ours")
    void flywayFreshDatabase() {
        TestDatabase database = empty();
        try (ConfigurableApplicationContext context = start(database, "flyway")) {
            usable(context);
        }
        assertThat(flywayRows(database)).containsExactly("1:SQL:true", "2:SQL:true");
        assertThat(phoenixKitVersion(database)).isEqualTo(Migrator.LATEST);
        assertThat(hostTablesExist(database.jdbi())).isTrue();
    }

    @Test
    @DisplayName("Flyway adopted after the library: baseline at 0, so the host's V1 still runs")
    void flywayAfterTheLibrary() {
        TestDatabase database = empty();
        Migrator.create(database.dataSource()).migrate();

        try (ConfigurableApplicationContext context = start(database, "flyway")) {
            usable(context);
        }
        assertThat(flywayRows(database)).containsExactly("0:BASELINE:true", "1:SQL:true", "2:SQL:true");
        assertThat(hostTablesExist(database.jdbi())).isTrue();
        assertThat(phoenixKitVersion(database)).isEqualTo(Migrator.LATEST);
    }

    @Test
    @DisplayName("without the baseline at 0, Flyway refuses the schema the library populated (why it is the default)")
    void flywayAfterTheLibraryWithoutBaselineZeroFails() {
        TestDatabase database = empty();
        Migrator.create(database.dataSource()).migrate();

        assertThatThrownBy(() -> start(database, "flyway", "phoenixkit.integrations.flyway-baseline-zero=false")
                        .close())
                .hasStackTraceContaining("no schema history table");
    }

    @Test
    @DisplayName("a host that chose its own baseline keeps it")
    void flywayHostBaselineWins() {
        TestDatabase database = empty();
        Migrator.create(database.dataSource()).migrate();

        try (ConfigurableApplicationContext context = start(
                database, "flyway", "spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=1")) {
            usable(context);
        }
        assertThat(flywayRows(database)).containsExactly("1:BASELINE:true", "2:SQL:true");
    }

    @Test
    @DisplayName("the library adopted after Flyway, then a restart: both chains applied, nothing re-run")
    void libraryAfterFlywayThenRestart() {
        TestDatabase database = empty();
        try (ConfigurableApplicationContext context =
                start(database, "flyway", "phoenixkit.integrations.enabled=false")) {
            assertThat(context.getBeanNamesForType(Integrations.class)).isEmpty();
        }
        assertThat(flywayRows(database)).containsExactly("1:SQL:true", "2:SQL:true");
        assertThat(phoenixKitVersion(database)).isZero();

        try (ConfigurableApplicationContext context = start(database, "flyway")) {
            usable(context);
        }
        try (ConfigurableApplicationContext context = start(database, "flyway")) {
            assertThat(context.getBean(PhoenixKitMigrations.class).report().applied())
                    .isEmpty();
        }
        assertThat(flywayRows(database)).containsExactly("1:SQL:true", "2:SQL:true");
        assertThat(phoenixKitVersion(database)).isEqualTo(Migrator.LATEST);
    }

    @Test
    @DisplayName("Liquibase, fresh database: both chains applied")
    void liquibaseFreshDatabase() {
        TestDatabase database = empty();
        try (ConfigurableApplicationContext context = start(database, "liquibase")) {
            usable(context);
        }
        assertThat(liquibaseRows(database)).containsExactly("1", "2");
        assertThat(phoenixKitVersion(database)).isEqualTo(Migrator.LATEST);
        assertThat(hostTablesExist(database.jdbi())).isTrue();
    }

    @Test
    @DisplayName("Liquibase adopted after the library, and the library after Liquibase: both chains applied")
    void liquibaseEitherOrder() {
        TestDatabase libraryFirst = empty();
        Migrator.create(libraryFirst.dataSource()).migrate();
        try (ConfigurableApplicationContext context = start(libraryFirst, "liquibase")) {
            usable(context);
        }
        assertThat(liquibaseRows(libraryFirst)).containsExactly("1", "2");

        TestDatabase liquibaseFirst = empty();
        try (ConfigurableApplicationContext context =
                start(liquibaseFirst, "liquibase", "phoenixkit.integrations.enabled=false")) {
            assertThat(context.getBeanNamesForType(Integrations.class)).isEmpty();
        }
        assertThat(phoenixKitVersion(liquibaseFirst)).isZero();
        try (ConfigurableApplicationContext context = start(liquibaseFirst, "liquibase")) {
            usable(context);
        }
        assertThat(liquibaseRows(liquibaseFirst)).containsExactly("1", "2");
        assertThat(phoenixKitVersion(liquibaseFirst)).isEqualTo(Migrator.LATEST);
    }
}
