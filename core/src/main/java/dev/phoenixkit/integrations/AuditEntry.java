package dev.phoenixkit.integrations;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the append-only audit trail ({@code phoenix_kit_integration_audit}), PhoenixKit's Activity entries for
 * integrations: action names such as {@code integration.connection_added}, {@code integration.setup_saved},
 * {@code integration.connection_renamed}.
 *
 * <p>Metadata never holds secret values. Immutable and thread-safe.
 *
 * @param id              the row's identity (insertion order)
 * @param action          the action, for example {@code "integration.setup_saved"}
 * @param integrationUuid the connection's uuid, if the action concerned one
 * @param provider        the provider key at the time, if known
 * @param name            the connection name at the time, if known
 * @param actorUuid       who asked for it, if given
 * @param mode            manual or automatic
 * @param metadata        non-secret details as plain JSON values
 * @param occurredAt      when it was committed (the library's clock)
 */
public record AuditEntry(long id, String action, Optional<UUID> integrationUuid, Optional<String> provider,
        Optional<String> name, Optional<UUID> actorUuid, AuditMode mode, Map<String, Object> metadata,
        Instant occurredAt) {
    /** Validates that no component is {@code null} and copies the metadata. */
    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(integrationUuid, "integrationUuid");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actorUuid, "actorUuid");
        Objects.requireNonNull(mode, "mode");
        metadata = IntegrationData.of(Objects.requireNonNull(metadata, "metadata")).asMap();
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
