package dev.phoenixkit.integrations.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A third-party provider: its key, how it is shown, how it authenticates, which setup fields it needs, how its
 * credentials are tested and how to set it up. Immutable and thread-safe; build with {@link #builder(String)}.
 *
 * <p>The key is what connection storage keys are made of ({@code integration:<key>:<name>}), so it must match
 * {@value #KEY_PATTERN}: no {@code :}, {@code %}, {@code _} or whitespace.
 */
public final class ProviderDefinition {
    /** The pattern a provider key must match. */
    public static final String KEY_PATTERN = "^[a-zA-Z0-9][a-zA-Z0-9.-]*$";

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private final String key;
    private final String name;
    private final String description;
    private final String icon;
    private final AuthType authType;
    private final OAuthConfig oauthConfig;
    private final List<SetupField> setupFields;
    private final List<String> capabilities;
    private final ValidationSpec validation;
    private final List<InstructionSection> instructions;

    private ProviderDefinition(Builder builder) {
        this.key = builder.key;
        this.name = builder.name;
        this.description = builder.description;
        this.icon = builder.icon;
        this.authType = builder.authType;
        this.oauthConfig = builder.oauthConfig;
        this.setupFields = List.copyOf(builder.setupFields);
        this.capabilities = List.copyOf(builder.capabilities);
        this.validation = builder.validation;
        this.instructions = List.copyOf(builder.instructions);
    }

    /**
     * Starts a definition. Defaults: empty description, icon {@code "hero-puzzle-piece"}, no OAuth config, no
     * setup fields, no capabilities, no validation, no instructions. {@code name} and {@code authType} are required.
     *
     * @param key the provider key, for example {@code "openrouter"}
     * @return a new builder
     */
    public static Builder builder(String key) {
        return new Builder(Objects.requireNonNull(key, "key"));
    }

    /**
     * Tells whether text is a well-formed provider key.
     *
     * @param key the text to check
     * @return whether it matches {@value #KEY_PATTERN}
     */
    public static boolean isValidKey(String key) {
        Objects.requireNonNull(key, "key");
        return KEY.matcher(key).matches();
    }

    /** @return a builder pre-filled with this definition, for deriving a changed copy */
    public Builder toBuilder() {
        Builder builder = new Builder(key);
        builder.name = name;
        builder.description = description;
        builder.icon = icon;
        builder.authType = authType;
        builder.oauthConfig = oauthConfig;
        builder.setupFields.addAll(setupFields);
        builder.capabilities.addAll(capabilities);
        builder.validation = validation;
        builder.instructions.addAll(instructions);
        return builder;
    }

    /** @return the provider key, for example {@code "google"} */
    public String key() {
        return key;
    }

    /** @return the display name, for example {@code "Microsoft 365"} */
    public String name() {
        return name;
    }

    /** @return a one-line description (may be empty) */
    public String description() {
        return description;
    }

    /** @return the icon name, for example {@code "hero-cloud"} */
    public String icon() {
        return icon;
    }

    /** @return how the provider authenticates */
    public AuthType authType() {
        return authType;
    }

    /** @return the OAuth2 settings; present exactly when {@link #authType()} is {@link AuthType#OAUTH2} */
    public Optional<OAuthConfig> oauthConfig() {
        return Optional.ofNullable(oauthConfig);
    }

    /** @return the setup form's fields, in order */
    public List<SetupField> setupFields() {
        return setupFields;
    }

    /** @return what the provider offers, for example {@code "google_drive"}, {@code "ai_completions"} */
    public List<String> capabilities() {
        return capabilities;
    }

    /** @return how to test an API-key or bot-token credential, if the provider can be tested that way */
    public Optional<ValidationSpec> validation() {
        return Optional.ofNullable(validation);
    }

    /** @return the setup instructions, in order (may be empty) */
    public List<InstructionSection> instructions() {
        return instructions;
    }

    /**
     * @param redirectUri the OAuth2 redirect URI to show in the steps
     * @return the instructions with {@value InstructionSection#REDIRECT_URI_PLACEHOLDER} filled in
     */
    public List<InstructionSection> instructions(String redirectUri) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        return instructions.stream().map(section -> section.withRedirectUri(redirectUri)).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderDefinition that && key.equals(that.key) && name.equals(that.name)
                && description.equals(that.description) && icon.equals(that.icon) && authType == that.authType
                && Objects.equals(oauthConfig, that.oauthConfig) && setupFields.equals(that.setupFields)
                && capabilities.equals(that.capabilities) && Objects.equals(validation, that.validation)
                && instructions.equals(that.instructions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, name, description, icon, authType, oauthConfig, setupFields, capabilities,
                validation, instructions);
    }

    @Override
    public String toString() {
        return "ProviderDefinition[" + key + ", " + authType.wireValue() + "]";
    }

    /** Builds a {@link ProviderDefinition}. Not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private final String key;
        private String name;
        private String description = "";
        private String icon = "hero-puzzle-piece";
        private AuthType authType;
        private OAuthConfig oauthConfig;
        private final List<SetupField> setupFields = new ArrayList<>();
        private final List<String> capabilities = new ArrayList<>();
        private ValidationSpec validation;
        private final List<InstructionSection> instructions = new ArrayList<>();

        private Builder(String key) {
            this.key = key;
        }

        /**
         * @param name the display name; required
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param description a one-line description; default empty
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param icon the icon name; default {@code "hero-puzzle-piece"}
         * @return this builder
         */
        public Builder icon(String icon) {
            this.icon = Objects.requireNonNull(icon, "icon");
            return this;
        }

        /**
         * @param authType how the provider authenticates; required
         * @return this builder
         */
        public Builder authType(AuthType authType) {
            this.authType = Objects.requireNonNull(authType, "authType");
            return this;
        }

        /**
         * @param oauthConfig the OAuth2 settings; required for {@link AuthType#OAUTH2}, not allowed otherwise
         * @return this builder
         */
        public Builder oauth(OAuthConfig oauthConfig) {
            this.oauthConfig = oauthConfig;
            return this;
        }

        /**
         * @param setupField a setup field, appended after the ones already added
         * @return this builder
         */
        public Builder setupField(SetupField setupField) {
            setupFields.add(Objects.requireNonNull(setupField, "setupField"));
            return this;
        }

        /**
         * @param capability a capability name, for example {@code "ai_completions"}
         * @return this builder
         */
        public Builder capability(String capability) {
            capabilities.add(Objects.requireNonNull(capability, "capability"));
            return this;
        }

        /**
         * @param validation how to test the credential, or {@code null} for no test
         * @return this builder
         */
        public Builder validation(ValidationSpec validation) {
            this.validation = validation;
            return this;
        }

        /**
         * @param section an instructions section, appended after the ones already added
         * @return this builder
         */
        public Builder instruction(InstructionSection section) {
            instructions.add(Objects.requireNonNull(section, "section"));
            return this;
        }

        /**
         * @return the definition
         * @throws IllegalArgumentException when {@code key} does not match {@value #KEY_PATTERN}, {@code name} is
         *                                  blank, {@code authType} is missing, {@code oauth} does not fit the auth
         *                                  type, or two setup fields share a key
         */
        public ProviderDefinition build() {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("key must match " + KEY_PATTERN + ", was '" + key + "'");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank (provider '" + key + "')");
            }
            if (authType == null) {
                throw new IllegalArgumentException("authType is required (provider '" + key + "')");
            }
            if (authType == AuthType.OAUTH2 && oauthConfig == null) {
                throw new IllegalArgumentException("oauth is required for OAUTH2 (provider '" + key + "')");
            }
            if (authType != AuthType.OAUTH2 && oauthConfig != null) {
                throw new IllegalArgumentException(
                        "oauth is only allowed for OAUTH2 (provider '" + key + "' is " + authType + ")");
            }
            if (setupFields.stream().map(SetupField::key).distinct().count() != setupFields.size()) {
                throw new IllegalArgumentException("setupField keys must be unique (provider '" + key + "')");
            }
            return new ProviderDefinition(this);
        }
    }
}
