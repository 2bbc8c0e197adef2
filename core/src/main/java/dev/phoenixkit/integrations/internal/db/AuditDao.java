package dev.phoenixkit.integrations.internal.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only {@code <schema>.phoenix_kit_integration_audit} table (created by the migrator's library track). */
public interface AuditDao {
    /**
     * Appends one entry.
     *
     * @param action          action name, at most 64 characters
     * @param integrationUuid the connection's uuid, or {@code null}
     * @param provider        provider key, or {@code null}
     * @param name            connection name, or {@code null}
     * @param actorUuid       who acted, or {@code null}
     * @param mode            {@code manual} or {@code auto}
     * @param metadata        JSON object text without secrets
     * @param occurredAt      ISO-8601 instant
     * @return rows inserted
     */
    @SqlUpdate("""
            INSERT INTO <schema>.phoenix_kit_integration_audit
                (action, integration_uuid, provider, name, actor_uuid, mode, metadata, occurred_at)
            VALUES (:action, CAST(:integrationUuid AS uuid), :provider, :name, CAST(:actorUuid AS uuid), :mode,
                    CAST(:metadata AS jsonb),
                    CAST(:occurredAt AS timestamptz))""")
    int insert(
            @Bind("action") String action,
            @Bind("integrationUuid") UUID integrationUuid,
            @Bind("provider") String provider,
            @Bind("name") String name,
            @Bind("actorUuid") UUID actorUuid,
            @Bind("mode") String mode,
            @Bind("metadata") String metadata,
            @Bind("occurredAt") String occurredAt);

    /**
     * @param integrationUuid a connection's uuid
     * @return its entries, oldest first
     */
    @SqlQuery("""
            SELECT id, action, integration_uuid, provider, name, actor_uuid, mode, metadata::text AS metadata,
                   occurred_at
            FROM <schema>.phoenix_kit_integration_audit
            WHERE integration_uuid = :integrationUuid
            ORDER BY id""")
    List<AuditRow> listByIntegration(@Bind("integrationUuid") UUID integrationUuid);
}
