package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.provider.UserinfoMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The account a token belongs to, read from userinfo per provider (docs/behaviour.md#fix-4 for Microsoft Graph).
 * Immutable; fields are empty when the provider did not say.
 *
 * @param email   the account's e-mail (Graph: {@code mail}, else {@code userPrincipalName})
 * @param name    the display name (Graph: {@code displayName})
 * @param picture the picture URL (Google only)
 */
public record AccountProfile(Optional<String> email, Optional<String> name, Optional<String> picture) {

    /**
     * @param mapping  how the provider shapes userinfo
     * @param userinfo the userinfo JSON object (may be empty)
     * @return the profile
     */
    public static AccountProfile from(UserinfoMapping mapping, Map<String, ?> userinfo) {
        return switch (mapping) {
            case STANDARD ->
                new AccountProfile(
                        FieldText.of(userinfo, "email"),
                        FieldText.of(userinfo, "name"),
                        FieldText.of(userinfo, "picture"));
            case MICROSOFT_GRAPH ->
                new AccountProfile(
                        FieldText.of(userinfo, "mail").or(() -> FieldText.of(userinfo, "userPrincipalName")),
                        FieldText.of(userinfo, "displayName"),
                        Optional.empty());
        };
    }

    /**
     * Writes the profile into a connection's data as PhoenixKit does: {@code external_account_id} (the e-mail),
     * {@code external_account_name} (the name), and {@code connected_email}, {@code name}, {@code picture} merged
     * into the {@code metadata} map. Empty fields are skipped, so earlier values stay.
     *
     * @param data a mutable copy of the connection's data
     */
    public void applyTo(Map<String, Object> data) {
        email.ifPresent(value -> data.put(Fields.EXTERNAL_ACCOUNT_ID, value));
        name.ifPresent(value -> data.put(Fields.EXTERNAL_ACCOUNT_NAME, value));
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (data.get(Fields.METADATA) instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> metadata.put(String.valueOf(key), value));
        }
        email.ifPresent(value -> metadata.put("connected_email", value));
        name.ifPresent(value -> metadata.put("name", value));
        picture.ifPresent(value -> metadata.put("picture", value));
        data.put(Fields.METADATA, metadata);
    }
}
