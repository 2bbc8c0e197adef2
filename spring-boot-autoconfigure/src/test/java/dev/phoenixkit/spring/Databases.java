package dev.phoenixkit.spring;

import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;

/** The Spring properties that point a context at one of the testkit's real PostgreSQL databases. */
final class Databases {
    /** A secret key base for the tests (PhoenixKit wants at least 20 characters). */
    static final String SECRET = "spring-test-secret-key-base-0123456789";

    private Databases() {}

    /** @return a fresh database with PhoenixKit's schema migrated */
    static TestDatabase migrated() {
        return PostgresServer.shared().createDatabase();
    }

    /** @return a fresh, empty database */
    static TestDatabase empty() {
        return PostgresServer.shared().createEmptyDatabase();
    }

    /** @return {@code spring.datasource.*} for the database */
    static String[] datasource(TestDatabase database) {
        return new String[] {
            "spring.datasource.url=" + database.jdbcUrl(),
            "spring.datasource.username=" + database.user(),
            "spring.datasource.password=" + (database.password() == null ? "" : database.password())
        };
    }
}
