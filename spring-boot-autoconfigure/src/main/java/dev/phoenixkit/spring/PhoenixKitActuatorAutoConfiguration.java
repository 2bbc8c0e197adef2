package dev.phoenixkit.spring;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.spring.internal.SecretSanitizer;
import javax.sql.DataSource;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator: the {@code phoenixkit} health indicator, and a {@link SanitizingFunction} that masks the secret key
 * base and the keyring in {@code /actuator/configprops} and {@code /actuator/env} even when the host shows values.
 */
@AutoConfiguration(after = PhoenixKitAutoConfiguration.class)
public class PhoenixKitActuatorAutoConfiguration {

    /** The health indicator, when Spring Boot's health module is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    @ConditionalOnBean(Integrations.class)
    @ConditionalOnEnabledHealthIndicator("phoenixkit")
    static class Health {
        /**
         * @param integrations the facade
         * @param dataSource   the application's data source
         * @param properties   the properties
         * @return the indicator, named {@code phoenixkit}
         */
        @Bean
        @ConditionalOnMissingBean(name = "phoenixkitHealthIndicator")
        PhoenixKitHealthIndicator phoenixkitHealthIndicator(
                Integrations integrations, DataSource dataSource, PhoenixKitProperties properties) {
            return new PhoenixKitHealthIndicator(
                    integrations, Migrator.create(dataSource).schema(properties.getSchema()));
        }
    }

    /** The sanitizer, when Actuator's endpoints are present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Sanitizing {
        /** @return the sanitizer */
        @Bean
        SanitizingFunction phoenixKitSecretSanitizer() {
            return new SecretSanitizer();
        }
    }
}
