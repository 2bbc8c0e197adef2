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
                new AccountProfile(text(userinfo, "email"), text(userinfo, "name"), text(userinfo, "picture"));
            case MICROSOFT_GRAPH ->
                new AccountProfile(
                        text(userinfo, "mail").or(() -> text(userinfo, "userPrincipalName")),
                        text(userinfo, "displayName"),
                        Optional.empty());
        };
    }

    /**
     * A userinfo value as text; one holding a control character (a line break, NUL) is left out, as if the provider
     * had not said (docs/behaviour.md#fix-13): a NUL cannot be stored, and a line break has no place in an account id.
     */
    private static Optional<String> text(Map<String, ?> userinfo, String field) {
        return FieldText.of(userinfo, field).filter(value -> value.chars().noneMatch(Character::isISOControl));
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
