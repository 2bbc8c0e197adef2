/**
 * A Spring Boot application using {@code phoenixkit-spring-boot-starter}: the host's own code is {@link
 * dev.phoenixkit.sample.SampleApplication} (start-up of the demo's embedded PostgreSQL and fake provider) and {@link
 * dev.phoenixkit.sample.DemoController}; everything PhoenixKit does comes from the starter and a few properties.
 */
package dev.phoenixkit.sample;
