package dev.phoenixkit.spring.internal;

import dev.phoenixkit.spring.PhoenixKitMigrations;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link PhoenixKitMigrations} initialises the database. Order 100: after Flyway's and
 * Liquibase's detectors (order 0), before {@code spring.sql.init} scripts ({@code LOWEST_PRECEDENCE - 100}), so the
 * host's own chain sees the schema as it left it and its scripts see PhoenixKit's tables.
 */
public final class PhoenixKitMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    /** The detector's order among database initializer detectors. */
    public static final int ORDER = 100;

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(PhoenixKitMigrations.class);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
