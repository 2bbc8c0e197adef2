package dev.phoenixkit.spring;

import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.Migrator;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;

/**
 * Brings the schema to the library's version when the context starts. It is a database initializer in Spring Boot's
 * sense (detected by {@code PhoenixKitMigrationsDetector}), ordered after the host's Flyway and Liquibase and
 * before {@code spring.sql.init} scripts; beans that depend on database initialization (a {@code JdbcTemplate}, JPA,
 * the {@code Integrations} bean) wait for it. See docs/decisions/spring-migrations-ordering.md.
 */
public class PhoenixKitMigrations implements InitializingBean {
    private final Migrator migrator;
    private volatile MigrationReport report;

    /**
     * @param migrator the configured migrator
     */
    public PhoenixKitMigrations(Migrator migrator) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
    }

    /** Runs the migrations. */
    @Override
    public void afterPropertiesSet() {
        report = migrator.migrate();
    }

    /** @return the migrator */
    public Migrator migrator() {
        return migrator;
    }

    /** @return what the start-up run did, or {@code null} before it ran */
    public MigrationReport report() {
        return report;
    }
}
