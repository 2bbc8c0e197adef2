package dev.phoenixkit.integrations.module;

import dev.phoenixkit.integrations.Integrations;
import java.util.Map;

/** Found through META-INF/services by {@link ModuleRegistryTest}. */
public class DiscoveredTestModule implements IntegrationModule {
    /** ServiceLoader needs a public no-argument constructor. */
    public DiscoveredTestModule() {}

    @Override
    public String key() {
        return "discovered";
    }

    @Override
    public LegacyMigrationResult migrateLegacy(Integrations integrations) {
        return LegacyMigrationResult.ok(
                Map.of("providers", integrations.listProviders().size()));
    }
}
