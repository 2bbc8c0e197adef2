package dev.phoenixkit.spring;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.spring.internal.JsonViews;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Jackson 3 serializers for the library's values, so a controller can return them: {@link Connection},
 * {@link IntegrationData} (every secret and pending-authorization field written as {@code "<redacted>"}),
 * {@link ValidationResult}, {@link AuditEntry} and every {@link IntegrationEvent} (with a {@code "type"}). The
 * auto-configuration registers it as a bean, and Spring Boot adds every {@code JacksonModule} bean to its
 * {@code JsonMapper}.
 */
public class PhoenixKitJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public PhoenixKitJacksonModule() {
        super("phoenixkit-integrations");
        addSerializer(Connection.class, new MapSerializer<>(Connection.class, JsonViews::connection));
        addSerializer(IntegrationData.class, new MapSerializer<>(IntegrationData.class, JsonViews::data));
        addSerializer(ValidationResult.class, new MapSerializer<>(ValidationResult.class, JsonViews::validation));
        addSerializer(AuditEntry.class, new MapSerializer<>(AuditEntry.class, JsonViews::audit));
        addSerializer(IntegrationEvent.class, new MapSerializer<>(IntegrationEvent.class, JsonViews::event));
    }

    private static final class MapSerializer<T> extends StdSerializer<T> {
        private final transient Function<T, Map<String, Object>> view;

        MapSerializer(Class<T> type, Function<T, Map<String, Object>> view) {
            super(type);
            this.view = view;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializationContext context) {
            generator.writePOJO(view.apply(value));
        }
    }
}
