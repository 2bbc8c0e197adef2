package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the README shows: {@code @PhoenixKitTest} together with a {@code @RegisterExtension} field. The annotation's
 * own instance steps aside (JUnit used to fail with "Discovered multiple competing ParameterResolvers"), the
 * field's customizer builds the facade, and the annotation's PER_CLASS isolation holds.
 */
@PhoenixKitTest(isolation = PhoenixKitTest.Isolation.PER_CLASS)
class PhoenixKitAnnotationWithRegisteredExtensionTest {
    private static final Set<String> DATABASES = new HashSet<>();

    @RegisterExtension
    static PhoenixKitExtension phoenixKit =
            PhoenixKitExtension.configuring(builder -> builder.providers(ProviderRegistry.builder()
                    .add(ProviderDefinition.builder("acme")
                            .name("Acme")
                            .authType(AuthType.API_KEY)
                            .build())
                    .build()));

    @BeforeAll
    static void classDatabase(TestDatabase database) {
        DATABASES.add(database.name());
    }

    @RepeatedTest(2)
    void fieldConfiguresTheFacadeAndTheClassSharesOneDatabase(Integrations integrations, TestDatabase database) {
        DATABASES.add(database.name());

        assertThat(integrations.listProviders())
                .extracting(ProviderDefinition::key)
                .containsExactly("acme");
        assertThat(DATABASES).hasSize(1);
    }

    @AfterAll
    static void oneDatabaseWasUsed() {
        assertThat(DATABASES).hasSize(1);
    }
}
