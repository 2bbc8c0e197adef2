package dev.phoenixkit.integrations.internal.events;

import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.events.IntegrationEvents;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process event bus: synchronous delivery in subscription order, each listener isolated.
 *
 * <p>Thread-safe.
 */
public final class LocalEventBus implements IntegrationEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEventBus.class);

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(Consumer<? super IntegrationEvent> listener) {
        Listener entry = new Listener(Objects.requireNonNull(listener, "listener"));
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    /**
     * Delivers an event to every listener; a listener's exception is logged (without the event's data) and
     * swallowed. Never throws.
     *
     * @param event the event
     */
    public void publish(IntegrationEvent event) {
        for (Listener listener : listeners) {
            try {
                listener.consumer().accept(event);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError vmError) {
                    throw vmError;
                }
                LOG.warn(
                        "Integration event listener {} failed on {} for {}; other listeners still run",
                        listener.consumer().getClass().getName(),
                        event.getClass().getSimpleName(),
                        event.uuid(),
                        e);
            }
        }
    }

    /** @return the number of current subscriptions */
    public int listenerCount() {
        return listeners.size();
    }

    /** Identity wrapper, so the same consumer can be subscribed twice and unsubscribed once. */
    private static final class Listener {
        private final Consumer<? super IntegrationEvent> consumer;

        Listener(Consumer<? super IntegrationEvent> consumer) {
            this.consumer = consumer;
        }

        Consumer<? super IntegrationEvent> consumer() {
            return consumer;
        }
    }
}
