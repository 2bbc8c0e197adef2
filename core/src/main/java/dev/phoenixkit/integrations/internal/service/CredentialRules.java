package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.provider.AuthType;
import java.util.Map;
import java.util.Set;

/**
 * PhoenixKit's credential checks: {@code has_credentials?} (docs/phoenixkit-reference.md#2-2) and "runtime credentials present" for the
 * status rule (docs/phoenixkit-reference.md#2-6).
 *
 * <p>Thread-safe (stateless).
 */
public final class CredentialRules {
    private CredentialRules() {}

    /**
     * PhoenixKit's {@code has_credentials?}: status {@code connected}/{@code configured}, or a non-blank
     * {@code access_token}, {@code api_key}, {@code bot_token}, {@code access_key} or {@code credentials} map.
     *
     * @param fields the data
     * @return whether the connection is usable
     */
    public static boolean hasCredentials(Map<String, Object> fields) {
        Object status = fields.get(Fields.STATUS);
        if (ConnectionStatus.CONNECTED.wireValue().equals(status)
                || ConnectionStatus.CONFIGURED.wireValue().equals(status)) {
            return true;
        }
        return FieldText.of(fields, Fields.ACCESS_TOKEN).isPresent()
                || FieldText.of(fields, Fields.API_KEY).isPresent()
                || FieldText.of(fields, Fields.BOT_TOKEN).isPresent()
                || FieldText.of(fields, Fields.ACCESS_KEY).isPresent()
                || fields.get(Fields.CREDENTIALS) instanceof Map<?, ?> map && !map.isEmpty();
    }

    /**
     * Whether the runtime credential of an auth type is present.
     *
     * @param authType      the provider's auth type
     * @param fields        the merged data
     * @param undecryptable secrets stored but not decryptable (they count as present)
     * @return whether the status rule should say {@code configured}
     */
    public static boolean hasRuntimeCredentials(
            AuthType authType, Map<String, Object> fields, Set<String> undecryptable) {
        String field = switch (authType) {
            case OAUTH2 -> Fields.ACCESS_TOKEN;
            case API_KEY -> Fields.API_KEY;
            case BOT_TOKEN -> Fields.BOT_TOKEN;
            case KEY_SECRET -> Fields.ACCESS_KEY;
            case CREDENTIALS -> Fields.CREDENTIALS;
        };
        if (authType == AuthType.CREDENTIALS) {
            return fields.get(field) instanceof Map<?, ?> map && !map.isEmpty();
        }
        return FieldText.present(fields.get(field)) || undecryptable.contains(field) && fields.get(field) == null;
    }
}
