package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property test: 10,000 tries, each pushing a generated provider, two generated names and a generated reference
 * through add / rename / get / resolve / find / isConnected (rows are kept, so later tries meet earlier names;
 * only registered providers can be added: {@code openrouter}, {@code google}, {@code a.b}, {@code x-y}, {@code a_b}). Asserts the storage-key invariant (the key column is
 * always {@code integration:<provider>:<trimmed name>} with exactly two separators, and provider and name read back
 * from the key) and that only {@link IntegrationException} ever escapes.
 */
class NamesAndRefsPropertyTest {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-_]*$");
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static TestDatabase database;
    private static Integrations integrations;

    @BeforeContainer
    static void startDatabase() {
        database = PostgresServer.shared().createDatabase();
        // the keys with '.', '-' and '_' are registered too, so the key invariant is exercised on them
        ProviderRegistry.Builder registry = ProviderRegistry.builder();
        TestIntegrations.registry().all().forEach(registry::add);
        for (String key : List.of("a.b", "x-y", "a_b")) {
            registry.add(ProviderDefinition.builder(key)
                    .name(key)
                    .authType(AuthType.API_KEY)
                    .build());
        }
        integrations = Integrations.builder()
                .dataSource(database.dataSource())
                .providers(registry.build())
                .cipher(SecretCipher.fromSecretKeyBase(TestIntegrations.SECRET_KEY_BASE))
                .clock(TestIntegrations.tickingClock())
                .build();
    }

    @AfterContainer
    static void stopDatabase() {
        assertThat(TRIES.get()).isGreaterThanOrEqualTo(10_000);
        database.close();
    }

    @Provide
    Arbitrary<String> providers() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        5, Arbitraries.of("openrouter", "google", "aws", "a.b", "x-y", "a_b", "a%", "p:q", "", " ")),
                net.jqwik.api.Tuple.of(
                        2, Arbitraries.strings().withChars("abz09-._:%_ ").ofMaxLength(8)));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        4,
                        Arbitraries.strings()
                                .withChars("abcXYZ019-_")
                                .ofMinLength(1)
                                .ofMaxLength(12)),
                net.jqwik.api.Tuple.of(
                        3, Arbitraries.strings().withChars("ab1-_:%/ \t\\'\"ü✓").ofMaxLength(12)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("default", " default ", "", "   ", "-x", "_x", "a".repeat(300))),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(10)));
    }

    @Provide
    Arbitrary<String> refs() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        3, Arbitraries.strings().withChars("ab1:%_-. ").ofMaxLength(12)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "",
                                ":",
                                "::",
                                "openrouter:",
                                ":default",
                                "openrouter",
                                "openrouter:default",
                                "00000000-0000-7000-8000-000000000000",
                                "00000000-0000-7000-8000-00000000000Z",
                                "integration:openrouter:default")),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.create(() -> UUID.randomUUID().toString())),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(10)));
    }

    @Property(tries = 10_000)
    void namesAndRefsWhenAnyInputThenKeyInvariantHoldsAndOnlyIntegrationExceptionEscapes(
            @ForAll("providers") String provider,
            @ForAll("names") String name,
            @ForAll("names") String newName,
            @ForAll("refs") String ref) {
        TRIES.incrementAndGet();
        Connection added = attempt(() -> integrations.addConnection(provider, name));
        if (added != null) {
            assertThat(NAME.matcher(added.name()).matches()).isTrue();
            assertThat(added.name()).isEqualTo(name.strip());
            assertKeyInvariant(added.uuid(), provider, added.name());

            IntegrationData renamed = attempt(() -> integrations.renameConnection(added.uuid(), newName));
            String expectedName = renamed != null ? newName.strip() : added.name();
            assertKeyInvariant(added.uuid(), provider, expectedName);
            assertThat(integrations.resolveToUuid(provider + ":" + expectedName))
                    .isEqualTo(added.uuid());
        }

        attempt(() -> integrations.getIntegration(ref));
        attempt(() -> integrations.resolveToUuid(ref));
        attempt(() -> integrations.findUuidByProviderName(ref));
        attempt(() -> Integrations.settingsKey(ref));
        assertThat(attempt(() -> integrations.isConnected(ref))).isNotNull();
    }

    private static void assertKeyInvariant(UUID uuid, String provider, String name) {
        String key = database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT key FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                                .bind("uuid", uuid)
                                .mapTo(String.class)
                                .one());
        assertThat(key).isEqualTo("integration:" + provider + ":" + name);
        assertThat(key.chars().filter(c -> c == ':').count()).isEqualTo(2);
        Connection connection = integrations.getIntegrationByUuid(uuid);
        assertThat(connection.provider()).isEqualTo(provider);
        assertThat(connection.name()).isEqualTo(name);
        assertThat(connection.data().name()).contains(name);
    }

    /** Runs a call; an {@link IntegrationException} gives {@code null}, anything else fails the property. */
    private static <T> T attempt(Supplier<T> call) {
        try {
            return call.get();
        } catch (IntegrationException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
    }
}
