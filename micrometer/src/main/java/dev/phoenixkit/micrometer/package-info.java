/**
 * Micrometer metrics for PhoenixKit Integrations: {@link dev.phoenixkit.micrometer.MicrometerObserver} binds the
 * observer SPI ({@code dev.phoenixkit.integrations.observe}) to a {@code MeterRegistry}.
 */
package dev.phoenixkit.micrometer;
