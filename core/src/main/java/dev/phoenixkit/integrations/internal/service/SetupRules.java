package dev.phoenixkit.integrations.internal.service;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.integrations.provider.SetupField;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a new connection and its setup must name (docs/decisions/catalog-input.md): a provider the registry knows,
 * and only fields that provider knows ({@link ProviderDefinition#knownFields()}). Rows already stored are not
 * affected (a provider the registry does not know, fields PhoenixKit wrote): only names passed in are checked.
 *
 * <p>Thread-safe (stateless).
 */
public final class SetupRules {
    private SetupRules() {}

    /**
     * The provider a new connection is born with.
     *
     * @param providers the registry
     * @param key       a well-formed provider key
     * @return its definition
     * @throws IntegrationException {@code UNKNOWN_PROVIDER} naming the key and listing the registered keys
     */
    public static ProviderDefinition registered(ProviderRegistry providers, String key) {
        return providers.get(key).orElseThrow(() -> unknownProvider(providers, key));
    }

    /**
     * Refuses attribute names the provider does not know (a misspelling such as {@code apikey}). The message names
     * the unknown fields, suggests a close known one, and lists the setup fields and the other known fields; it
     * never holds a value.
     *
     * @param provider the provider the attributes are for
     * @param names    the attribute names passed in
     * @throws IntegrationException {@code UNKNOWN_FIELD}
     */
    public static void checkFields(ProviderDefinition provider, Collection<String> names) {
        List<String> unknown = names.stream()
                .filter(name -> !provider.knownFields().contains(name))
                .sorted()
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<String> setup =
                provider.setupFields().stream().map(SetupField::key).toList();
        String others = provider.knownFields().stream()
                .filter(name -> !setup.contains(name))
                .sorted()
                .collect(Collectors.joining(", "));
        StringBuilder message = new StringBuilder()
                .append(unknown.size() == 1 ? "Unknown field " : "Unknown fields ")
                .append(unknown.stream().map(SetupRules::quoted).collect(Collectors.joining(", ")))
                .append(" for provider '")
                .append(provider.key())
                .append('\'');
        suggestion(provider, unknown.get(0))
                .ifPresent(
                        near -> message.append(" (did you mean '").append(near).append("'?)"));
        message.append("; setup fields: ")
                .append(setup.isEmpty() ? "none" : String.join(", ", setup))
                .append("; other known fields: ")
                .append(others);
        throw new IntegrationException(IntegrationError.UNKNOWN_FIELD, message.toString());
    }

    /**
     * A known field equal to {@code name} but for case and separators, or a few edits from it (one per four
     * characters, at least one: {@code acess_key} finds {@code access_key}, {@code note} does not find
     * {@code name}).
     */
    private static Optional<String> suggestion(ProviderDefinition provider, String name) {
        String folded = fold(name);
        Optional<String> same = provider.knownFields().stream()
                .filter(known -> fold(known).equals(folded))
                .findFirst();
        if (same.isPresent()) {
            return same;
        }
        int allowed = Math.max(1, folded.length() / 4);
        return provider.knownFields().stream()
                .filter(known -> distance(fold(known), folded) <= allowed)
                .findFirst();
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Levenshtein distance (names are short). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A name as shown in a message: quoted, control characters replaced, at most 64 characters. */
    private static String quoted(String name) {
        String shown = name.chars()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "'" + (shown.length() > 64 ? shown.substring(0, 64) + "…" : shown) + "'";
    }

    private static IntegrationException unknownProvider(ProviderRegistry providers, String key) {
        String known = providers.all().stream().map(ProviderDefinition::key).collect(Collectors.joining(", "));
        return new IntegrationException(
                IntegrationError.UNKNOWN_PROVIDER,
                "Unknown provider '" + key + "'; registered providers: " + (known.isEmpty() ? "none" : known));
    }
}
