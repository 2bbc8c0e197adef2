package dev.phoenixkit.integrations.internal.db;

import java.time.Instant;
import java.util.UUID;

/**
 * One {@code phoenix_kit_integration_audit} row.
 *
 * @param id              identity
 * @param action          action name
 * @param integrationUuid the connection's uuid, or {@code null}
 * @param provider        provider key, or {@code null}
 * @param name            connection name, or {@code null}
 * @param actorUuid       who acted, or {@code null}
 * @param mode            {@code manual} or {@code auto}
 * @param metadata        JSON text
 * @param occurredAt      when
 */
public record AuditRow(
        long id,
        String action,
        UUID integrationUuid,
        String provider,
        String name,
        UUID actorUuid,
        String mode,
        String metadata,
        Instant occurredAt) {}
