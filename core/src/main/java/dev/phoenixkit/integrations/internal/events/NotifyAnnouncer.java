package dev.phoenixkit.integrations.internal.events;

import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.internal.db.NotifyDao;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Announces this instance's events to other nodes with {@code pg_notify} inside the transaction that caused them
 * (PostgreSQL delivers a notification only on commit). The sending half of the LISTEN/NOTIFY bridge: it needs no
 * store, so the store can be built with it and the listening half ({@link NotifyBridge}) after the store.
 *
 * @param channel    the channel name (at most 63 bytes)
 * @param instanceId this instance's id, carried in every payload so the instance ignores its own notifications
 */
public record NotifyAnnouncer(String channel, String instanceId) implements EventAnnouncer {
    /**
     * @param channel    the channel name
     * @param instanceId this instance's id
     */
    public NotifyAnnouncer {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(instanceId, "instanceId");
    }

    @Override
    public void announce(Handle handle, IntegrationEvent event) {
        handle.attach(NotifyDao.class).notify(channel, EventPayload.encode(event, instanceId));
    }

    @Override
    public void announceWrite(Handle handle, UUID uuid) {
        handle.attach(NotifyDao.class).notify(channel, EventPayload.encodeWrite(uuid, instanceId));
    }
}
