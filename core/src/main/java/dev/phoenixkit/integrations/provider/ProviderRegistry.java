package dev.phoenixkit.integrations.provider;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers an {@code Integrations} instance knows: the built-ins followed by every other
 * {@link ProviderSource}'s definitions. Immutable and thread-safe.
 *
 * <p>Order: built-in definitions first (PhoenixKit's fifteen, in its order, when the {@code phoenixkit-providers}
 * module is on the class path), then the others in registration order. When two
 * definitions share a key, the first one in that order wins (so a built-in always beats a contributed one) and the
 * clash is logged as a warning.
 *
 * <p>Every provider URL can be pointed elsewhere with {@link Builder#overrideBaseUrl(URI)}, which is how tests
 * talk to a local fake server.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, ProviderDefinition> byKey;
    private final List<ProviderDefinition> all;
    private final Map<String, URI> baseUrlOverrides;
    private final URI globalBaseUrl;

    private ProviderRegistry(Map<String, ProviderDefinition> byKey, Map<String, URI> baseUrlOverrides,
            URI globalBaseUrl) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.all = List.copyOf(byKey.values());
        this.baseUrlOverrides = Map.copyOf(baseUrlOverrides);
        this.globalBaseUrl = globalBaseUrl;
    }

    /**
     * The built-ins plus every {@link ProviderSource} found by {@link ServiceLoader} on the class path. A source
     * that cannot be loaded or throws is logged as a warning and skipped.
     *
     * @return the registry
     */
    public static ProviderRegistry loadDefault() {
        return builder().loadServices().build();
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Looks a provider up by key or by connection reference: only the part before the first {@code ':'} counts, so
     * {@code "google:personal"} finds {@code google}.
     *
     * @param keyOrRef a provider key or {@code provider:name} reference
     * @return the provider, or empty for {@code ""} and unknown keys
     */
    public Optional<ProviderDefinition> get(String keyOrRef) {
        Objects.requireNonNull(keyOrRef, "keyOrRef");
        int colon = keyOrRef.indexOf(':');
        String key = colon < 0 ? keyOrRef : keyOrRef.substring(0, colon);
        return Optional.ofNullable(byKey.get(key));
    }

    /** @return every provider, built-ins first, without duplicate keys */
    public List<ProviderDefinition> all() {
        return all;
    }

    /**
     * PhoenixKit's {@code with_capability/1}: lets a consumer find providers by what they can do.
     *
     * @param capability a capability name, for example {@code "ai_completions"}
     * @return every provider declaring it, in {@link #all()} order
     */
    public List<ProviderDefinition> withCapability(String capability) {
        Objects.requireNonNull(capability, "capability");
        return all.stream().filter(provider -> provider.hasCapability(capability)).toList();
    }

    /**
     * PhoenixKit's {@code for_scope/1}.
     *
     * @param scope a scope
     * @return every provider whose connections may live in it, in {@link #all()} order
     */
    public List<ProviderDefinition> forScope(ProviderScope scope) {
        Objects.requireNonNull(scope, "scope");
        return all.stream().filter(provider -> provider.allows(scope)).toList();
    }

    /**
     * Applies this registry's base-URL override for a provider to an absolute URL, the way its definitions' URLs
     * were rebased. Validation strategies call it for the endpoints they build themselves (for example
     * {@code https://api.telegram.org/bot…/getMe}), so tests can point them at a local fake server.
     *
     * @param providerKey the provider key
     * @param url         an absolute http(s) URL
     * @return the URL on the override's server, or {@code url} unchanged when none applies
     */
    public String resolveUrl(String providerKey, String url) {
        Objects.requireNonNull(providerKey, "providerKey");
        Objects.requireNonNull(url, "url");
        URI base = baseUrlOverrides.getOrDefault(providerKey, globalBaseUrl);
        return base == null ? url : Builder.rebaseUrl(url, base);
    }

    @Override
    public String toString() {
        return "ProviderRegistry" + byKey.keySet();
    }

    /**
     * Builds a {@link ProviderRegistry}. Not thread-safe.
     */
    public static final class Builder {
        private final List<ProviderDefinition> builtIns = new ArrayList<>();
        private final List<ProviderDefinition> contributed = new ArrayList<>();
        private final Map<String, URI> baseUrlOverrides = new LinkedHashMap<>();
        private URI globalBaseUrl;

        private Builder() {
        }

        /**
         * Adds one (non-built-in) definition.
         *
         * @param definition the provider
         * @return this builder
         */
        public Builder add(ProviderDefinition definition) {
            contributed.add(Objects.requireNonNull(definition, "definition"));
            return this;
        }

        /**
         * Adds every definition of a source, as built-ins when {@link ProviderSource#builtIn()} says so.
         *
         * @param source the source; its {@code providers()} is called now
         * @return this builder
         * @throws RuntimeException whatever the source throws
         */
        public Builder addAll(ProviderSource source) {
            Objects.requireNonNull(source, "source");
            List<ProviderDefinition> definitions = Objects.requireNonNull(source.providers(),
                    () -> "providers() of " + source.getClass().getName() + " returned null");
            for (ProviderDefinition definition : definitions) {
                Objects.requireNonNull(definition, () -> "providers() of " + source.getClass().getName()
                        + " contains null");
                (source.builtIn() ? builtIns : contributed).add(definition);
            }
            return this;
        }

        /**
         * Adds every {@link ProviderSource} found by {@link ServiceLoader} with this class's class loader. A source
         * that cannot be instantiated or whose {@code providers()} throws is logged as a warning and skipped.
         *
         * @return this builder
         */
        public Builder loadServices() {
            ServiceLoader<ProviderSource> loader =
                    ServiceLoader.load(ProviderSource.class, ProviderRegistry.class.getClassLoader());
            var iterator = loader.iterator();
            while (true) {
                ProviderSource source;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    source = iterator.next();
                } catch (ServiceConfigurationError error) {
                    LOG.warn("Skipping a provider source that could not be loaded: {}", error.getMessage());
                    continue;
                }
                try {
                    addAll(source);
                } catch (RuntimeException exception) {
                    LOG.warn("Skipping provider source {}: {}", source.getClass().getName(), exception.toString());
                }
            }
            return this;
        }

        /**
         * Points every provider URL (authorization, token, userinfo, validation, base URL, and the endpoints
         * strategies resolve through {@link ProviderRegistry#resolveUrl(String, String)}) at another server: the scheme,
         * host and port of each URL are replaced by {@code baseUrl}, whose path (if any) is put in front of the
         * original path. For example, with {@code http://127.0.0.1:8080},
         * {@code https://api.mistral.ai/v1/models} becomes {@code http://127.0.0.1:8080/v1/models}.
         * A per-provider override ({@link #overrideBaseUrl(String, URI)}) takes precedence.
         *
         * @param baseUrl an absolute http(s) URL without query or fragment
         * @return this builder
         * @throws IllegalArgumentException when {@code baseUrl} is not such a URL
         */
        public Builder overrideBaseUrl(URI baseUrl) {
            this.globalBaseUrl = checkBaseUrl(baseUrl);
            return this;
        }

        /**
         * Like {@link #overrideBaseUrl(URI)}, for one provider only.
         *
         * @param providerKey the provider key, for example {@code "google"}
         * @param baseUrl     an absolute http(s) URL without query or fragment
         * @return this builder
         * @throws IllegalArgumentException when {@code baseUrl} is not such a URL
         */
        public Builder overrideBaseUrl(String providerKey, URI baseUrl) {
            Objects.requireNonNull(providerKey, "providerKey");
            baseUrlOverrides.put(providerKey, checkBaseUrl(baseUrl));
            return this;
        }

        /** @return the registry */
        public ProviderRegistry build() {
            Map<String, ProviderDefinition> byKey = new LinkedHashMap<>();
            List<ProviderDefinition> ordered = new ArrayList<>(builtIns);
            ordered.addAll(contributed);
            for (ProviderDefinition definition : ordered) {
                if (byKey.containsKey(definition.key())) {
                    LOG.warn("Provider key '{}' is defined more than once; keeping the first (built-ins win)",
                            definition.key());
                    continue;
                }
                byKey.put(definition.key(), rebase(definition));
            }
            return new ProviderRegistry(byKey, baseUrlOverrides, globalBaseUrl);
        }

        private ProviderDefinition rebase(ProviderDefinition definition) {
            URI base = baseUrlOverrides.getOrDefault(definition.key(), globalBaseUrl);
            if (base == null) {
                return definition;
            }
            ProviderDefinition.Builder builder = definition.toBuilder();
            definition.oauthConfig().ifPresent(oauth -> {
                OAuthConfig.Builder rebased = oauth.toBuilder()
                        .authUrl(rebaseUrl(oauth.authUrl(), base))
                        .tokenUrl(rebaseUrl(oauth.tokenUrl(), base));
                oauth.userinfoUrl().ifPresent(url -> rebased.userinfoUrl(rebaseUrl(url, base)));
                builder.oauth(rebased.build());
            });
            definition.validation().ifPresent(spec -> {
                if (spec instanceof ValidationSpec.Http http) {
                    builder.validation(http.withUrl(rebaseUrl(http.url(), base)));
                }
            });
            definition.baseUrl().ifPresent(url -> builder.baseUrl(rebaseUrl(url, base)));
            return builder.build();
        }

        private static String rebaseUrl(String url, URI base) {
            int schemeEnd = url.indexOf("://");
            int pathStart = url.indexOf('/', schemeEnd + 3);
            String path = pathStart < 0 ? "" : url.substring(pathStart);
            String prefix = base.toString();
            if (prefix.endsWith("/")) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
            return prefix + path;
        }

        private static URI checkBaseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || baseUrl.getHost() == null
                    || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException(
                        "baseUrl must be an absolute http(s) URL without query or fragment, was '" + baseUrl + "'");
            }
            return baseUrl;
        }
    }
}
