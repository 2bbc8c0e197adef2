package dev.phoenixkit.integrations.internal.naming;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.StorageLayout;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import java.util.regex.Pattern;

/**
 * Rules for connection names, provider keys and uuid text.
 *
 * <p>Thread-safe (stateless).
 */
public final class Names {
    /** PhoenixKit's connection name pattern, applied after trimming. */
    public static final Pattern NAME_PATTERN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-_]*$");
    /** PhoenixKit's uuid detection: 8-4-4-4-12 hex, any version, either case. */
    public static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** The {@code key} column is {@code varchar(255)}. */
    public static final int MAX_KEY_LENGTH = 255;
    /** Longest name in the uuid-key layout: the audit table's {@code name} column is {@code varchar(255)}. */
    public static final int MAX_FREE_NAME_LENGTH = 255;

    private Names() {}

    /**
     * Trims and checks a connection name.
     *
     * @param provider the (valid) provider key, to check the key length
     * @param rawName  the name as given
     * @return the trimmed name
     * @throws IntegrationException {@code EMPTY_NAME} or {@code INVALID_NAME}
     */
    public static String checkName(String provider, String rawName) {
        String name = rawName.strip();
        if (name.isEmpty()) {
            throw new IntegrationException(IntegrationError.EMPTY_NAME, "Connection name must not be empty");
        }
        if (!NAME_PATTERN.matcher(name).matches()) {
            throw new IntegrationException(
                    IntegrationError.INVALID_NAME,
                    "Connection name '" + name
                            + "' must start with a letter or digit and contain only letters, digits, '-' and '_'");
        }
        if (new ProviderRef(provider, name).storageKey().length() > MAX_KEY_LENGTH) {
            throw new IntegrationException(
                    IntegrationError.INVALID_NAME,
                    "Connection name is too long: its storage key" + " would exceed " + MAX_KEY_LENGTH + " characters");
        }
        return name;
    }

    /**
     * Trims and checks a connection name in a layout: {@link #checkName(String, String)} for composite keys;
     * for uuid keys PhoenixKit ≥ V114's free-text rule plus what our tables and logs need
     * (docs/decisions/storage-layouts.md#names): not empty, at most {@link #MAX_FREE_NAME_LENGTH} characters
     * (the audit table's {@code name} column), no control characters.
     *
     * @param layout   the storage layout
     * @param provider the (valid) provider key
     * @param rawName  the name as given
     * @return the trimmed name
     * @throws IntegrationException {@code EMPTY_NAME} or {@code INVALID_NAME}
     */
    public static String checkName(StorageLayout layout, String provider, String rawName) {
        if (layout == StorageLayout.COMPOSITE_KEY) {
            return checkName(provider, rawName);
        }
        String name = rawName.strip();
        if (name.isEmpty()) {
            throw new IntegrationException(IntegrationError.EMPTY_NAME, "Connection name must not be empty");
        }
        if (name.codePointCount(0, name.length()) > MAX_FREE_NAME_LENGTH) {
            throw new IntegrationException(
                    IntegrationError.INVALID_NAME,
                    "Connection name is too long: at most " + MAX_FREE_NAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IntegrationException(
                    IntegrationError.INVALID_NAME,
                    "Connection name must not contain control characters (line breaks, tabs, NUL)");
        }
        return name;
    }

    /**
     * Checks a provider key for a new connection: {@link ProviderDefinition#KEY_PATTERN} (so never {@code ':'},
     * {@code '%'} or {@code '_'}) and short enough to leave room for a name.
     *
     * @param provider the provider key
     * @return the key
     * @throws IntegrationException {@code INVALID_PROVIDER_KEY}
     */
    public static String checkProviderKey(String provider) {
        if (!ProviderDefinition.isValidKey(provider) || provider.length() > 64) {
            throw new IntegrationException(
                    IntegrationError.INVALID_PROVIDER_KEY,
                    "Provider key '" + provider + "' is invalid: it must match " + ProviderDefinition.KEY_PATTERN
                            + " and be at most 64 characters");
        }
        return provider;
    }

    /**
     * @param text any text
     * @return whether it is uuid-shaped (PhoenixKit's rule)
     */
    public static boolean isUuid(String text) {
        return text != null && UUID_PATTERN.matcher(text).matches();
    }

    /**
     * Escapes {@code \}, {@code %} and {@code _} for a PostgreSQL {@code LIKE} pattern (default escape {@code \}).
     *
     * @param literal the literal text
     * @return the escaped text
     */
    public static String escapeLike(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * @param provider a provider key
     * @return the {@code LIKE} pattern matching every named connection of exactly that provider
     */
    public static String connectionsPattern(String provider) {
        return escapeLike(ProviderRef.KEY_PREFIX + provider + ":") + "%";
    }
}
