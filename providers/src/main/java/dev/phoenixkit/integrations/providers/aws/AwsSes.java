package dev.phoenixkit.integrations.providers.aws;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import dev.phoenixkit.integrations.providers.aws.internal.SesCheck;
import java.util.List;

/**
 * Amazon SES by an IAM access key and secret, validated with the strategy {@code aws_ses}: the SES Query
 * {@code GetSendQuota} signed with {@link SigV4} on {@code email.<region>.amazonaws.com}, with AWS's confirm-retry
 * (a signature or key rejection is retried once after one second before "Invalid credentials"). Success notes the
 * send quota; a key that may send but not read the quota passes with a note saying so. Stateless.
 */
public final class AwsSes {
    /** The provider key. */
    public static final String KEY = "aws_ses";
    /** The region setup field. */
    public static final String AWS_REGION = SesCheck.AWS_REGION;

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .name("Amazon SES")
            .description("AWS Simple Email Service (SMTP credentials via SES API)")
            .icon("hero-envelope")
            .authType(AuthType.KEY_SECRET)
            .validation(ValidationSpec.strategy(KEY, new SesCheck()))
            .setupField(accessKeyField())
            .setupField(secretKeyField())
            .setupField(SetupField.builder(AWS_REGION)
                    .label("Region")
                    .type(SetupFieldType.TEXT)
                    .required(true)
                    .placeholder("eu-central-1")
                    .build())
            .capability("email_send")
            .instruction(InstructionSection.of(
                    "Create an IAM user with SES access",
                    List.of(
                            "In the [IAM console](https://console.aws.amazon.com/iam/home#/users) create a user for"
                                    + " programmatic access and attach an SES policy (least privilege:"
                                    + " `ses:SendEmail`/`ses:SendRawEmail`; docs: [SES setup]"
                                    + "(https://docs.aws.amazon.com/ses/latest/dg/setting-up.html))",
                            "Create an access key for that user (Security credentials → Create access key) and paste"
                                    + " the ID and secret above")))
            .instruction(InstructionSection.of(
                    "Verify a sender in SES",
                    List.of(
                            "In the [SES console](https://console.aws.amazon.com/ses/home#/identities) verify your"
                                    + " domain or sender address — SES refuses to send from unverified identities",
                            "New accounts start in the SES sandbox (verified recipients only) — [request production"
                                    + " access](https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html)"
                                    + " before real sending"),
                    "This connection stores the credential. The full sending pipeline — configuration set, SNS topic,"
                            + " SQS event queue, delivery tracking — is configured in Admin → Settings → Emails, which"
                            + " can select this connection as its credential source."))
            .build();

    private AwsSes() {}

    /** @return the Amazon SES provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }

    /** The {@code access_key} field (label "Access Key ID"), shared with object storage. */
    static SetupField accessKeyField() {
        return SetupField.builder(Fields.ACCESS_KEY)
                .label("Access Key ID")
                .type(SetupFieldType.TEXT)
                .required(true)
                .placeholder("AKIA…")
                .build();
    }

    /** The {@code secret_key} field (label "Secret Access Key"), shared with object storage. */
    static SetupField secretKeyField() {
        return SetupField.builder(Fields.SECRET_KEY)
                .label("Secret Access Key")
                .type(SetupFieldType.PASSWORD)
                .required(true)
                .placeholder("...")
                .build();
    }
}
