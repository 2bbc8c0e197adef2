package dev.phoenixkit.spring;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.migrations.MigrationInfo;
import dev.phoenixkit.migrations.Migrator;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code phoenixkit} health: down when the database cannot be read or the schema is below what the library
 * needs (pending steps); up otherwise, with the schema version, the number of connections and the number in
 * {@code error} as details (a connection in error is the provider's or its credentials' state, not the
 * application's, so it does not make the application unhealthy).
 */
public class PhoenixKitHealthIndicator extends AbstractHealthIndicator {
    private final Integrations integrations;
    private final Migrator migrator;

    /**
     * @param integrations the facade
     * @param migrator     a migrator on the same database and schema
     */
    public PhoenixKitHealthIndicator(Integrations integrations, Migrator migrator) {
        super("PhoenixKit Integrations health check failed");
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationInfo info = migrator.info();
        builder.withDetail("schemaVersion", info.currentVersion()).withDetail("requiredVersion", Migrator.LATEST);
        if (!info.upToDate()) {
            builder.down().withDetail("pendingSteps", info.pending().size());
            return;
        }
        List<Connection> connections = integrations.listIntegrations();
        long inError = connections.stream()
                .filter(connection -> connection.data().status().orElse(null) == ConnectionStatus.ERROR)
                .count();
        builder.up().withDetail("connections", connections.size()).withDetail("connectionsInError", inError);
    }
}
