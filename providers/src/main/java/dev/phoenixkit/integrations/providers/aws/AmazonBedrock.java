package dev.phoenixkit.integrations.providers.aws;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import dev.phoenixkit.integrations.providers.aws.internal.BedrockCheck;
import java.util.List;

/**
 * Amazon Bedrock by a long-term Bedrock API key (a plain bearer token, no SigV4), validated with the strategy
 * {@code amazon_bedrock}: {@code GET https://bedrock.<region>.amazonaws.com/foundation-models}
 * ({@code .amazonaws.com.cn} for {@code cn-*} regions), whose success note counts the region's model catalog. A
 * region that is not shaped like an AWS region ({@code ^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$}) is refused before any call.
 * Stateless.
 */
public final class AmazonBedrock {
    /** The provider key. */
    public static final String KEY = "amazon_bedrock";
    /** The region setup field. */
    public static final String AWS_REGION = BedrockCheck.AWS_REGION;

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .name("Amazon Bedrock")
            .description("AWS Bedrock LLMs via a Bedrock API key (OpenAI-compatible endpoint: gpt-oss models; the rest"
                    + " via native Converse)")
            .icon("hero-sparkles")
            .authType(AuthType.API_KEY)
            .baseUrl("https://bedrock-runtime.eu-central-1.amazonaws.com/openai/v1")
            .validation(ValidationSpec.strategy(KEY, new BedrockCheck()))
            .setupField(SetupField.builder(Fields.API_KEY)
                    .label("Bedrock API key")
                    .type(SetupFieldType.PASSWORD)
                    .required(true)
                    .placeholder("ABSK…")
                    .help("AWS console → Amazon Bedrock → API keys (long-term key)")
                    .build())
            .setupField(SetupField.builder(AWS_REGION)
                    .label("Region")
                    .type(SetupFieldType.TEXT)
                    .required(true)
                    .placeholder("eu-central-1")
                    .build())
            .capability("ai_completions")
            .instruction(InstructionSection.of(
                    "Create a Bedrock API key",
                    List.of(
                            "Open the [Bedrock console → API keys](https://console.aws.amazon.com/bedrock/home#/api-keys)"
                                    + " and generate a **long-term** key (docs: [Bedrock API keys]"
                                    + "(https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html))",
                            "Or attach one to an existing IAM user: [IAM console]"
                                    + "(https://console.aws.amazon.com/iam/home#/users) → user → Security credentials"
                                    + " → Bedrock API keys",
                            "Copy the key (shown once, `ABSK…`) and paste it into the form above"),
                    "The key's IAM identity must allow the `bedrock:CallWithBearerToken` action — without it every"
                            + " Bearer call answers 403 even when invoke permissions are in place."))
            .instruction(InstructionSection.of(
                    "Enable model access",
                    List.of(
                            "In [Bedrock → Model access](https://console.aws.amazon.com/bedrock/home#/modelaccess)"
                                    + " enable the models you plan to call — a key with no enabled models validates"
                                    + " but cannot complete",
                            "Pick the region where access was granted; the AI endpoint's base URL must use the same"
                                    + " region")))
            .instruction(InstructionSection.of(
                    "Use it from the AI module",
                    List.of(
                            "The OpenAI-compatible endpoint (`…/openai/v1`) currently serves only the"
                                    + " `openai.gpt-oss-*` models — Anthropic and the other Bedrock models answer on"
                                    + " the native Converse API with the same key",
                            "In the AI module, create an endpoint pointing at this connection with a `gpt-oss` model"
                                    + " and a base URL in the SAME region as this key")))
            .build();

    private AmazonBedrock() {}

    /** @return the Amazon Bedrock provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
