package dev.phoenixkit.spring;

import dev.phoenixkit.integrations.Integrations;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * In a servlet web application: the OAuth2 callback route ({@code callback.enabled}, default on) and, opt-in, the
 * problem-details mapping of {@code IntegrationException} ({@code problem-details=true}).
 */
@AutoConfiguration(after = PhoenixKitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(Integrations.class)
public class PhoenixKitWebAutoConfiguration {
    /**
     * @param integrations the facade
     * @param properties   the properties
     * @return the callback controller
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = PhoenixKitProperties.PREFIX + ".callback.enabled", matchIfMissing = true)
    public PhoenixKitCallbackController phoenixKitCallbackController(
            Integrations integrations, PhoenixKitProperties properties) {
        return new PhoenixKitCallbackController(integrations, properties);
    }

    /** @return the problem-details advice */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = PhoenixKitProperties.PREFIX + ".problem-details")
    public PhoenixKitProblemDetails phoenixKitProblemDetails() {
        return new PhoenixKitProblemDetails();
    }
}
