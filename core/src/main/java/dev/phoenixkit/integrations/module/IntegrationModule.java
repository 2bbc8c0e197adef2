package dev.phoenixkit.integrations.module;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import java.util.List;

/**
 * A feature module that uses integrations (PhoenixKit's {@code PhoenixKit.Module} callbacks that concern them).
 *
 * <p>Register modules with a {@link ModuleRegistry}, explicitly or through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.phoenixkit.integrations.module.IntegrationModule} entry and a public no-argument
 * constructor). Implementations must be thread-safe.
 */
public interface IntegrationModule {
    /**
     * @return the module's unique key, for example {@code "ai"}; non-blank
     */
    String key();

    /**
     * @return providers this module contributes (default none)
     */
    default List<ProviderDefinition> integrationProviders() {
        return List.of();
    }

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
