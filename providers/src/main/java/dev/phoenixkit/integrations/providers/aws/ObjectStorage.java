package dev.phoenixkit.integrations.providers.aws;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import dev.phoenixkit.integrations.providers.aws.internal.ObjectStorageCheck;

/**
 * S3-compatible object storage (AWS S3, Cloudflare R2, Backblaze B2, Tigris, self-hosted) by access key and
 * secret, validated with the strategy {@code object_storage}: S3 {@code ListBuckets} signed with {@link SigV4} on an
 * explicit host, the {@code endpoint} field (scheme and trailing {@code /} removed) or
 * {@code s3.<region>.amazonaws.com} ({@code .amazonaws.com.cn} for {@code cn-*}; region default
 * {@code us-east-1}), with AWS's confirm-retry. Stateless.
 */
public final class ObjectStorage {
    /** The provider key. */
    public static final String KEY = "object_storage";
    /** The optional region setup field. */
    public static final String REGION = ObjectStorageCheck.REGION;
    /** The optional endpoint setup field. */
    public static final String ENDPOINT = ObjectStorageCheck.ENDPOINT;

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .name("Object Storage (S3-compatible)")
            .description("S3-compatible object storage — AWS S3, Cloudflare R2, Backblaze B2, Tigris, or a"
                    + " self-hosted endpoint")
            .icon("hero-circle-stack")
            .authType(AuthType.KEY_SECRET)
            .validation(ValidationSpec.strategy(KEY, new ObjectStorageCheck()))
            .setupField(AwsSes.accessKeyField())
            .setupField(AwsSes.secretKeyField())
            .setupField(SetupField.builder(REGION)
                    .label("Region")
                    .type(SetupFieldType.TEXT)
                    .required(false)
                    .placeholder("eu-central-1")
                    .help("Not every S3-compatible provider needs one — leave blank if the endpoint doesn't require"
                            + " it.")
                    .build())
            .setupField(SetupField.builder(ENDPOINT)
                    .label("Endpoint")
                    .type(SetupFieldType.TEXT)
                    .required(false)
                    .placeholder("s3.us-west-002.backblazeb2.com")
                    .help("Required for Cloudflare R2, Backblaze B2, Tigris, and self-hosted S3-compatible storage."
                            + " Leave blank for AWS S3.")
                    .build())
            .capability("object_storage")
            .build();

    private ObjectStorage() {}

    /** @return the object storage provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
