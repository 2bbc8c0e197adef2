package dev.phoenixkit.integrations.internal.naming;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code provider[:name]} reference. Splits on the first {@code ':'} only; a bare provider means
 * {@code provider:default}.
 *
 * @param provider the provider key, never empty
 * @param name     the connection name, never empty
 */
public record ProviderRef(String provider, String name) {
    /** The name a bare provider reference means. */
    public static final String DEFAULT_NAME = "default";
    /** Prefix of every integration storage key. */
    public static final String KEY_PREFIX = "integration:";

    /** Validates the components. */
    public ProviderRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code "provider"} or {@code "provider:name"}.
     *
     * @param ref   the reference
     * @param error the error to raise for a malformed reference
     * @return the parsed reference
     * @throws IntegrationException with {@code error} for {@code ""}, {@code ":"}, {@code ":name"} or
     *                              {@code "provider:"}
     */
    public static ProviderRef parse(String ref, IntegrationError error) {
        return tryParse(ref)
                .orElseThrow(() -> new IntegrationException(
                        error, "Malformed connection reference '" + ref + "': expected 'provider' or 'provider:name'"));
    }

    /**
     * @param ref the reference
     * @return the parsed reference, or empty if malformed
     */
    public static Optional<ProviderRef> tryParse(String ref) {
        Objects.requireNonNull(ref, "ref");
        int colon = ref.indexOf(':');
        String provider = colon < 0 ? ref : ref.substring(0, colon);
        String name = colon < 0 ? DEFAULT_NAME : ref.substring(colon + 1);
        if (provider.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderRef(provider, name));
    }

    /**
     * Parses a storage key column: {@code integration:<provider>:<name>}, or the legacy
     * {@code integration:<provider>} (name {@code "default"}).
     *
     * @param key the key column
     * @return the reference, or empty if the key is not a well-formed integration key
     */
    public static Optional<ProviderRef> fromStorageKey(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return tryParse(key.substring(KEY_PREFIX.length()));
    }

    /** @return {@code integration:<provider>:<name>} */
    public String storageKey() {
        return KEY_PREFIX + provider + ":" + name;
    }

    /** @return {@code provider:name} */
    public String text() {
        return provider + ":" + name;
    }
}
