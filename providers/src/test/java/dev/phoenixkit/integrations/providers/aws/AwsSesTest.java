package dev.phoenixkit.integrations.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import org.junit.jupiter.api.Test;

/** Pins {@code aws_ses} to PhoenixKit's definition (providers.ex, reference §4). */
class AwsSesTest {
    private final ProviderDefinition provider = AwsSes.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(provider.key()).isEqualTo("aws_ses");
        assertThat(provider.name()).isEqualTo("Amazon SES");
        assertThat(provider.description()).isEqualTo("AWS Simple Email Service (SMTP credentials via SES API)");
        assertThat(provider.icon()).isEqualTo("hero-envelope");
        assertThat(provider.authType()).isEqualTo(AuthType.KEY_SECRET);
        assertThat(provider.oauthConfig()).isEmpty();
        assertThat(provider.scopes()).containsExactly(ProviderScope.SYSTEM, ProviderScope.PERSONAL);
        assertThat(provider.baseUrl()).isEmpty();
        assertThat(provider.capabilities()).containsExactly("email_send");
    }

    @Test
    void validationIsTheNamedStrategy() {
        assertThat(provider.validation())
                .get()
                .isInstanceOfSatisfying(
                        ValidationSpec.Strategy.class,
                        strategy -> assertThat(strategy.name()).isEqualTo("aws_ses"));
    }

    @Test
    void setupFieldsAreAccessKeySecretAndRegion() {
        assertThat(provider.setupFields())
                .containsExactly(
                        SetupField.builder("access_key")
                                .label("Access Key ID")
                                .type(SetupFieldType.TEXT)
                                .required(true)
                                .placeholder("AKIA…")
                                .build(),
                        SetupField.builder("secret_key")
                                .label("Secret Access Key")
                                .type(SetupFieldType.PASSWORD)
                                .required(true)
                                .placeholder("...")
                                .build(),
                        SetupField.builder("aws_region")
                                .label("Region")
                                .type(SetupFieldType.TEXT)
                                .required(true)
                                .placeholder("eu-central-1")
                                .build());
    }

    @Test
    void instructionsHaveTwoSectionsTheSecondWithThePipelineNote() {
        assertThat(provider.instructions())
                .extracting(InstructionSection::title)
                .containsExactly("Create an IAM user with SES access", "Verify a sender in SES");
        assertThat(provider.instructions())
                .extracting(section -> section.steps().size())
                .containsExactly(2, 2);
        assertThat(provider.instructions().get(0).note()).isEmpty();
        assertThat(provider.instructions().get(1).note().orElseThrow())
                .startsWith("This connection stores the credential.")
                .endsWith("which can select this connection as its credential source.");
    }
}
