package dev.phoenixkit.integrations.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A provider's OAuth2 authorization-code settings. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>{@link #authUrl()} and {@link #tokenUrl()} may contain {@code {placeholder}} segments such as
 * {@code {tenant_id}}; they are filled from the connection's data, then from {@link #urlDefaults()}. A blank value
 * counts as missing. {@link #userinfoUrl()} is used as given.
 *
 * <p>Defaults: no userinfo URL, empty default scopes, no auth params, no URL defaults, PKCE (S256) on,
 * {@link ClientAuthMethod#CLIENT_SECRET_POST}, {@link UserinfoMapping#STANDARD}.
 */
public final class OAuthConfig {
    private static final Pattern PLACEHOLDER_KEY = Pattern.compile("[a-zA-Z0-9_]+");

    private final String authUrl;
    private final String tokenUrl;
    private final String userinfoUrl;
    private final String defaultScopes;
    private final Map<String, String> authParams;
    private final Map<String, String> urlDefaults;
    private final boolean pkce;
    private final ClientAuthMethod clientAuthMethod;
    private final UserinfoMapping userinfoMapping;

    private OAuthConfig(Builder builder) {
        this.authUrl = builder.authUrl;
        this.tokenUrl = builder.tokenUrl;
        this.userinfoUrl = builder.userinfoUrl;
        this.defaultScopes = builder.defaultScopes;
        this.authParams = Collections.unmodifiableMap(new LinkedHashMap<>(builder.authParams));
        this.urlDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(builder.urlDefaults));
        this.pkce = builder.pkce;
        this.clientAuthMethod = builder.clientAuthMethod;
        this.userinfoMapping = builder.userinfoMapping;
    }

    /** @return a new builder with the defaults listed on this class */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder pre-filled with this configuration, for deriving a changed copy */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.authUrl = authUrl;
        builder.tokenUrl = tokenUrl;
        builder.userinfoUrl = userinfoUrl;
        builder.defaultScopes = defaultScopes;
        builder.authParams.putAll(authParams);
        builder.urlDefaults.putAll(urlDefaults);
        builder.pkce = pkce;
        builder.clientAuthMethod = clientAuthMethod;
        builder.userinfoMapping = userinfoMapping;
        return builder;
    }

    /** @return the authorization endpoint template, for example {@code https://accounts.google.com/o/oauth2/v2/auth} */
    public String authUrl() {
        return authUrl;
    }

    /** @return the token endpoint template */
    public String tokenUrl() {
        return tokenUrl;
    }

    /** @return the userinfo endpoint, if the provider has one; validation and account labels use it */
    public Optional<String> userinfoUrl() {
        return Optional.ofNullable(userinfoUrl);
    }

    /** @return the space-separated scopes requested when the caller gives none (may be empty) */
    public String defaultScopes() {
        return defaultScopes;
    }

    /** @return extra authorization-URL parameters, which override the base ones (for example {@code prompt}) */
    public Map<String, String> authParams() {
        return authParams;
    }

    /** @return fallback values for URL placeholders (for example {@code tenant_id → common}) */
    public Map<String, String> urlDefaults() {
        return urlDefaults;
    }

    /** @return whether the authorization-code flow uses PKCE S256 (default {@code true}) */
    public boolean pkce() {
        return pkce;
    }

    /** @return how the client authenticates at the token endpoint */
    public ClientAuthMethod clientAuthMethod() {
        return clientAuthMethod;
    }

    /** @return how userinfo fields map to account fields */
    public UserinfoMapping userinfoMapping() {
        return userinfoMapping;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OAuthConfig that
                && authUrl.equals(that.authUrl)
                && tokenUrl.equals(that.tokenUrl)
                && Objects.equals(userinfoUrl, that.userinfoUrl)
                && defaultScopes.equals(that.defaultScopes)
                && authParams.equals(that.authParams)
                && urlDefaults.equals(that.urlDefaults)
                && pkce == that.pkce
                && clientAuthMethod == that.clientAuthMethod
                && userinfoMapping == that.userinfoMapping;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                authUrl,
                tokenUrl,
                userinfoUrl,
                defaultScopes,
                authParams,
                urlDefaults,
                pkce,
                clientAuthMethod,
                userinfoMapping);
    }

    @Override
    public String toString() {
        return "OAuthConfig[authUrl=" + authUrl + ", tokenUrl=" + tokenUrl + ", userinfoUrl=" + userinfoUrl
                + ", defaultScopes=" + defaultScopes + ", authParams=" + authParams + ", urlDefaults=" + urlDefaults
                + ", pkce=" + pkce + ", " + clientAuthMethod + ", " + userinfoMapping + "]";
    }

    /** Builds an {@link OAuthConfig}. Not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private String authUrl;
        private String tokenUrl;
        private String userinfoUrl;
        private String defaultScopes = "";
        private final Map<String, String> authParams = new LinkedHashMap<>();
        private final Map<String, String> urlDefaults = new LinkedHashMap<>();
        private boolean pkce = true;
        private ClientAuthMethod clientAuthMethod = ClientAuthMethod.CLIENT_SECRET_POST;
        private UserinfoMapping userinfoMapping = UserinfoMapping.STANDARD;

        private Builder() {}

        /**
         * @param authUrl the authorization endpoint (absolute http(s), may hold {@code {placeholder}}s); required
         * @return this builder
         */
        public Builder authUrl(String authUrl) {
            this.authUrl = Objects.requireNonNull(authUrl, "authUrl");
            return this;
        }

        /**
         * @param tokenUrl the token endpoint (absolute http(s), may hold {@code {placeholder}}s); required
         * @return this builder
         */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            return this;
        }

        /**
         * @param userinfoUrl the userinfo endpoint, or {@code null} for none; default none
         * @return this builder
         */
        public Builder userinfoUrl(String userinfoUrl) {
            this.userinfoUrl = userinfoUrl;
            return this;
        }

        /**
         * @param defaultScopes space-separated scopes; default empty
         * @return this builder
         */
        public Builder defaultScopes(String defaultScopes) {
            this.defaultScopes = Objects.requireNonNull(defaultScopes, "defaultScopes");
            return this;
        }

        /**
         * Adds an authorization-URL parameter; it overrides a base parameter of the same name.
         *
         * @param key   the parameter name, for example {@code "prompt"}
         * @param value the value, for example {@code "consent"}
         * @return this builder
         */
        public Builder authParam(String key, String value) {
            authParams.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a fallback value for a URL placeholder.
         *
         * @param key   the placeholder name without braces, for example {@code "tenant_id"}
         * @param value the value used when the connection has none (or a blank one), for example {@code "common"}
         * @return this builder
         */
        public Builder urlDefault(String key, String value) {
            urlDefaults.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param pkce whether to use PKCE S256; default {@code true}. Turn it off only for a provider that rejects
         *             the {@code code_challenge} parameters.
         * @return this builder
         */
        public Builder pkce(boolean pkce) {
            this.pkce = pkce;
            return this;
        }

        /**
         * @param clientAuthMethod how the client authenticates at the token endpoint; default
         *                         {@link ClientAuthMethod#CLIENT_SECRET_POST}
         * @return this builder
         */
        public Builder clientAuthMethod(ClientAuthMethod clientAuthMethod) {
            this.clientAuthMethod = Objects.requireNonNull(clientAuthMethod, "clientAuthMethod");
            return this;
        }

        /**
         * @param userinfoMapping how userinfo fields map to account fields; default {@link UserinfoMapping#STANDARD}
         * @return this builder
         */
        public Builder userinfoMapping(UserinfoMapping userinfoMapping) {
            this.userinfoMapping = Objects.requireNonNull(userinfoMapping, "userinfoMapping");
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException when {@code authUrl} or {@code tokenUrl} is missing or not absolute
         *                                  http(s), {@code userinfoUrl} is given but not absolute http(s), or a
         *                                  URL-default key is not a valid placeholder name
         */
        public OAuthConfig build() {
            requireHttpUrl("authUrl", authUrl);
            requireHttpUrl("tokenUrl", tokenUrl);
            if (userinfoUrl != null) {
                requireHttpUrl("userinfoUrl", userinfoUrl);
            }
            for (String key : urlDefaults.keySet()) {
                if (!PLACEHOLDER_KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("urlDefault key must match [a-zA-Z0-9_]+, was '" + key + "'");
                }
            }
            return new OAuthConfig(this);
        }

        private static void requireHttpUrl(String field, String value) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required");
            }
            if (!value.startsWith("https://") && !value.startsWith("http://")) {
                throw new IllegalArgumentException(field + " must be an absolute http(s) URL, was '" + value + "'");
            }
        }
    }
}
