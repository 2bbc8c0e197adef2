package dev.phoenixkit.integrations.provider;

import dev.phoenixkit.integrations.Fields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A third-party provider: its key, how it is shown, how it authenticates, which setup fields it needs, how its
 * credentials are tested and how to set it up. Immutable and thread-safe; build with {@link #builder(String)}.
 *
 * <p>The key is stored in every connection row ({@code provider}) and is part of {@code provider:name} references,
 * so it must match {@value #KEY_PATTERN}: letters, digits, {@code .}, {@code -} and {@code _} (PhoenixKit has
 * {@code amazon_bedrock}, {@code aws_ses}, {@code object_storage}, {@code brevo_api}), never {@code :}, {@code %} or
 * whitespace. Every SQL {@code LIKE} pattern built from a key escapes {@code _} and {@code %}
 * ({@code internal.naming.Names.escapeLike}), so matches stay exact.
 */
public final class ProviderDefinition {
    /** The pattern a provider key must match. */
    public static final String KEY_PATTERN = "^[a-zA-Z0-9][a-zA-Z0-9._-]*$";

    /**
     * The fields every connection may hold whatever its provider (PhoenixKit's names): identity, status, the
     * validation outcome, the connected account, the owner.
     */
    public static final List<String> COMMON_FIELDS = List.of(
            Fields.PROVIDER,
            Fields.NAME,
            Fields.AUTH_TYPE,
            Fields.STATUS,
            Fields.CONNECTED_AT,
            Fields.LAST_VALIDATED_AT,
            Fields.VALIDATION_STATUS,
            Fields.EXTERNAL_ACCOUNT_ID,
            Fields.EXTERNAL_ACCOUNT_NAME,
            Fields.METADATA,
            Fields.OWNER_TYPE,
            Fields.OWNER_UUID);

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private final String key;
    private final String name;
    private final String description;
    private final String icon;
    private final AuthType authType;
    private final OAuthConfig oauthConfig;
    private final List<SetupField> setupFields;
    private final List<String> storedFields;
    private final Set<String> knownFields;
    private final List<String> capabilities;
    private final List<ProviderScope> scopes;
    private final String baseUrl;
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
        this.storedFields = List.copyOf(builder.storedFields);
        Set<String> known = new LinkedHashSet<>();
        setupFields.forEach(field -> known.add(field.key()));
        known.addAll(storedFields);
        known.addAll(authType.credentialFields());
        known.addAll(COMMON_FIELDS);
        this.knownFields = Collections.unmodifiableSet(known);
        this.capabilities = List.copyOf(builder.capabilities);
        this.scopes = builder.scopes.isEmpty() ? List.of(ProviderScope.SYSTEM) : List.copyOf(builder.scopes);
        this.baseUrl = builder.baseUrl;
        this.validation = builder.validation;
        this.instructions = List.copyOf(builder.instructions);
    }

    /**
     * Starts a definition. Defaults: empty description, icon {@code "hero-puzzle-piece"}, no OAuth config, no
     * setup fields, no capabilities, scope {@link ProviderScope#SYSTEM} only, no base URL, no validation, no
     * instructions. {@code name} and {@code authType} are required.
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
        builder.storedFields.addAll(storedFields);
        builder.capabilities.addAll(capabilities);
        builder.scopes.addAll(scopes);
        builder.baseUrl = baseUrl;
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

    /**
     * @return fields this provider's connections store beyond the setup form, in order (PhoenixKit's Telegram form
     *         writes {@code mode} and {@code chat_ids}); may be empty
     */
    public List<String> storedFields() {
        return storedFields;
    }

    /**
     * The field names {@code saveSetup} and {@code validateCredentials} accept for this provider; any other is
     * refused as a misspelling ({@code UNKNOWN_FIELD}, docs/behaviour.md#fix-14). Rows hold whatever they hold:
     * only names passed in are checked.
     *
     * @return in this order: the setup fields, the {@link #storedFields()}, the auth type's
     *         {@link AuthType#credentialFields()} and the {@link #COMMON_FIELDS}; unmodifiable
     */
    public Set<String> knownFields() {
        return knownFields;
    }

    /** @return what the provider offers, for example {@code "google_drive"}, {@code "ai_completions"} */
    public List<String> capabilities() {
        return capabilities;
    }

    /**
     * @param capability a capability name, for example {@code "image_generation"}
     * @return whether this provider declares it
     */
    public boolean hasCapability(String capability) {
        return capabilities.contains(Objects.requireNonNull(capability, "capability"));
    }

    /**
     * @return where connections of this provider may live, in declaration order; {@code [SYSTEM]} when the
     *         definition declares none (PhoenixKit's {@code scopes_of/1} default)
     */
    public List<ProviderScope> scopes() {
        return scopes;
    }

    /**
     * @param scope a scope
     * @return whether connections of this provider may live in it
     */
    public boolean allows(ProviderScope scope) {
        return scopes.contains(Objects.requireNonNull(scope, "scope"));
    }

    /**
     * @return the provider's primary REST API base (PhoenixKit declares one for the {@code ai_completions}
     *         providers and Brevo), for example {@code "https://api.openai.com/v1"}
     */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** @return how to test the credential (the generic HTTP check or a named strategy), if it can be tested */
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
        return instructions.stream()
                .map(section -> section.withRedirectUri(redirectUri))
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderDefinition that
                && key.equals(that.key)
                && name.equals(that.name)
                && description.equals(that.description)
                && icon.equals(that.icon)
                && authType == that.authType
                && Objects.equals(oauthConfig, that.oauthConfig)
                && setupFields.equals(that.setupFields)
                && storedFields.equals(that.storedFields)
                && capabilities.equals(that.capabilities)
                && scopes.equals(that.scopes)
                && Objects.equals(baseUrl, that.baseUrl)
                && Objects.equals(validation, that.validation)
                && instructions.equals(that.instructions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                key,
                name,
                description,
                icon,
                authType,
                oauthConfig,
                setupFields,
                storedFields,
                capabilities,
                scopes,
                baseUrl,
                validation,
                instructions);
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
        private final List<String> storedFields = new ArrayList<>();
        private final List<String> capabilities = new ArrayList<>();
        private final List<ProviderScope> scopes = new ArrayList<>();
        private String baseUrl;
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
         * Declares a field the provider's connections store beyond the setup form (written by the host's own
         * screens, or by PhoenixKit's), so {@code saveSetup} accepts it.
         *
         * @param key the stored field name, for example {@code "chat_ids"}
         * @return this builder
         */
        public Builder storedField(String key) {
            storedFields.add(Objects.requireNonNull(key, "key"));
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
         * Adds a scope connections of this provider may live in; with none, the provider is system-only.
         *
         * @param scope a scope; adding one twice has no further effect
         * @return this builder
         */
        public Builder scope(ProviderScope scope) {
            Objects.requireNonNull(scope, "scope");
            if (!scopes.contains(scope)) {
                scopes.add(scope);
            }
            return this;
        }

        /**
         * @param first the first scope
         * @param more  further scopes
         * @return this builder, with each added as by {@link #scope(ProviderScope)}
         */
        public Builder scopes(ProviderScope first, ProviderScope... more) {
            scope(first);
            for (ProviderScope scope : more) {
                scope(scope);
            }
            return this;
        }

        /**
         * @param baseUrl the primary REST API base, an absolute http(s) URL, or {@code null} for none
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
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
         *                                  type, two setup fields share a key, a stored field is blank, repeated or
         *                                  a setup field, a capability is blank or repeated,
         *                                  or {@code baseUrl} is not an absolute http(s) URL
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
            if (storedFields.stream().anyMatch(String::isBlank)
                    || storedFields.stream().distinct().count() != storedFields.size()
                    || setupFields.stream().anyMatch(field -> storedFields.contains(field.key()))) {
                throw new IllegalArgumentException(
                        "storedField keys must be non-blank, unique and not setup fields (provider '" + key + "')");
            }
            if (capabilities.stream().anyMatch(String::isBlank)
                    || capabilities.stream().distinct().count() != capabilities.size()) {
                throw new IllegalArgumentException(
                        "capabilities must be non-blank and unique (provider '" + key + "')");
            }
            if (baseUrl != null && !baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
                throw new IllegalArgumentException(
                        "baseUrl must be an absolute http(s) URL (provider '" + key + "'), was '" + baseUrl + "'");
            }
            return new ProviderDefinition(this);
        }
    }
}
