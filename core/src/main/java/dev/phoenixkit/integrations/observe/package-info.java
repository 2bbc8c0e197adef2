/**
 * The observer SPI: callbacks for metrics and tracing, with no metrics library in core. Give an
 * {@link dev.phoenixkit.integrations.observe.IntegrationsObserver} to
 * {@code Integrations.builder().observer(...)} (and, since it is a {@code MigrationListener}, to
 * {@code Migrator.listener(...)}); the {@code phoenixkit-micrometer} module binds one to a {@code MeterRegistry}.
 *
 * <p>Callbacks carry the provider key and an outcome, never a connection's uuid, name or any secret, so every value
 * is safe to use as a metric tag.
 */
package dev.phoenixkit.integrations.observe;
