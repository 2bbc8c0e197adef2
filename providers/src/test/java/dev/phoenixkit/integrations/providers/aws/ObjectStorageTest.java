package dev.phoenixkit.integrations.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import org.junit.jupiter.api.Test;

/** Pins {@code object_storage} to PhoenixKit's definition (providers.ex, reference §4). */
class ObjectStorageTest {
    private final ProviderDefinition provider = ObjectStorage.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(provider.key()).isEqualTo("object_storage");
        assertThat(provider.name()).isEqualTo("Object Storage (S3-compatible)");
        assertThat(provider.description())
                .isEqualTo("S3-compatible object storage — AWS S3, Cloudflare R2, Backblaze B2, Tigris, or a"
                        + " self-hosted endpoint");
        assertThat(provider.icon()).isEqualTo("hero-circle-stack");
        assertThat(provider.authType()).isEqualTo(AuthType.KEY_SECRET);
        assertThat(provider.scopes()).containsExactly(ProviderScope.SYSTEM, ProviderScope.PERSONAL);
        assertThat(provider.baseUrl()).isEmpty();
        assertThat(provider.capabilities()).containsExactly("object_storage");
        assertThat(provider.instructions()).isEmpty();
    }

    @Test
    void validationIsTheNamedStrategy() {
        assertThat(provider.validation())
                .get()
                .isInstanceOfSatisfying(
                        ValidationSpec.Strategy.class,
                        strategy -> assertThat(strategy.name()).isEqualTo("object_storage"));
    }

    @Test
    void setupFieldsAreKeysThenOptionalRegionAndEndpoint() {
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
                        SetupField.builder("region")
                                .label("Region")
                                .type(SetupFieldType.TEXT)
                                .placeholder("eu-central-1")
                                .help("Not every S3-compatible provider needs one — leave blank if the endpoint"
                                        + " doesn't require it.")
                                .build(),
                        SetupField.builder("endpoint")
                                .label("Endpoint")
                                .type(SetupFieldType.TEXT)
                                .placeholder("s3.us-west-002.backblazeb2.com")
                                .help("Required for Cloudflare R2, Backblaze B2, Tigris, and self-hosted"
                                        + " S3-compatible storage. Leave blank for AWS S3.")
                                .build());
    }
}
