package dev.phoenixkit.spring;

import dev.phoenixkit.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With {@code phoenixkit-micrometer} and a {@link MeterRegistry} (Actuator's): a {@link MicrometerObserver}, which the
 * {@code Integrations} bean and the start-up migrations report to ({@code phoenixkit.provider.requests},
 * {@code phoenixkit.token.refreshes}, {@code phoenixkit.migration.steps}, ...).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass({MicrometerObserver.class, MeterRegistry.class})
public class PhoenixKitMicrometerAutoConfiguration {
    /**
     * @param registry the application's meter registry
     * @return the observer
     */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean
    public MicrometerObserver phoenixKitMicrometerObserver(MeterRegistry registry) {
        return new MicrometerObserver(registry);
    }
}
