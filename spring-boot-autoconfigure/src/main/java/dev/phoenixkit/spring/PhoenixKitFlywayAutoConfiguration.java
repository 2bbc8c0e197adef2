package dev.phoenixkit.spring;

import dev.phoenixkit.spring.internal.FlywayBaselineZero;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * With the host's Flyway: a baseline at version 0 for a schema that already holds PhoenixKit's tables but no Flyway
 * history ({@code phoenixkit.integrations.flyway-baseline-zero}, default on; see
 * docs/decisions/spring-migrations-ordering.md).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
@ConditionalOnBooleanProperty(name = PhoenixKitProperties.PREFIX + ".flyway-baseline-zero", matchIfMissing = true)
public class PhoenixKitFlywayAutoConfiguration {
    /**
     * @param environment the host's environment
     * @return the customizer
     */
    @Bean
    public FlywayConfigurationCustomizer phoenixKitFlywayBaselineZero(Environment environment) {
        return new FlywayBaselineZero(environment);
    }
}
