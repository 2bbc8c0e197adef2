package dev.phoenixkit.integrations.internal.events;

import dev.phoenixkit.integrations.events.IntegrationEvent;
import org.jdbi.v3.core.Handle;

/** Tells other nodes about an event, inside the transaction that caused it. */
@FunctionalInterface
public interface EventAnnouncer {
    /** Announces nothing (the LISTEN/NOTIFY bridge is off). */
    EventAnnouncer NONE = (handle, event) -> {};

    /**
     * @param handle the transaction's handle
     * @param event  the event
     */
    void announce(Handle handle, IntegrationEvent event);

    /**
     * Announces that a row was written without an event (a token refresh, re-encryption), so other nodes drop it
     * from their credential caches. Nothing by default.
     *
     * @param handle the transaction's handle
     * @param uuid   the row's uuid
     */
    default void announceWrite(Handle handle, java.util.UUID uuid) {}
}
