package dev.phoenixkit.integrations.internal.events;

import dev.phoenixkit.integrations.events.IntegrationEvent;
import org.jdbi.v3.core.Handle;

/** Tells other nodes about an event, inside the transaction that caused it. */
@FunctionalInterface
public interface EventAnnouncer {
    /** Announces nothing (the LISTEN/NOTIFY bridge is off). */
    EventAnnouncer NONE = (handle, event) -> { };

    /**
     * @param handle the transaction's handle
     * @param event  the event
     */
    void announce(Handle handle, IntegrationEvent event);
}
