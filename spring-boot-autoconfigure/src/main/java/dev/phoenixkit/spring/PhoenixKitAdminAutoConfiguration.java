package dev.phoenixkit.spring;

import dev.phoenixkit.admin.AdminAccess;
import dev.phoenixkit.admin.IntegrationsAdmin;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.spring.internal.SpringSecurityAdminAccess;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The admin console ({@code phoenixkit-admin} on the class path, {@code admin.enabled}, default on) as a servlet at
 * {@code admin.path} (default {@code /phoenixkit/admin}).
 *
 * <p>Who may use it, never open by accident:
 * <ul>
 *   <li>a host {@link AdminAccess} bean decides, when there is one;</li>
 *   <li>otherwise, with Spring Security, a user must be authenticated and hold {@code admin.required-authority}
 *       (default {@code ROLE_ADMIN}); the audit actor comes from a {@link PhoenixKitAdminActor} bean (default
 *       {@link PhoenixKitAdminActor#byName()}). A filter chain for the console's paths only
 *       ({@code phoenixKitAdminSecurityFilterChain}, replaceable by name) requires that authority, accepts the
 *       host's session login and HTTP Basic, and leaves CSRF to the console, which has its own;</li>
 *   <li>otherwise every request is refused (403), with a warning at start-up.</li>
 * </ul>
 */
@AutoConfiguration(
        after = PhoenixKitAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({IntegrationsAdmin.class, HttpServlet.class, ServletRegistrationBean.class})
@ConditionalOnBean(Integrations.class)
@ConditionalOnBooleanProperty(name = PhoenixKitProperties.PREFIX + ".admin.enabled", matchIfMissing = true)
public class PhoenixKitAdminAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(PhoenixKitAdminAutoConfiguration.class);

    /**
     * @param integrations the facade
     * @param properties   the properties
     * @param access       the host's or the Spring Security access policy, if any
     * @param clock        a host clock, if any
     * @return the console
     */
    @Bean
    @ConditionalOnMissingBean
    public IntegrationsAdmin phoenixKitAdmin(
            Integrations integrations,
            PhoenixKitProperties properties,
            ObjectProvider<AdminAccess> access,
            ObjectProvider<Clock> clock) {
        IntegrationsAdmin.Builder builder = IntegrationsAdmin.builder()
                .integrations(integrations)
                .basePath(properties.getAdmin().getPath());
        AdminAccess policy = access.getIfUnique();
        if (policy == null) {
            LOG.warn(
                    "The PhoenixKit admin console at {} refuses every request: define an AdminAccess bean or add"
                            + " Spring Security",
                    properties.getAdmin().getPath());
        } else {
            builder.access(policy);
        }
        clock.ifAvailable(builder::clock);
        return builder.build();
    }

    /**
     * @param admin the console
     * @return its servlet registration at {@code admin.path/*}
     */
    @Bean
    @ConditionalOnMissingBean(name = "phoenixKitAdminServlet")
    public ServletRegistrationBean<HttpServlet> phoenixKitAdminServlet(IntegrationsAdmin admin) {
        String base = admin.basePath();
        ServletRegistrationBean<HttpServlet> registration =
                new ServletRegistrationBean<>(admin.servlet(), base.isEmpty() ? "/*" : base + "/*", base);
        registration.setName("phoenixKitAdmin");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** With Spring Security. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SecurityContextHolder.class, HttpSecurity.class, SecurityFilterChain.class})
    static class Secured {
        /**
         * @param properties the properties
         * @param actor      the host's principal-to-uuid mapping, if any
         * @return the access policy requiring {@code admin.required-authority}
         */
        @Bean
        @ConditionalOnMissingBean
        AdminAccess phoenixKitAdminAccess(PhoenixKitProperties properties, ObjectProvider<PhoenixKitAdminActor> actor) {
            return new SpringSecurityAdminAccess(
                    properties.getAdmin().getRequiredAuthority(), actor.getIfAvailable(PhoenixKitAdminActor::byName));
        }

        /**
         * Ordered before Spring Boot's default chain and before host chains without an order; matches the console's
         * paths only, so the rest of the application keeps the host's security.
         *
         * @param http       Spring Security's builder
         * @param properties the properties
         * @param admin      the console
         * @return the console's filter chain
         * @throws Exception as {@link HttpSecurity#build()}
         */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE - 20)
        @ConditionalOnMissingBean(name = "phoenixKitAdminSecurityFilterChain")
        @ConditionalOnBean(HttpSecurity.class)
        SecurityFilterChain phoenixKitAdminSecurityFilterChain(
                HttpSecurity http, PhoenixKitProperties properties, IntegrationsAdmin admin) throws Exception {
            String base = admin.basePath();
            String authority = properties.getAdmin().getRequiredAuthority();
            http.securityMatcher(base.isEmpty() ? "/**" : base, base + "/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(authority))
                    // the console checks its own CSRF token (HttpOnly SameSite=Strict cookie + form field +
                    // Sec-Fetch-Site/Origin); Spring's token is not in its forms
                    .csrf(AbstractHttpConfigurer::disable)
                    .httpBasic(Customizer.withDefaults());
            return http.build();
        }
    }
}
