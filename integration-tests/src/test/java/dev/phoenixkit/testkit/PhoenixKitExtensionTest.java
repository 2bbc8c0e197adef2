package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Integrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@PhoenixKitTest
class PhoenixKitExtensionTest {
    private String databaseSeenByBeforeEach;

    @BeforeEach
    void rememberDatabase(TestDatabase database) {
        databaseSeenByBeforeEach = database.name();
    }

    @RepeatedTest(3)
    void eachTestGetsAnEmptyDatabaseOfItsOwn(Jdbi jdbi) {
        int before = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM public.phoenix_kit_settings WHERE module = 'isolation-check'")
                .mapTo(Integer.class)
                .one());
        jdbi.useHandle(
                handle -> handle.execute(
                        "INSERT INTO public.phoenix_kit_settings (key, value, module) VALUES ('isolation', 'x', 'isolation-check')"));

        assertThat(before).as("rows left behind by an earlier repetition").isZero();
    }

    @Test
    void beforeEachAndTestShareOneDatabase(TestDatabase database, DataSource dataSource) throws SQLException {
        assertThat(database.name()).isEqualTo(databaseSeenByBeforeEach);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getCatalog()).isEqualTo(database.name());
        }
    }

    @Test
    void databaseHoldsTheMigratedSchemaIncludingTheLibraryTrack(Jdbi jdbi) {
        List<String> tables = jdbi.withHandle(
                handle -> handle.createQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' ORDER BY table_name""").mapTo(String.class).list());

        assertThat(tables)
                .contains(
                        "phoenix_kit",
                        "phoenix_kit_settings",
                        "phoenix_kit_ai_endpoints",
                        "phoenix_kit_projects",
                        "phoenix_kit_integration_audit");
        String marker = jdbi.withHandle(
                handle -> handle.createQuery("SELECT obj_description('public.phoenix_kit'::regclass, 'pg_class')")
                        .mapTo(String.class)
                        .one());
        assertThat(marker).isEqualTo("107");
    }

    @Test
    void newDataSourceIsAnIndependentPoolOnTheSameDatabase(TestDatabase database) throws SQLException {
        DataSource second = database.newDataSource();

        assertThat(second).isNotSameAs(database.dataSource());
        try (Connection connection = second.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(database.name());
        }
    }

    @Test
    void injectedIntegrationsWritesToTheTestsOwnDatabase(Integrations integrations, Jdbi jdbi) {
        var connection = integrations.addConnection("openrouter", "work");

        String key = jdbi.withHandle(
                handle -> handle.createQuery("SELECT key FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                        .bind("uuid", connection.uuid())
                        .mapTo(String.class)
                        .one());
        assertThat(key).isEqualTo("integration:openrouter:work");
    }
}
