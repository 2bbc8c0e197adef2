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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code object_storage} strategy (PhoenixKit's {@code Validators.object_storage/1}): S3 {@code ListBuckets}
 * ({@code GET /}, SigV4 for {@code s3}) on an explicit host (the trimmed endpoint, or
 * {@code s3.<region>.amazonaws.com}, {@code .amazonaws.com.cn} for {@code cn-*}; region default
 * {@code us-east-1}), with the confirm-retry; {@code AccessDenied*} is "valid, but not authorized to list
 * buckets". Stateless.
 */
public final class ObjectStorageCheck implements CredentialCheck {
    /** The optional region setup field. */
    public static final String REGION = "region";
    /** The optional endpoint setup field. */
    public static final String ENDPOINT = "endpoint";

    private static final List<String> BUSY_CODES = List.of("SlowDown", "InternalError", "ServiceUnavailable");
    private static final String UNREACHABLE = "Could not reach the storage endpoint";
    private static final Logger LOG = LoggerFactory.getLogger(ObjectStorageCheck.class);

    @Override
    public ValidationResult check(CheckContext context) throws InterruptedException {
        Optional<String> accessKey = context.text(Fields.ACCESS_KEY);
        Optional<String> secretKey = context.text(Fields.SECRET_KEY);
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            return ValidationResult.error("Incomplete credentials");
        }
        String region = context.text(REGION).orElse(AwsHosts.DEFAULT_STORAGE_REGION);
        Optional<String> endpoint = AwsHosts.endpointHost(context.text(ENDPOINT).orElse(null));
        String host;
        if (endpoint.isPresent()) {
            if (!AwsHosts.plainHost(endpoint.get())) {
                return ValidationResult.error(
                        "Invalid endpoint (expected a host name such as s3.us-west-002.backblazeb2.com)");
            }
            host = endpoint.get();
        } else {
            if (!AwsHosts.validRegion(region)) {
                return ValidationResult.error("Invalid region format (expected e.g. eu-central-1)");
            }
            host = AwsHosts.s3Host(region);
        }
        AwsCall.Credentials credentials = new AwsCall.Credentials(accessKey.get(), secretKey.get(), region, "s3");
        return AwsCall.confirming(() -> attempt(context, host, credentials)).result();
    }

    private static AwsCall.Verdict attempt(CheckContext context, String host, AwsCall.Credentials credentials) {
        CheckResponse response;
        try {
            response = AwsCall.send(context, "GET", host, null, new byte[0], true, credentials);
        } catch (IntegrationException e) {
            if (e.error() != IntegrationError.TRANSPORT_FAILED) {
                throw e;
            }
            LOG.warn("Object storage connection check failed: {}", e.getMessage());
            return AwsCall.Verdict.done(Deadlines.failedCall(context, UNREACHABLE));
        }
        if (response.status() >= 200 && response.status() < 300) {
            return AwsCall.Verdict.done(ValidationResult.ok());
        }
        return interpret(AwsCall.errorCode(response));
    }

    /**
     * PhoenixKit's {@code interpret_object_storage_error/1}.
     *
     * @param code the S3 error code of a non-2xx answer, if its body had one
     * @return the verdict
     */
    static AwsCall.Verdict interpret(Optional<String> code) {
        if (code.isEmpty()) {
            return AwsCall.Verdict.done(ValidationResult.error(UNREACHABLE));
        }
        String value = code.get();
        if (value.equals("InvalidAccessKeyId") || value.equals("SignatureDoesNotMatch")) {
            return AwsCall.Verdict.confirmFirst();
        }
        if (value.startsWith("AccessDenied")) {
            return AwsCall.Verdict.done(
                    ValidationResult.error("Credentials are valid, but not authorized to list buckets"));
        }
        if (BUSY_CODES.contains(value)) {
            return AwsCall.Verdict.done(ValidationResult.error("Storage service is busy — try again in a moment"));
        }
        return AwsCall.Verdict.done(ValidationResult.error("Storage error: " + value));
    }

    @Override
    public String toString() {
        return "ObjectStorageCheck";
    }
}
