package dev.phoenixkit.testkit.internal;

import dev.phoenixkit.migrations.Migrator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database every test database is cloned from: created once per JVM and migrated to the latest schema (the
 * PhoenixKit chain and the library's own track). No connection stays open on it, so it can serve as a template.
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
        return new TemplateDatabase(name, (System.nanoTime() - start) / 1_000_000);
    }
}
