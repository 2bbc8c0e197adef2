package dev.phoenixkit.integrations.providers.aws.internal;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.provider.CheckContext;
import dev.phoenixkit.integrations.provider.CheckResponse;
import dev.phoenixkit.integrations.provider.CredentialCheck;
import dev.phoenixkit.integrations.providers.internal.Deadlines;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code amazon_bedrock} strategy (PhoenixKit's {@code Validators.amazon_bedrock/1}): {@code GET
 * https://bedrock.<region>.amazonaws.com/foundation-models} with {@code Authorization: Bearer <key>}, once, no
 * retry. 200 with {@code modelSummaries} gives the catalog-size note; 401 "Invalid credentials"; 403 the
 * {@code bedrock:CallWithBearerToken} hint. Stateless.
 */
public final class BedrockCheck implements CredentialCheck {
    /** The region setup field. */
    public static final String AWS_REGION = "aws_region";

    private static final Logger LOG = LoggerFactory.getLogger(BedrockCheck.class);

    @Override
    public ValidationResult check(CheckContext context) {
        Optional<String> key = context.text(Fields.API_KEY);
        Optional<String> region = context.text(AWS_REGION);
        if (key.isEmpty()) {
            return ValidationResult.error("No credentials configured");
        }
        if (region.isEmpty()) {
            return ValidationResult.error("Region is required");
        }
        if (!AwsHosts.validRegion(region.get())) {
            return ValidationResult.error("Invalid region format (expected e.g. eu-central-1)");
        }
        String where = region.get();
        CheckResponse response;
        try {
            response = context.get(
                    AwsHosts.bedrockBase(where) + "/foundation-models", Map.of("Authorization", "Bearer " + key.get()));
        } catch (IntegrationException e) {
            if (e.error() != IntegrationError.TRANSPORT_FAILED) {
                throw e;
            }
            LOG.warn("Bedrock connection check failed: {}", e.getMessage());
            return Deadlines.failedCall(context, "Could not reach Bedrock in " + where);
        }
        return switch (response.status()) {
            case 200 ->
                response.json()
                        .map(body -> body.get("modelSummaries"))
                        .filter(List.class::isInstance)
                        .map(models -> ValidationResult.ok(modelsNote(((List<?>) models).size(), where)))
                        .orElseGet(ValidationResult::ok);
            case 401 -> ValidationResult.error("Invalid credentials");
            case 403 ->
                ValidationResult.error("Key authenticated but not authorised in " + where
                        + " — allow bedrock:CallWithBearerToken (and ListFoundationModels) on its IAM identity, or check"
                        + " the key was issued for this region");
            default -> ValidationResult.error("Bedrock error " + response.status());
        };
    }

    /**
     * @param count  the number of models in the region's catalog
     * @param region the region
     * @return PhoenixKit's note, for example {@code "Model catalog in eu-central-1: 42 (grants are configured
     *         separately)"}
     */
    public static String modelsNote(int count, String region) {
        return "Model catalog in " + region + ": " + count + " (grants are configured separately)";
    }

    @Override
    public String toString() {
        return "BedrockCheck";
    }
}
