package dev.phoenixkit.integrations.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One input of a provider's setup form, for example {@code client_id} or {@code api_key}. Immutable and
 * thread-safe; build with {@link #builder(String)}.
 *
 * <p>{@link #key()} is the field name stored in the connection's data (PhoenixKit's name, such as
 * {@code tenant_id}).
 */
public final class SetupField {
    private final String key;
    private final String label;
    private final SetupFieldType type;
    private final boolean required;
    private final String placeholder;
    private final String help;
    private final List<SelectOption> options;

    private SetupField(Builder builder) {
        this.key = builder.key;
        this.label = builder.label;
        this.type = builder.type;
        this.required = builder.required;
        this.placeholder = builder.placeholder;
        this.help = builder.help;
        this.options = List.copyOf(builder.options);
    }

    /**
     * Starts a field. Defaults: type {@link SetupFieldType#TEXT}, not required, no placeholder, no help, no options.
     *
     * @param key the stored field name, for example {@code "api_key"}
     * @return a new builder
     */
    public static Builder builder(String key) {
        return new Builder(Objects.requireNonNull(key, "key"));
    }

    /** @return the stored field name, for example {@code "client_id"} */
    public String key() {
        return key;
    }

    /** @return the label shown to people, for example {@code "Client ID"} */
    public String label() {
        return label;
    }

    /** @return the input kind */
    public SetupFieldType type() {
        return type;
    }

    /** @return whether the form requires a value */
    public boolean required() {
        return required;
    }

    /** @return the example shown in an empty input, if any */
    public Optional<String> placeholder() {
        return Optional.ofNullable(placeholder);
    }

    /** @return a hint on where to find the value (may contain inline markdown), if any */
    public Optional<String> help() {
        return Optional.ofNullable(help);
    }

    /** @return the choices of a {@link SetupFieldType#SELECT} field; empty for other types */
    public List<SelectOption> options() {
        return options;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SetupField that
                && key.equals(that.key)
                && label.equals(that.label)
                && type == that.type
                && required == that.required
                && Objects.equals(placeholder, that.placeholder)
                && Objects.equals(help, that.help)
                && options.equals(that.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, label, type, required, placeholder, help, options);
    }

    @Override
    public String toString() {
        return "SetupField[" + key + ", " + type.wireValue() + (required ? ", required" : "") + "]";
    }

    /** Builds a {@link SetupField}. Not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private final String key;
        private String label;
        private SetupFieldType type = SetupFieldType.TEXT;
        private boolean required;
        private String placeholder;
        private String help;
        private final List<SelectOption> options = new ArrayList<>();

        private Builder(String key) {
            this.key = key;
        }

        /**
         * @param label the text shown to people; required
         * @return this builder
         */
        public Builder label(String label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /**
         * @param type the input kind; default {@link SetupFieldType#TEXT}
         * @return this builder
         */
        public Builder type(SetupFieldType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * @param required whether the form requires a value; default {@code false}
         * @return this builder
         */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /**
         * @param placeholder the example shown in an empty input, or {@code null} for none
         * @return this builder
         */
        public Builder placeholder(String placeholder) {
            this.placeholder = placeholder;
            return this;
        }

        /**
         * @param help a hint on where to find the value, or {@code null} for none
         * @return this builder
         */
        public Builder help(String help) {
            this.help = help;
            return this;
        }

        /**
         * Adds a choice (only for {@link SetupFieldType#SELECT}).
         *
         * @param value the stored value
         * @param label the text shown to people
         * @return this builder
         */
        public Builder option(String value, String label) {
            options.add(new SelectOption(value, label));
            return this;
        }

        /**
         * @return the field
         * @throws IllegalArgumentException when {@code key} or {@code label} is blank, or options are given for a
         *                                  type other than {@code SELECT}, or a {@code SELECT} has none
         */
        public SetupField build() {
            if (key.isBlank()) {
                throw new IllegalArgumentException("key must not be blank");
            }
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("label must not be blank (setup field '" + key + "')");
            }
            if (!options.isEmpty() && type != SetupFieldType.SELECT) {
                throw new IllegalArgumentException(
                        "options are only allowed for type SELECT (setup field '" + key + "' is " + type + ")");
            }
            if (options.isEmpty() && type == SetupFieldType.SELECT) {
                throw new IllegalArgumentException("a SELECT needs options (setup field '" + key + "')");
            }
            return new SetupField(this);
        }
    }
}
