package dev.phoenixkit.testkit.reference;

import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI module's runtime credential lookup ({@code OpenRouterClient.build_headers_from_endpoint/1}) with lazy
 * on-read promotion:
 * <ol>
 *   <li>the connection named by the endpoint's {@code integration_uuid};</li>
 *   <li>else the endpoint's {@code provider} text as a reference ({@code provider:name}, bare provider or uuid
 *   text) — and, when that works, the endpoint is promoted: {@code integration_uuid} is set (guarded by
 *   {@code IS NULL}) and an {@code integration.legacy_migrated} entry with {@code source = lazy_on_read} is
 *   recorded; a failed promotion is warned about once per endpoint;</li>
 *   <li>else the legacy {@code api_key} column, with a deprecation warning once per endpoint.</li>
 * </ol>
 *
 * <p>Thread-safe.
 */
public final class AiEndpointCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(AiEndpointCredentials.class);

    private final Integrations integrations;
    private final Jdbi jdbi;
    private final Set<UUID> warnedPromotion = ConcurrentHashMap.newKeySet();
    private final Set<UUID> warnedLegacy = ConcurrentHashMap.newKeySet();

    /**
     * @param integrations the facade
     * @param dataSource   the database holding {@code phoenix_kit_ai_endpoints}
     * @param schema       its schema
     */
    public AiEndpointCredentials(Integrations integrations, DataSource dataSource, String schema) {
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.jdbi = ReferenceAiModule.moduleJdbi(dataSource, schema);
    }

    /**
     * @param endpointUuid an endpoint's uuid
     * @return the API key to call the provider with, if any source has one
     */
    public Optional<String> apiKeyFor(UUID endpointUuid) {
        Objects.requireNonNull(endpointUuid, "endpointUuid");
        AiEndpointDao dao = jdbi.onDemand(AiEndpointDao.class);
        Optional<AiEndpoint> found = dao.find(endpointUuid);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AiEndpoint endpoint = found.get();
        if (endpoint.integrationUuid() != null) {
            Optional<String> key = apiKey(endpoint.integrationUuid().toString());
            if (key.isPresent()) {
                return key;
            }
        }
        if (endpoint.provider() != null && !endpoint.provider().isEmpty()) {
            Optional<String> key = apiKey(endpoint.provider());
            if (key.isPresent()) {
                if (endpoint.integrationUuid() == null) {
                    promote(dao, endpoint);
                }
                return key;
            }
        }
        if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
            if (warnedLegacy.add(endpoint.uuid())) {
                LOG.warn(
                        "AI endpoint {} still uses its legacy api_key column; run the legacy migration",
                        endpoint.uuid());
            }
            return Optional.of(endpoint.apiKey());
        }
        return Optional.empty();
    }

    private Optional<String> apiKey(String ref) {
        try {
            return integrations.getCredentials(ref).apiKey();
        } catch (IntegrationException e) {
            return Optional.empty();
        }
    }

    private void promote(AiEndpointDao dao, AiEndpoint endpoint) {
        try {
            UUID uuid = integrations.resolveToUuid(endpoint.provider());
            if (dao.promote(endpoint.uuid(), uuid) == 1) {
                integrations.recordAuditEntry(
                        ReferenceAiModule.LEGACY_MIGRATED,
                        uuid,
                        null,
                        AuditMode.AUTO,
                        Map.of(
                                "module",
                                ReferenceAiModule.KEY,
                                "endpoint_uuid",
                                endpoint.uuid().toString(),
                                "source",
                                "lazy_on_read"));
            }
        } catch (RuntimeException e) {
            if (warnedPromotion.add(endpoint.uuid())) {
                LOG.warn(
                        "Could not pin AI endpoint {} to its connection ({}); will keep resolving by provider",
                        endpoint.uuid(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
