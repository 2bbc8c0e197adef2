package dev.phoenixkit.integrations.provider;

import java.util.List;

/**
 * Contributes provider definitions to a {@link ProviderRegistry}. Service-provider interface: implementations are
 * found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.phoenixkit.integrations.provider.ProviderSource}) by
 * {@link ProviderRegistry#loadDefault()}, or registered explicitly with
 * {@link ProviderRegistry.Builder#addAll(ProviderSource)}.
 *
 * <p>Implementations need a public no-argument constructor for {@code ServiceLoader} and must be thread-safe.
 */
@FunctionalInterface
public interface ProviderSource {
    /**
     * @return the definitions this source contributes, in display order; called once per registry build
     */
    List<ProviderDefinition> providers();

    /**
     * Whether these are built-in providers. Built-ins come first in {@link ProviderRegistry#all()} and win a key
     * clash with any other source. Only the library's own {@code providers} module should answer {@code true}.
     *
     * @return {@code false} by default
     */
    default boolean builtIn() {
        return false;
    }
}
