package dev.phoenixkit.integrations.events;

import java.util.function.Consumer;

/**
 * The event bus of one {@code Integrations} instance.
 *
 * <p>Listeners run synchronously, in subscription order, on the thread that committed the change (or, for events
 * from other nodes via the optional LISTEN/NOTIFY bridge, on the bridge's listener thread); keep them short and
 * hand long work to an executor of your own. A listener that throws is logged and skipped; it never breaks the
 * caller or the other listeners.
 *
 * <p>Thread-safe.
 */
public interface IntegrationEvents {
    /**
     * Registers a listener for every event.
     *
     * @param listener the listener
     * @return a handle whose {@code close()} unsubscribes (idempotent)
     */
    Subscription subscribe(Consumer<? super IntegrationEvent> listener);

    /**
     * Registers a listener for one kind of event.
     *
     * @param type     the event record type, for example {@code IntegrationEvent.ConnectionRenamed.class}
     * @param listener the listener
     * @param <E>      the event type
     * @return a handle whose {@code close()} unsubscribes (idempotent)
     */
    default <E extends IntegrationEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        return subscribe(event -> {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        });
    }

    /** A registered listener; closing it unsubscribes. */
    interface Subscription extends AutoCloseable {
        /** Unsubscribes; calling it again does nothing. */
        @Override
        void close();
    }
}
