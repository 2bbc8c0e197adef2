package dev.phoenixkit.integrations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Per-call choices for {@link Integrations#beginAuthorization(java.util.UUID, java.net.URI, AuthorizationOptions)}:
 * which scopes to ask for and which extra query parameters to send. Immutable.
 *
 * <p>Scopes: {@link Builder#scopes(Collection)} replaces the provider's default scopes (to narrow Google's broad
 * default, for example); {@link Builder#addScopes(Collection)} adds scopes to the defaults (or to the replacement).
 * The requested scopes are what is stored as {@code scopes} on the connection once the authorization completes.
 *
 * <p>Parameters: added to the authorization URL after the provider's own auth params (which they may override, for
 * example {@code prompt} or {@code login_hint}). The protocol's own parameters cannot be set here: see
 * {@link #RESERVED_PARAMS}.
 *
 * <pre>{@code
 * AuthorizationOptions options = AuthorizationOptions.builder()
 *         .scopes(List.of("openid", "email"))
 *         .addScopes(List.of("https://www.googleapis.com/auth/drive.readonly"))
 *         .param("login_hint", "ops@example.com")
 *         .build();
 * }</pre>
 *
 * <p>Equal when their scopes and parameters are equal. {@link #toString()} names the scopes and parameter names,
 * never parameter values (a {@code login_hint} is personal data).
 */
public final class AuthorizationOptions {
    /** Parameters the library sets itself and a caller cannot override. */
    public static final Set<String> RESERVED_PARAMS = Set.of(
            "client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method");

    private static final Pattern SCOPE = Pattern.compile("^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$");
    private static final Pattern PARAM_NAME = Pattern.compile("^[A-Za-z0-9_.\\-]{1,64}$");
    private static final AuthorizationOptions DEFAULTS = new AuthorizationOptions(null, List.of(), Map.of());

    /** Scopes replacing the provider's defaults, or {@code null} for the defaults. */
    private final List<String> replacementScopes;

    private final List<String> additionalScopes;
    private final Map<String, String> params;

    private AuthorizationOptions(
            List<String> replacementScopes, List<String> additionalScopes, Map<String, String> params) {
        this.replacementScopes = replacementScopes == null ? null : checkedScopes(replacementScopes);
        this.additionalScopes = checkedScopes(additionalScopes);
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            Objects.requireNonNull(name, "param name");
            Objects.requireNonNull(value, "param value");
            if (!PARAM_NAME.matcher(name).matches()) {
                throw invalid("Authorization parameter names are 1 to 64 of [A-Za-z0-9_.-]");
            }
            if (RESERVED_PARAMS.contains(name)) {
                throw invalid("Authorization parameter '" + name + "' is set by the library");
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw invalid("Authorization parameter '" + name + "' contains a control character");
            }
            copy.put(name, value);
        });
        this.params = Collections.unmodifiableMap(copy);
    }

    /** @return the scopes replacing the provider's defaults, or empty when the defaults are kept */
    public Optional<List<String>> replacementScopes() {
        return Optional.ofNullable(replacementScopes);
    }

    /** @return the scopes added to the defaults (or the replacement), in order, without duplicates */
    public List<String> additionalScopes() {
        return additionalScopes;
    }

    /** @return the extra query parameters, in order */
    public Map<String, String> params() {
        return params;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthorizationOptions that
                && Objects.equals(replacementScopes, that.replacementScopes)
                && additionalScopes.equals(that.additionalScopes)
                && params.equals(that.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(replacementScopes, additionalScopes, params);
    }

    @Override
    public String toString() {
        return "AuthorizationOptions[replacementScopes=" + replacementScopes + ", additionalScopes=" + additionalScopes
                + ", params=" + params.keySet() + "]";
    }

    /** @return no choices: the provider's default scopes and auth params */
    public static AuthorizationOptions defaults() {
        return DEFAULTS;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param defaultScopes the provider's space-separated default scopes (may be empty)
     * @return the space-separated scopes to request: the replacement (or the defaults) plus the additions
     */
    public String effectiveScopes(String defaultScopes) {
        Set<String> scopes =
                new LinkedHashSet<>(replacementScopes != null ? replacementScopes : splitScopes(defaultScopes));
        scopes.addAll(additionalScopes);
        return String.join(" ", scopes);
    }

    /** @return whether these are the defaults (no scope or parameter chosen) */
    public boolean isDefault() {
        return replacementScopes == null && additionalScopes.isEmpty() && params.isEmpty();
    }

    private static List<String> splitScopes(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return List.of();
        }
        return Arrays.asList(scopes.trim().split("\\s+"));
    }

    private static List<String> checkedScopes(List<String> scopes) {
        Set<String> unique = new LinkedHashSet<>();
        for (String scope : scopes) {
            Objects.requireNonNull(scope, "scope");
            if (!SCOPE.matcher(scope).matches()) {
                throw invalid("A scope is a non-empty run of printable characters without spaces, quotes or"
                        + " backslashes");
            }
            unique.add(scope);
        }
        return List.copyOf(unique);
    }

    private static IntegrationException invalid(String message) {
        return new IntegrationException(IntegrationError.INVALID, message);
    }

    /** Builds {@link AuthorizationOptions}. Not thread-safe. */
    public static final class Builder {
        private List<String> replacement;
        private final List<String> additions = new ArrayList<>();
        private final Map<String, String> params = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @param scopes scopes replacing the provider's defaults (an empty collection keeps the defaults)
         * @return this builder
         */
        public Builder scopes(Collection<String> scopes) {
            this.replacement = new ArrayList<>(Objects.requireNonNull(scopes, "scopes"));
            return this;
        }

        /**
         * @param scopes scopes added to the defaults (or to the replacement)
         * @return this builder
         */
        public Builder addScopes(Collection<String> scopes) {
            additions.addAll(Objects.requireNonNull(scopes, "scopes"));
            return this;
        }

        /**
         * @param name  a query parameter name (not one of {@link #RESERVED_PARAMS})
         * @param value its value
         * @return this builder
         */
        public Builder param(String name, String value) {
            params.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the options
         * @throws IntegrationException {@code INVALID} for a scope that is not an RFC 6749 scope token, a parameter
         *                              name outside {@code [A-Za-z0-9_.-]{1,64}}, a reserved parameter, or a value
         *                              with a control character
         */
        public AuthorizationOptions build() {
            return new AuthorizationOptions(
                    replacement == null || replacement.isEmpty() ? null : replacement, additions, params);
        }
    }
}
