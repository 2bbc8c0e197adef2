package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PhoenixKitExtensionConfiguringTest {

    @RegisterExtension
    static PhoenixKitExtension phoenixKit =
            PhoenixKitExtension.configuring(builder -> builder.providers(ProviderRegistry.builder()
                    .add(ProviderDefinition.builder("acme")
                            .name("Acme")
                            .authType(AuthType.API_KEY)
                            .build())
                    .build()));

    @Test
    void customizerDecidesHowTheInjectedFacadeIsBuilt(Integrations integrations) {
        assertThat(integrations.listProviders())
                .extracting(ProviderDefinition::key)
                .containsExactly("acme");
    }
}
