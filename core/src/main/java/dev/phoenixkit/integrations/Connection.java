package dev.phoenixkit.integrations;

import java.util.Objects;
import java.util.UUID;

/**
 * One connection: its stable row uuid, the provider and name parsed from the row's storage key
 * ({@code integration:<provider>:<name>}; never from the JSON copies), and its decrypted data.
 *
 * <p>Immutable and thread-safe. {@link #toString()} redacts secrets (see {@link IntegrationData#toString()}).
 *
 * @param uuid     the row's uuid, which survives renames
 * @param provider the provider key, for example {@code "openrouter"}
 * @param name     the connection name, for example {@code "default"}
 * @param data     the decrypted data
 */
public record Connection(UUID uuid, String provider, String name, IntegrationData data) {
    /** Validates that no component is {@code null}. */
    public Connection {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }

    /** @return {@code "provider:name"} */
    public String ref() {
        return provider + ":" + name;
    }
}
