package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule for secrets where they enter ({@code saveSetup}, {@code validateCredentials}; docs/behaviour.md#fix-13,
 * docs/decisions/secret-control-characters.md): surrounding whitespace of a secret is removed (a pasted key's
 * trailing newline), and a control character left inside it is refused with {@link IntegrationError#INVALID_SECRET}
 * naming the field, never the value. {@code password} is the exception: kept exactly as given (a space can be part
 * of a password, and it never goes into an HTTP header). Stateless and thread-safe.
 */
public final class SecretInput {
    /** The secrets the rule applies to: PhoenixKit's sensitive fields but {@code password}. */
    public static final Set<String> CHECKED_FIELDS = SecretCipher.SENSITIVE_FIELDS.stream()
            .filter(field -> !field.equals(Fields.PASSWORD))
            .collect(Collectors.toUnmodifiableSet());

    private SecretInput() {}

    /**
     * Strips and checks, in place, the secrets among plaintext attributes.
     *
     * @param attrs mutable plaintext attributes
     * @throws IntegrationException {@code INVALID_SECRET} naming the first secret field with a control character inside
     */
    public static void normalize(Map<String, Object> attrs) {
        for (Map.Entry<String, Object> entry : attrs.entrySet()) {
            if (CHECKED_FIELDS.contains(entry.getKey()) && entry.getValue() instanceof String text) {
                String stripped = text.strip();
                if (stripped.chars().anyMatch(Character::isISOControl)) {
                    throw new IntegrationException(
                            IntegrationError.INVALID_SECRET,
                            "Field '" + entry.getKey() + "' contains a control character (a line break, tab or NUL)"
                                    + " inside it; only surrounding whitespace is removed");
                }
                entry.setValue(stripped);
            }
        }
    }
}
