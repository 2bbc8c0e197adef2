package dev.phoenixkit.integrations.provider;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a connection of a provider may live (PhoenixKit's provider {@code scopes}): website-wide, or owned by one
 * user (or other owner). A provider that declares none is {@link #SYSTEM} only.
 */
public enum ProviderScope {
    /** The website-wide setup: a connection without an owner. */
    SYSTEM,
    /** A personal setup: a connection with an {@code owner_type}/{@code owner_uuid}. */
    PERSONAL;

    /** @return the lowercase name PhoenixKit uses, {@code "system"} or {@code "personal"} */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value {@code "system"} or {@code "personal"}
     * @return the scope, or empty for any other text
     */
    public static Optional<ProviderScope> fromWireValue(String value) {
        Objects.requireNonNull(value, "value");
        for (ProviderScope scope : values()) {
            if (scope.wireValue().equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
