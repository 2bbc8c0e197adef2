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
 * <p>Order: built-in definitions first (PhoenixKit's fifteen, in its order, when the
 * {@code phoenixkit-providers} module is on the class path), then the others in registration order. A key is
 * defined once: two definitions with the same key make {@link Builder#build()} fail, unless the later one came
 * through {@link Builder#replace(ProviderDefinition)}, which takes the place of the earlier one (to bring one's own
 * {@code google}, for example).
 *
 * <p>Every provider URL can be pointed elsewhere with {@link Builder#overrideBaseUrl(URI)} (which is how tests
 * talk to a local fake server), and each endpoint's URL on its own with
 * {@link Builder#overrideUrl(String, ProviderEndpoint, String)}.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, ProviderDefinition> byKey;
    private final List<ProviderDefinition> all;
    private final Map<String, URI> baseUrlOverrides;
    private final URI globalBaseUrl;

    private ProviderRegistry(
            Map<String, ProviderDefinition> byKey, Map<String, URI> baseUrlOverrides, URI globalBaseUrl) {
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
        return all.stream()
                .filter(provider -> provider.hasCapability(capability))
                .toList();
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
        private final List<ProviderDefinition> replacements = new ArrayList<>();
        private final Map<String, URI> baseUrlOverrides = new LinkedHashMap<>();
        private final Map<String, Map<ProviderEndpoint, String>> urlOverrides = new LinkedHashMap<>();
        private URI globalBaseUrl;

        private Builder() {}

        /**
         * Adds one (non-built-in) definition. Its key must be new: {@link #build()} fails when another definition
         * has it (use {@link #replace(ProviderDefinition)} to replace one).
         *
         * @param definition the provider
         * @return this builder
         */
        public Builder add(ProviderDefinition definition) {
            contributed.add(Objects.requireNonNull(definition, "definition"));
            return this;
        }

        /**
         * Replaces the definition with the same key (a built-in or another source's), keeping its place in the
         * order; when no definition has the key, adds it like {@link #add(ProviderDefinition)}. The explicit way to
         * bring one's own {@code google}. Two replacements of one key make {@link #build()} fail.
         *
         * @param definition the provider
         * @return this builder
         */
        public Builder replace(ProviderDefinition definition) {
            replacements.add(Objects.requireNonNull(definition, "definition"));
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
            List<ProviderDefinition> definitions = Objects.requireNonNull(
                    source.providers(),
                    () -> "providers() of " + source.getClass().getName() + " returned null");
            for (ProviderDefinition definition : definitions) {
                Objects.requireNonNull(
                        definition, () -> "providers() of " + source.getClass().getName() + " contains null");
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
                    LOG.warn(
                            "Skipping provider source {}: {}", source.getClass().getName(), exception.toString());
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

        /**
         * Replaces the whole URL of one endpoint of one provider (say a token endpoint behind a proxy, or a
         * regional authorization host). It wins over {@link #overrideBaseUrl(URI)} and
         * {@link #overrideBaseUrl(String, URI)} for that endpoint. The URL may hold the provider's
         * {@code {placeholder}}s (for example Microsoft's {@code {tenant_id}}).
         *
         * @param providerKey the provider key, for example {@code "google"}
         * @param endpoint    which URL
         * @param url         an absolute http(s) URL
         * @return this builder
         * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
         */
        public Builder overrideUrl(String providerKey, ProviderEndpoint endpoint, String url) {
            Objects.requireNonNull(providerKey, "providerKey");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(url, "url");
            if (!(url.startsWith("http://") || url.startsWith("https://")) || url.indexOf('/', 8) == 8) {
                throw new IllegalArgumentException("url must be an absolute http(s) URL, was '" + url + "'");
            }
            urlOverrides
                    .computeIfAbsent(providerKey, key -> new LinkedHashMap<>())
                    .put(endpoint, url);
            return this;
        }

        /**
         * @return the registry
         * @throws IllegalStateException when two definitions share a key and neither came through
         *                               {@link #replace(ProviderDefinition)} (or two replacements do), or a URL
         *                               override names a provider or endpoint the registry does not have
         */
        public ProviderRegistry build() {
            Map<String, ProviderDefinition> byKey = new LinkedHashMap<>();
            List<ProviderDefinition> ordered = new ArrayList<>(builtIns);
            ordered.addAll(contributed);
            for (ProviderDefinition definition : ordered) {
                ProviderDefinition existing = byKey.putIfAbsent(definition.key(), definition);
                if (existing != null && !existing.equals(definition)) {
                    throw new IllegalStateException("Provider key '" + definition.key() + "' is defined twice ("
                            + existing.name() + " and " + definition.name() + "): use ProviderRegistry.Builder"
                            + ".replace(definition) to replace a provider");
                }
            }
            Map<String, ProviderDefinition> replaced = new LinkedHashMap<>();
            for (ProviderDefinition replacement : replacements) {
                if (replaced.put(replacement.key(), replacement) != null) {
                    throw new IllegalStateException("Provider key '" + replacement.key() + "' is replaced twice");
                }
                byKey.put(replacement.key(), replacement);
            }
            urlOverrides.keySet().forEach(key -> {
                if (!byKey.containsKey(key)) {
                    throw new IllegalStateException("URL override for provider '" + key + "', which is not registered");
                }
            });
            byKey.replaceAll((key, definition) -> override(rebase(definition)));
            if (!replaced.isEmpty()) {
                LOG.info("Provider definitions replaced by the application: {}", replaced.keySet());
            }
            return new ProviderRegistry(byKey, baseUrlOverrides, globalBaseUrl);
        }

        private ProviderDefinition override(ProviderDefinition definition) {
            Map<ProviderEndpoint, String> urls = urlOverrides.get(definition.key());
            if (urls == null) {
                return definition;
            }
            ProviderDefinition.Builder builder = definition.toBuilder();
            Optional<OAuthConfig> oauth = definition.oauthConfig();
            Optional<ValidationSpec.Http> validation = definition
                    .validation()
                    .filter(ValidationSpec.Http.class::isInstance)
                    .map(ValidationSpec.Http.class::cast);
            for (ProviderEndpoint endpoint : urls.keySet()) {
                boolean present = switch (endpoint) {
                    case AUTHORIZATION, TOKEN -> oauth.isPresent();
                    case USERINFO -> oauth.flatMap(OAuthConfig::userinfoUrl).isPresent();
                    case VALIDATION -> validation.isPresent();
                    case API_BASE -> definition.baseUrl().isPresent();
                };
                if (!present) {
                    throw new IllegalStateException("URL override for " + endpoint + " of provider '" + definition.key()
                            + "', which has no such endpoint");
                }
            }
            oauth.ifPresent(config -> {
                OAuthConfig.Builder changed = config.toBuilder();
                Optional.ofNullable(urls.get(ProviderEndpoint.AUTHORIZATION)).ifPresent(changed::authUrl);
                Optional.ofNullable(urls.get(ProviderEndpoint.TOKEN)).ifPresent(changed::tokenUrl);
                Optional.ofNullable(urls.get(ProviderEndpoint.USERINFO)).ifPresent(changed::userinfoUrl);
                builder.oauth(changed.build());
            });
            validation.ifPresent(spec -> Optional.ofNullable(urls.get(ProviderEndpoint.VALIDATION))
                    .ifPresent(url -> builder.validation(spec.withUrl(url))));
            Optional.ofNullable(urls.get(ProviderEndpoint.API_BASE)).ifPresent(builder::baseUrl);
            return builder.build();
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
            if (!("http".equals(scheme) || "https".equals(scheme))
                    || baseUrl.getHost() == null
                    || baseUrl.getRawQuery() != null
                    || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException(
                        "baseUrl must be an absolute http(s) URL without query or fragment, was '" + baseUrl + "'");
            }
            return baseUrl;
        }
    }
}
