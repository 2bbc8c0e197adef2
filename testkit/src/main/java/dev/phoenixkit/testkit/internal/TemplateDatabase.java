package dev.phoenixkit.testkit.internal;

import dev.phoenixkit.integrations.StorageLayout;
import dev.phoenixkit.migrations.Migrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database every test database is cloned from: created once per JVM and migrated to the latest schema (the
 * PhoenixKit chain and the library's own track), then to PhoenixKit's V114 uuid-key layout when
 * {@link TestLayout#current()} says so. No connection stays open on it, so it can serve as a template.
 *
 * @param name            the template's database name
 * @param migrationMillis how long the migration took
 */
public record TemplateDatabase(String name, long migrationMillis) {

    /**
     * Creates and migrates the template.
     *
     * @param backend the server
     * @param name    the database name to use
     * @return the template
     */
    public static TemplateDatabase create(ServerBackend backend, String name) {
        backend.createDatabase(name, null);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(backend.jdbcUrl(name));
        if (backend.user() != null) {
            dataSource.setUser(backend.user());
        }
        if (backend.password() != null) {
            dataSource.setPassword(backend.password());
        }
        long start = System.nanoTime();
        Migrator.create(dataSource).migrate();
        if (TestLayout.current() == StorageLayout.UUID_KEY) {
            toUuidKeys(dataSource);
        }
        return new TemplateDatabase(name, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * PhoenixKit's V114 on the freshly migrated (empty) schema: its row rewrite (a no-op here, kept so the step is
     * the real one) and its marker, from which {@code Integrations} detects the uuid-key layout.
     */
    private static void toUuidKeys(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(PhoenixKitV114.up("public."));
            statement.execute("COMMENT ON TABLE public.phoenix_kit IS '114'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the template database to the uuid-key layout", e);
        }
    }
}
