package dev.phoenixkit.integrations.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.events.EventPayload;
import dev.phoenixkit.integrations.internal.events.LocalEventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Port of events_test.exs (docs/phoenixkit-reference.md#11-3) plus listener isolation and the NOTIFY payload. */
class LocalEventBusTest {
    private static final UUID ID = UUID.fromString("0191a3b2-1c2d-7e8f-9a0b-1c2d3e4f5a6b");

    private static List<IntegrationEvent> allKinds() {
        IntegrationData data = IntegrationData.of(Map.of("status", "configured"));
        return List.of(
                new IntegrationEvent.SetupSaved(ID, "openrouter", "default", data),
                new IntegrationEvent.Connected(ID, "google", "default", data),
                new IntegrationEvent.Disconnected(ID, "google", "default"),
                new IntegrationEvent.Validated(ID, "openrouter", "default", ValidationResult.ok()),
                new IntegrationEvent.Validated(ID, "openrouter", "default", ValidationResult.error("timeout")),
                new IntegrationEvent.ConnectionAdded(ID, "google", "work"),
                new IntegrationEvent.ConnectionRemoved(ID, "google", "work"),
                new IntegrationEvent.ConnectionRenamed(ID, "google", "personal", "work"));
    }

    @Test
    void publishWhenSubscribedThenEveryEventKindArrivesInOrder() {
        LocalEventBus bus = new LocalEventBus();
        List<IntegrationEvent> received = new ArrayList<>();
        bus.subscribe(received::add);
        allKinds().forEach(bus::publish);
        assertThat(received).containsExactlyElementsOf(allKinds());
        assertThat(((IntegrationEvent.ConnectionRenamed) received.get(7)).name())
                .isEqualTo("work");
    }

    @Test
    void publishWhenListenerThrowsThenOthersStillRunAndPublisherUnaffected() {
        LocalEventBus bus = new LocalEventBus();
        List<IntegrationEvent> received = new ArrayList<>();
        bus.subscribe(event -> {
            throw new IllegalStateException("listener bug");
        });
        bus.subscribe(received::add);
        bus.publish(allKinds().get(0));
        assertThat(received).hasSize(1);
    }

    @Test
    void subscribeWhenClosedThenNoMoreEventsAndCloseIsIdempotent() {
        LocalEventBus bus = new LocalEventBus();
        List<IntegrationEvent> received = new ArrayList<>();
        IntegrationEvents.Subscription subscription = bus.subscribe(received::add);
        bus.publish(allKinds().get(2));
        subscription.close();
        subscription.close();
        bus.publish(allKinds().get(2));
        assertThat(received).hasSize(1);
        assertThat(bus.listenerCount()).isZero();
    }

    @Test
    void subscribeWhenTypedThenOnlyThatKind() {
        LocalEventBus bus = new LocalEventBus();
        List<IntegrationEvent.ConnectionRenamed> renamed = new ArrayList<>();
        bus.subscribe(IntegrationEvent.ConnectionRenamed.class, renamed::add);
        allKinds().forEach(bus::publish);
        assertThat(renamed).containsExactly(new IntegrationEvent.ConnectionRenamed(ID, "google", "personal", "work"));
    }

    @Test
    void payloadWhenEncodedThenDecodesToSameEventWithoutData() {
        IntegrationData secretData = IntegrationData.of(Map.of("api_key", "sk-live-secret"));
        for (IntegrationEvent event : allKinds()) {
            String payload = EventPayload.encode(event, "node-a");
            assertThat(payload).doesNotContain("sk-live-secret").doesNotContain("configured");
            assertThat(EventPayload.origin(payload)).contains("node-a");
            IntegrationEvent decoded = EventPayload.decode(
                            payload, uuid -> IntegrationData.of(Map.of("status", "configured")))
                    .orElseThrow();
            assertThat(decoded).isEqualTo(event);
        }
        String withSecret = EventPayload.encode(new IntegrationEvent.SetupSaved(ID, "p", "n", secretData), "x");
        assertThat(withSecret).doesNotContain("sk-live-secret");
        assertThat(EventPayload.decode("{not json", uuid -> IntegrationData.empty()))
                .isEmpty();
    }
}
