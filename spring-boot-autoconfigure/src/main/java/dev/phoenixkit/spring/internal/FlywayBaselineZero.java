package dev.phoenixkit.spring.internal;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.core.env.Environment;

/**
 * When the host has not set {@code spring.flyway.baseline-on-migrate} or {@code spring.flyway.baseline-version}:
 * baseline on migrate at version 0. Flyway baselines only a non-empty schema without its history table, which is
 * the case where PhoenixKit's tables came first (the library was adopted before Flyway); at 0, the host's own
 * {@code V1__} still runs, where Flyway's default baseline (1) would skip it silently. On an empty schema, or one with
 * Flyway's history, nothing changes.
 */
public final class FlywayBaselineZero implements FlywayConfigurationCustomizer {
    private final Environment environment;

    /**
     * @param environment the host's environment, to see whether it chose a baseline itself
     */
    public FlywayBaselineZero(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (environment.containsProperty("spring.flyway.baseline-on-migrate")
                || environment.containsProperty("spring.flyway.baseline-version")) {
            return;
        }
        configuration.baselineOnMigrate(true).baselineVersion("0");
    }
}
