/**
 * The module SPI: {@link dev.phoenixkit.integrations.module.IntegrationModule} and
 * {@link dev.phoenixkit.integrations.module.ModuleRegistry} with
 * {@link dev.phoenixkit.integrations.module.ModuleRegistry#runAllLegacyMigrations()}.
 */
package dev.phoenixkit.integrations.module;
