package dev.phoenixkit.admin.internal;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The setup values typed into a form, read as PhoenixKit's form does (docs/phoenixkit-reference.md#8): each field
 * trimmed; a blank secret is left out (the stored one is kept); a blank other field is stored as {@code ""}. Unlike
 * PhoenixKit, required fields, numbers and select options are checked, and a form with errors saves nothing.
 *
 * @param name      the connection name as typed (trimmed)
 * @param shown     the non-secret values to show again, by field key
 * @param attrs     what to save, by field key
 * @param errors    field errors, by field key
 * @param hadSecret whether any secret was typed
 */
public record TypedSetup(
        String name,
        Map<String, String> shown,
        Map<String, Object> attrs,
        Map<String, String> errors,
        boolean hadSecret) {

    /**
     * @param request  the form post
     * @param provider the connection's provider
     * @param stored   the stored data (empty for a new connection): a stored secret satisfies "required"
     * @return the typed values
     */
    public static TypedSetup read(HttpServletRequest request, ProviderDefinition provider, IntegrationData stored) {
        Objects.requireNonNull(provider, "provider");
        String name = trimmed(request.getParameter("name"));
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Object> attrs = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        boolean hadSecret = false;
        for (SetupField field : provider.setupFields()) {
            String value = trimmed(request.getParameter("f." + field.key()));
            boolean secret = ConnectionViews.isSecret(field);
            if (secret) {
                if (value.isEmpty()) {
                    boolean storedSecret = stored.getString(field.key()).isPresent()
                            || stored.undecryptableFields().contains(field.key());
                    if (field.required() && !storedSecret) {
                        errors.put(field.key(), field.label() + " is required.");
                    }
                    continue;
                }
                hadSecret = true;
                attrs.put(field.key(), value);
                continue;
            }
            shown.put(field.key(), value);
            if (value.isEmpty() && field.required()) {
                errors.put(field.key(), field.label() + " is required.");
            } else if (!value.isEmpty() && field.type() == SetupFieldType.NUMBER && !isNumber(value)) {
                errors.put(field.key(), field.label() + " must be a number.");
            } else if (!value.isEmpty()
                    && field.type() == SetupFieldType.SELECT
                    && field.options().stream()
                            .noneMatch(option -> option.value().equals(value))) {
                errors.put(field.key(), "Choose one of the offered values for " + field.label() + ".");
            }
            attrs.put(field.key(), value);
        }
        return new TypedSetup(
                name, Map.copyOf(shown), java.util.Collections.unmodifiableMap(attrs), Map.copyOf(errors), hadSecret);
    }

    /** @return whether every field is acceptable */
    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * @param stored the stored data
     * @return whether saving these values would change nothing
     */
    public boolean sameAs(IntegrationData stored) {
        return attrs.entrySet().stream()
                .allMatch(e -> e.getValue().equals(stored.getString(e.getKey()).orElse("")));
    }

    private static boolean isNumber(String value) {
        try {
            new java.math.BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
