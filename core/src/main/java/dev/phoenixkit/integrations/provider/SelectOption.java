package dev.phoenixkit.integrations.provider;

import java.util.Objects;

/**
 * One choice of a {@link SetupFieldType#SELECT} setup field. Immutable.
 *
 * @param value the stored value
 * @param label the text shown to people
 */
public record SelectOption(String value, String label) {
    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is {@code null}
     */
    public SelectOption {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }
}
