package dev.phoenixkit.testkit.reference;

import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.module.IntegrationModule;
import dev.phoenixkit.integrations.module.LegacyMigrationResult;
import dev.phoenixkit.migrations.PostgresIdentifier;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference {@link IntegrationModule}, mirroring PhoenixKit's AI module ({@code PhoenixKitAI.migrate_legacy/0}):
 * copy it when your module keeps credentials or {@code provider:name} references of its own.
 *
 * <ul>
 *   <li>Pass 1 ({@link #migrateLegacyApiKeys}): endpoints of the bare {@code openrouter} provider holding an
 *   {@code api_key} become openrouter connections — {@code "default"} for one distinct key, {@code "imported-N"}
 *   for several; endpoints sharing a key share the connection. The endpoints then point at it
 *   ({@code integration_uuid}, {@code provider = "openrouter:<name>"}) and their key column is cleared. Guarded by
 *   the setting {@value #COMPLETED_SETTING} and skipped when any openrouter connection exists.</li>
 *   <li>Pass 2 ({@link #sweepProviderReferences}): endpoints without {@code integration_uuid} whose provider is a
 *   {@code provider:name} reference (or uuid text) get the uuid it resolves to; the update is guarded by
 *   {@code integration_uuid IS NULL}.</li>
 * </ul>
 * Both passes are idempotent, log uuids only and record one {@code integration.legacy_migrated} audit entry per
 * endpoint (mode {@code AUTO}). {@link AiEndpointCredentials} is the runtime lookup with lazy promotion.
 *
 * <p>Thread-safe.
 */
public final class ReferenceAiModule implements IntegrationModule {
    /** The module key. */
    public static final String KEY = "ai";
    /** The settings key marking pass 1 complete. */
    public static final String COMPLETED_SETTING = "ai_legacy_api_key_migration_completed_at";
    /** The audit action for each migrated endpoint. */
    public static final String LEGACY_MIGRATED = "integration.legacy_migrated";

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceAiModule.class);

    private final Jdbi jdbi;
    private final Clock clock;

    /**
     * @param dataSource the database holding {@code phoenix_kit_ai_endpoints}
     * @param schema     its schema ({@link PostgresIdentifier})
     * @param clock      the clock stamping the completion setting
     */
    public ReferenceAiModule(DataSource dataSource, String schema, Clock clock) {
        this.jdbi = moduleJdbi(dataSource, schema);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param dataSource the database, schema {@code public}, system UTC clock
     */
    public ReferenceAiModule(DataSource dataSource) {
        this(dataSource, "public", Clock.systemUTC());
    }

    static Jdbi moduleJdbi(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        PostgresIdentifier.check("schema", schema);
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        jdbi.define("schema", "\"" + schema.replace("\"", "\"\"") + "\"");
        return jdbi;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<String> requiredIntegrations() {
        return List.of("openrouter");
    }

    @Override
    public LegacyMigrationResult migrateLegacy(Integrations integrations) {
        Objects.requireNonNull(integrations, "integrations");
        try {
            Map<String, Object> credentials = migrateLegacyApiKeys(integrations);
            Map<String, Object> references = sweepProviderReferences(integrations);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("credentials_migration", credentials);
            summary.put("reference_migration", references);
            if ("error".equals(references.get("result"))) {
                return LegacyMigrationResult.error("sweep_failed: " + references);
            }
            return LegacyMigrationResult.ok(summary);
        } catch (RuntimeException e) {
            LOG.warn("AI legacy migration failed ({})", e.getClass().getName());
            return LegacyMigrationResult.error("failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Pass 1: legacy endpoint keys into openrouter connections. Idempotent.
     *
     * @param integrations the facade
     * @return {@code result} ({@code skipped_completed}, {@code skipped_integration_exists},
     *         {@code nothing_to_migrate} or {@code migrated}) plus counts
     */
    public Map<String, Object> migrateLegacyApiKeys(Integrations integrations) {
        AiEndpointDao dao = jdbi.onDemand(AiEndpointDao.class);
        if (dao.settingExists(COMPLETED_SETTING)) {
            return Map.of("result", "skipped_completed");
        }
        if (!integrations.listConnections("openrouter").isEmpty()) {
            markCompleted(dao);
            return Map.of("result", "skipped_integration_exists");
        }
        Map<String, List<UUID>> endpointsByKey = new LinkedHashMap<>();
        for (AiEndpoint endpoint : dao.legacyOpenRouterEndpoints()) {
            endpointsByKey
                    .computeIfAbsent(endpoint.apiKey(), key -> new ArrayList<>())
                    .add(endpoint.uuid());
        }
        if (endpointsByKey.isEmpty()) {
            markCompleted(dao);
            return Map.of("result", "nothing_to_migrate");
        }
        int index = 0;
        int endpoints = 0;
        for (Map.Entry<String, List<UUID>> group : endpointsByKey.entrySet()) {
            index++;
            String name = endpointsByKey.size() == 1 ? "default" : "imported-" + index;
            UUID uuid = addOrReuse(integrations, name);
            integrations.saveSetup(uuid, Map.of("api_key", group.getKey()));
            dao.pinMigrated(group.getValue(), "openrouter:" + name, uuid);
            for (UUID endpoint : group.getValue()) {
                integrations.recordAuditEntry(
                        LEGACY_MIGRATED,
                        uuid,
                        null,
                        AuditMode.AUTO,
                        Map.of("module", KEY, "endpoint_uuid", endpoint.toString(), "source", "legacy_api_key"));
                endpoints++;
            }
            LOG.info(
                    "AI legacy migration: {} endpoint(s) now use connection {}",
                    group.getValue().size(),
                    uuid);
        }
        markCompleted(dao);
        return Map.of("result", "migrated", "connections", endpointsByKey.size(), "endpoints", endpoints);
    }

    /**
     * Pass 2: {@code provider:name} references onto {@code integration_uuid}. Idempotent.
     *
     * @param integrations the facade
     * @return {@code result} ({@code nothing_to_migrate}, {@code migrated} with {@code count}, or {@code error})
     */
    public Map<String, Object> sweepProviderReferences(Integrations integrations) {
        try {
            AiEndpointDao dao = jdbi.onDemand(AiEndpointDao.class);
            List<AiEndpoint> candidates = dao.unpinnedEndpoints();
            if (candidates.isEmpty()) {
                return Map.of("result", "nothing_to_migrate");
            }
            int promoted = 0;
            for (AiEndpoint endpoint : candidates) {
                UUID uuid;
                try {
                    uuid = integrations.resolveToUuid(endpoint.provider());
                } catch (IntegrationException e) {
                    LOG.debug("AI sweep: endpoint {} does not resolve ({})", endpoint.uuid(), e.error());
                    continue;
                }
                if (dao.promote(endpoint.uuid(), uuid) == 1) {
                    integrations.recordAuditEntry(
                            LEGACY_MIGRATED,
                            uuid,
                            null,
                            AuditMode.AUTO,
                            Map.of(
                                    "module",
                                    KEY,
                                    "endpoint_uuid",
                                    endpoint.uuid().toString(),
                                    "source",
                                    "sweep"));
                    promoted++;
                }
            }
            return promoted == 0
                    ? Map.of("result", "nothing_to_migrate")
                    : Map.of("result", "migrated", "count", promoted);
        } catch (RuntimeException e) {
            LOG.warn("AI reference sweep failed ({})", e.getClass().getName());
            return Map.of("result", "error");
        }
    }

    private static UUID addOrReuse(Integrations integrations, String name) {
        try {
            return integrations.addConnection("openrouter", name).uuid();
        } catch (IntegrationException e) {
            if (e.error() != IntegrationError.ALREADY_EXISTS) {
                throw e;
            }
            return integrations.findUuidByProviderName("openrouter", name);
        }
    }

    private void markCompleted(AiEndpointDao dao) {
        dao.insertSetting(COMPLETED_SETTING, DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
    }
}
