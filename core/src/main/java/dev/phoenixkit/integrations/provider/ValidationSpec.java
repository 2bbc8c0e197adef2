package dev.phoenixkit.integrations.provider;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a provider's credentials are tested: either the generic HTTP check ({@link Http}: a {@code GET} with the
 * credential in a header) or a named strategy ({@link Strategy}: a {@link CredentialCheck} carried under a name,
 * for example {@code "telegram"} or {@code "aws_ses"}). Both run under the instance's check deadline. Immutable.
 */
public sealed interface ValidationSpec permits ValidationSpec.Http, ValidationSpec.Strategy {
    /**
     * The generic check.
     *
     * @param url        the absolute http(s) URL to call
     * @param authHeader the header that carries the credential, for example {@code "Authorization"}
     * @param authPrefix the text before the credential, for example {@code "Bearer "} (may be empty)
     * @return the spec
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL or {@code authHeader} is
     *                                  blank
     */
    static Http http(String url, String authHeader, String authPrefix) {
        return new Http(url, authHeader, authPrefix);
    }

    /**
     * The common case of the generic check: {@code Authorization: Bearer <credential>}.
     *
     * @param url the absolute http(s) URL to call
     * @return the spec
     */
    static Http bearer(String url) {
        return new Http(url, "Authorization", "Bearer ");
    }

    /**
     * A named strategy (PhoenixKit's {@code validation: %{strategy: :name}}) and the check that implements it.
     *
     * @param name  the strategy name, matching {@value Strategy#NAME_PATTERN}, for example {@code "telegram"}
     * @param check the check run for it (thread-safe; usually a constant)
     * @return the spec
     * @throws IllegalArgumentException when the name does not match
     */
    static Strategy strategy(String name, CredentialCheck check) {
        return new Strategy(name, check);
    }

    /**
     * The generic HTTP check: {@code GET url} with the header {@code authHeader: authPrefix + credential}; 200 is
     * valid, 401 "Invalid credentials", 403 "Access denied", any other N "Service error N". PhoenixKit also stores a
     * method; it always sends {@code GET}, and so does this library.
     *
     * @param url        the absolute http(s) URL to call
     * @param authHeader the header that carries the credential
     * @param authPrefix the text before the credential (may be empty)
     */
    record Http(String url, String authHeader, String authPrefix) implements ValidationSpec {
        /**
         * Validates the components.
         *
         * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL or {@code authHeader} is
         *                                  blank
         */
        public Http {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(authHeader, "authHeader");
            Objects.requireNonNull(authPrefix, "authPrefix");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
            }
            if (authHeader.isBlank()) {
                throw new IllegalArgumentException("authHeader must not be blank");
            }
        }

        /**
         * @param newUrl the URL to use instead
         * @return a copy with another URL (used for base-URL overrides)
         */
        public Http withUrl(String newUrl) {
            return new Http(newUrl, authHeader, authPrefix);
        }
    }

    /**
     * A named strategy: {@link #check()} runs, under the instance's check deadline, for every auth type (a strategy
     * is dispatched before the generic checks, as in PhoenixKit). Two strategies are equal when name and check are.
     *
     * @param name  the strategy name, for example {@code "aws_ses"}; what PhoenixKit's definition names
     * @param check the implementation
     */
    record Strategy(String name, CredentialCheck check) implements ValidationSpec {
        /** The pattern a strategy name must match. */
        public static final String NAME_PATTERN = "^[a-z0-9][a-z0-9._-]*$";

        private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

        /**
         * Validates the name.
         *
         * @throws IllegalArgumentException when it does not match {@value #NAME_PATTERN}
         */
        public Strategy {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(check, "check");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("strategy name must match " + NAME_PATTERN + ", was '" + name + "'");
            }
        }

        @Override
        public String toString() {
            return "Strategy[" + name + "]";
        }
    }
}
