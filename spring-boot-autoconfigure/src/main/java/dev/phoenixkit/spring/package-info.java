/**
 * Spring Boot auto-configuration for PhoenixKit Integrations: add {@code phoenixkit-spring-boot-starter} and set
 * {@code phoenixkit.integrations.secret-key-base}. See {@link dev.phoenixkit.spring.PhoenixKitProperties} for every
 * property, {@link dev.phoenixkit.spring.PhoenixKitAutoConfiguration} for the beans (each replaceable), and
 * {@link dev.phoenixkit.spring.PhoenixKitBearerInterceptor} for outbound calls.
 */
package dev.phoenixkit.spring;
