package dev.phoenixkit.admin.internal;

import dev.phoenixkit.admin.internal.Views.PickerCard;
import dev.phoenixkit.admin.internal.Views.PickerView;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Renders the connection picker fragment (docs/phoenixkit-reference.md#7). Thread-safe. */
public final class PickerRenderer {
    private static final List<String> CREDENTIAL_FIELDS =
            List.of(Fields.API_KEY, Fields.BOT_TOKEN, Fields.ACCESS_KEY, Fields.CLIENT_ID);
    private final AdminConfig config;

    /** @param config the console's configuration */
    public PickerRenderer(AdminConfig config) {
        this.config = config;
    }

    /**
     * @param provider  the provider key
     * @param fieldName the form field
     * @param selected  the stored choice
     * @return the fragment's HTML
     */
    public String render(String provider, String fieldName, Optional<UUID> selected) {
        List<Connection> connections = config.integrations().listConnections(provider);
        List<PickerCard> cards =
                connections.stream().map(c -> card(c, selected)).toList();
        String deleted = selected.filter(
                        uuid -> connections.stream().noneMatch(c -> c.uuid().equals(uuid)))
                .map(UUID::toString)
                .orElse("");
        return Templates.render("picker.jte", Map.of("view", new PickerView(fieldName, provider, cards, deleted)));
    }

    private static PickerCard card(Connection connection, Optional<UUID> selected) {
        IntegrationData data = connection.data();
        ConnectionStatus status = ConnectionViews.status(data);
        String subtitle = data.getString(Fields.EXTERNAL_ACCOUNT_ID)
                .orElseGet(() -> CREDENTIAL_FIELDS.stream()
                        .map(data::getString)
                        .flatMap(Optional::stream)
                        .findFirst()
                        .map(Masking::mask)
                        .orElse(""));
        boolean connected = status == ConnectionStatus.CONNECTED;
        String label = status == ConnectionStatus.ERROR ? "Auth failed" : ConnectionViews.statusLabel(status);
        return new PickerCard(
                connection.uuid().toString(),
                connection.name(),
                subtitle,
                label,
                connected,
                selected.map(connection.uuid()::equals).orElse(false));
    }
}
