package dev.phoenixkit.integrations.internal.events;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The NOTIFY payload of an event: JSON with the event type, uuid, provider, name(s), owner, the validation outcome text and
 * the sending instance's id. It never carries connection data; receivers re-read it by uuid.
 *
 * <p>Thread-safe (stateless).
 */
public final class EventPayload {
    /** Longest validation message sent (PostgreSQL payloads must stay under 8000 bytes). */
    static final int MAX_MESSAGE = 1000;

    private EventPayload() {}

    /**
     * @param event  the event
     * @param origin the sending instance's id
     * @return the payload text
     */
    public static String encode(IntegrationEvent event, String origin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", 1);
        json.put("origin", origin);
        json.put("uuid", event.uuid().toString());
        json.put("provider", event.provider());
        json.put("name", event.name());
        json.put("type", type(event));
        event.owner().type().ifPresent(type -> json.put("owner_type", type));
        event.owner().uuid().ifPresent(uuid -> json.put("owner_uuid", uuid.toString()));
        if (event instanceof IntegrationEvent.ConnectionRenamed renamed) {
            json.put("old_name", renamed.oldName());
            json.put("new_name", renamed.newName());
        } else if (event instanceof IntegrationEvent.Validated validated) {
            json.put("ok", validated.result().isOk());
            String message = validated.result().message();
            json.put("message", message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
        }
        return JsonCodec.write(json);
    }

    /** The type of a payload that only says a row was written (no event; receivers drop cached copies). */
    static final String WRITTEN = "written";

    /**
     * @param uuid   the written row's uuid
     * @param origin the sending instance's id
     * @return the payload text of a write without an event
     */
    public static String encodeWrite(UUID uuid, String origin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", 1);
        json.put("origin", origin);
        json.put("uuid", uuid.toString());
        json.put("type", WRITTEN);
        return JsonCodec.write(json);
    }

    /**
     * @param payload the payload text
     * @return the uuid of the row the payload is about, or empty if it is malformed
     */
    public static Optional<UUID> uuid(String payload) {
        try {
            return Optional.of(
                    UUID.fromString((String) JsonCodec.parseObject(payload).get("uuid")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param payload the payload text
     * @return whether it only says a row was written (no event to deliver)
     */
    public static boolean isWriteOnly(String payload) {
        try {
            return WRITTEN.equals(JsonCodec.parseObject(payload).get("type"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String type(IntegrationEvent event) {
        if (event instanceof IntegrationEvent.SetupSaved) {
            return "setup_saved";
        } else if (event instanceof IntegrationEvent.Connected) {
            return "connected";
        } else if (event instanceof IntegrationEvent.Disconnected) {
            return "disconnected";
        } else if (event instanceof IntegrationEvent.ConnectionAdded) {
            return "connection_added";
        } else if (event instanceof IntegrationEvent.ConnectionRemoved) {
            return "connection_removed";
        } else if (event instanceof IntegrationEvent.ConnectionRenamed) {
            return "connection_renamed";
        }
        return "validated";
    }

    /**
     * @param payload the payload text
     * @return the sending instance's id, or empty if the payload is not ours
     */
    public static Optional<String> origin(String payload) {
        try {
            return Optional.ofNullable((String) JsonCodec.parseObject(payload).get("origin"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param payload the payload text
     * @param reader  reads a connection's current data by uuid (empty data if it is gone)
     * @return the event, or empty if the payload is malformed or of an unknown type
     */
    public static Optional<IntegrationEvent> decode(String payload, Function<UUID, IntegrationData> reader) {
        try {
            Map<String, Object> json = JsonCodec.parseObject(payload);
            UUID uuid = UUID.fromString((String) json.get("uuid"));
            String provider = (String) json.get("provider");
            String name = (String) json.get("name");
            Optional<Owner> decodedOwner = Owner.fromStored(json.get("owner_type"), json.get("owner_uuid"));
            if (decodedOwner.isEmpty()) {
                return Optional.empty();
            }
            Owner owner = decodedOwner.get();
            IntegrationEvent event = switch (String.valueOf(json.get("type"))) {
                case "setup_saved" -> new IntegrationEvent.SetupSaved(uuid, provider, name, reader.apply(uuid), owner);
                case "connected" -> new IntegrationEvent.Connected(uuid, provider, name, reader.apply(uuid), owner);
                case "disconnected" -> new IntegrationEvent.Disconnected(uuid, provider, name, owner);
                case "connection_added" -> new IntegrationEvent.ConnectionAdded(uuid, provider, name, owner);
                case "connection_removed" -> new IntegrationEvent.ConnectionRemoved(uuid, provider, name, owner);
                case "connection_renamed" ->
                    new IntegrationEvent.ConnectionRenamed(
                            uuid, provider, (String) json.get("old_name"), (String) json.get("new_name"), owner);
                case "validated" ->
                    new IntegrationEvent.Validated(
                            uuid,
                            provider,
                            name,
                            Boolean.TRUE.equals(json.get("ok"))
                                    ? (json.get("message") instanceof String note && !"ok".equals(note)
                                            ? ValidationResult.ok(note)
                                            : ValidationResult.ok())
                                    : ValidationResult.error(String.valueOf(json.get("message"))),
                            owner);
                default -> null;
            };
            return Optional.ofNullable(event);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
