package dev.phoenixkit.spring;

import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

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

    /**
     * Points a {@code @SpringBootTest} context at the database: its {@code spring.datasource.*}, the test secret key
     * base, and Flyway and Liquibase off (the library migrates).
     *
     * @param registry the test's {@code @DynamicPropertySource} registry
     * @param database the database
     */
    static void register(DynamicPropertyRegistry registry, TestDatabase database) {
        for (String pair : datasource(database)) {
            String[] kv = pair.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        registry.add("phoenixkit.integrations.secret-key-base", () -> SECRET);
        registry.add("spring.flyway.enabled", () -> "false");
        registry.add("spring.liquibase.enabled", () -> "false");
    }
}
