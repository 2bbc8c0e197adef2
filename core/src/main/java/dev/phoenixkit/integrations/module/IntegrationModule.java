package dev.phoenixkit.integrations.module;

import dev.phoenixkit.integrations.Integrations;
import java.util.List;

/**
 * A feature module that uses integrations (PhoenixKit's {@code PhoenixKit.Module} callbacks that concern them).
 *
 * <p>Register modules with a {@link ModuleRegistry}, explicitly or through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.phoenixkit.integrations.module.IntegrationModule} entry and a public no-argument
 * constructor). Implementations must be thread-safe.
 *
 * <p>A module that brings its own providers (PhoenixKit's {@code integration_providers/0}) implements
 * {@link dev.phoenixkit.integrations.provider.ProviderSource} as well and lists itself in
 * {@code META-INF/services/dev.phoenixkit.integrations.provider.ProviderSource}: the provider registry is built
 * before the {@code Integrations} instance that modules receive, so providers come from the one provider SPI
 * ({@code docs/decisions/module-providers.md}).
 */
public interface IntegrationModule {
    /**
     * @return the module's unique key, for example {@code "ai"}; non-blank
     */
    String key();

    /**
     * @return provider keys this module needs a connection of (default none)
     */
    default List<String> requiredIntegrations() {
        return List.of();
    }

    /**
     * Moves the module's legacy data onto integrations: credentials kept by the module become connections that its
     * records point at by uuid, and {@code provider:name} references become uuid references.
     *
     * <p>Contract: idempotent and cheap on repeat runs; should not throw (return {@link LegacyMigrationResult#error})
     * although a throw is caught and reported; log uuids only, never secrets; record one audit entry per migrated
     * record with {@link Integrations#recordAuditEntry} in mode {@code AUTO}. Default: nothing to do.
     *
     * @param integrations the facade to migrate into
     * @return the outcome
     */
    default LegacyMigrationResult migrateLegacy(Integrations integrations) {
        return LegacyMigrationResult.ok();
    }
}
