package dev.phoenixkit.integrations.internal.audit;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.internal.db.AuditDao;
import dev.phoenixkit.integrations.internal.db.AuditRow;
import dev.phoenixkit.integrations.internal.db.Database;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import dev.phoenixkit.integrations.internal.json.Timestamps;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes and reads the audit trail. {@link #record} runs on the caller's handle, so an entry commits or rolls back
 * with the change it describes.
 *
 * <p>Thread-safe.
 */
public final class AuditLog {
    private final Database database;
    private final Clock clock;

    /**
     * @param database the database
     * @param clock    the clock stamping {@code occurred_at}
     */
    public AuditLog(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends an entry on the given handle (inside the caller's transaction).
     *
     * @param handle   the transaction's handle
     * @param action   an action from {@link AuditActions} (at most 64 characters)
     * @param uuid     the connection's uuid, or {@code null}
     * @param provider the provider key, or {@code null}
     * @param name     the connection name, or {@code null}
     * @param actor    who asked for it, or {@code null}
     * @param mode     manual or automatic
     * @param extra    non-secret metadata; {@code provider} and {@code connection} are added as PhoenixKit does
     */
    public void record(
            Handle handle,
            String action,
            UUID uuid,
            String provider,
            String name,
            UUID actor,
            AuditMode mode,
            Map<String, ?> extra) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        extra.forEach(metadata::put);
        if (provider != null) {
            metadata.put("provider", provider);
        }
        if (name != null) {
            metadata.put("connection", name);
        }
        handle.attach(AuditDao.class)
                .insert(
                        action,
                        uuid,
                        provider,
                        name,
                        actor,
                        mode.wireValue(),
                        JsonCodec.write(metadata),
                        Timestamps.now(clock));
    }

    /**
     * @param uuid a connection's uuid
     * @return its entries, oldest first
     */
    public List<AuditEntry> list(UUID uuid) {
        return database.withHandle(handle -> handle.attach(AuditDao.class).listByIntegration(uuid).stream()
                .map(AuditLog::toEntry)
                .toList());
    }

    private static AuditEntry toEntry(AuditRow row) {
        return new AuditEntry(
                row.id(),
                row.action(),
                row.integrationUuid(),
                row.provider(),
                row.name(),
                row.actorUuid(),
                "auto".equals(row.mode()) ? AuditMode.AUTO : AuditMode.MANUAL,
                JsonCodec.parseObject(row.metadata()),
                row.occurredAt());
    }
}
