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
 * <p>Metadata never holds secret values. A value type (equality by every field), immutable and thread-safe. The
 * parts that may be absent are nullable in the constructor and {@code Optional} from their accessors
 * (see "Naming" in {@code docs/architecture.md}).
 */
public final class AuditEntry {
    private final long id;
    private final String action;
    private final UUID integrationUuid;
    private final String provider;
    private final String name;
    private final UUID actorUuid;
    private final AuditMode mode;
    private final Map<String, Object> metadata;
    private final Instant occurredAt;

    /**
     * @param id              the row's identity (insertion order)
     * @param action          the action, for example {@code "integration.setup_saved"}
     * @param integrationUuid the connection's uuid, or {@code null} if the action concerned none
     * @param provider        the provider key at the time, or {@code null} if unknown
     * @param name            the connection name at the time, or {@code null} if unknown
     * @param actorUuid       who asked for it, or {@code null} if not given
     * @param mode            manual or automatic
     * @param metadata        non-secret details as plain JSON values; copied
     * @param occurredAt      when it was committed (the library's clock)
     */
    public AuditEntry(
            long id,
            String action,
            UUID integrationUuid,
            String provider,
            String name,
            UUID actorUuid,
            AuditMode mode,
            Map<String, ?> metadata,
            Instant occurredAt) {
        this.id = id;
        this.action = Objects.requireNonNull(action, "action");
        this.integrationUuid = integrationUuid;
        this.provider = provider;
        this.name = name;
        this.actorUuid = actorUuid;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.metadata =
                IntegrationData.of(Objects.requireNonNull(metadata, "metadata")).asMap();
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** @return the row's identity (insertion order) */
    public long id() {
        return id;
    }

    /** @return the action, for example {@code "integration.setup_saved"} */
    public String action() {
        return action;
    }

    /** @return the connection's uuid, if the action concerned one */
    public Optional<UUID> integrationUuid() {
        return Optional.ofNullable(integrationUuid);
    }

    /** @return the provider key at the time, if known */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** @return the connection name at the time, if known */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return who asked for it, if given */
    public Optional<UUID> actorUuid() {
        return Optional.ofNullable(actorUuid);
    }

    /** @return manual or automatic */
    public AuditMode mode() {
        return mode;
    }

    /** @return non-secret details as plain JSON values (immutable) */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return when it was committed (the library's clock) */
    public Instant occurredAt() {
        return occurredAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditEntry that
                && id == that.id
                && action.equals(that.action)
                && Objects.equals(integrationUuid, that.integrationUuid)
                && Objects.equals(provider, that.provider)
                && Objects.equals(name, that.name)
                && Objects.equals(actorUuid, that.actorUuid)
                && mode == that.mode
                && metadata.equals(that.metadata)
                && occurredAt.equals(that.occurredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, action, integrationUuid, provider, name, actorUuid, mode, metadata, occurredAt);
    }

    @Override
    public String toString() {
        return "AuditEntry[id=" + id + ", action=" + action + ", integrationUuid=" + integrationUuid + ", provider="
                + provider + ", name=" + name + ", actorUuid=" + actorUuid + ", mode=" + mode + ", metadata="
                + metadata + ", occurredAt=" + occurredAt + "]";
    }
}
