package dev.phoenixkit.integrations.providers.aws.internal;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.provider.CheckContext;
import dev.phoenixkit.integrations.provider.CheckResponse;
import dev.phoenixkit.integrations.provider.CredentialCheck;
import dev.phoenixkit.integrations.providers.internal.Deadlines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code aws_ses} strategy (PhoenixKit's {@code Validators.aws_ses/1}): the SES Query {@code GetSendQuota}
 * ({@code Version 2010-12-01}, a SigV4-signed form {@code POST /} to {@code email.<region>.amazonaws.com}), with
 * the confirm-retry ({@link AwsCall#confirming}); success carries the quota note, {@code AccessDenied*} passes with
 * the "not authorised for GetSendQuota" note (least-privilege send-only keys), throttling is "busy". Stateless.
 */
public final class SesCheck implements CredentialCheck {
    /** The region setup field. */
    public static final String AWS_REGION = "aws_region";

    static final String BODY = "Action=GetSendQuota&Version=2010-12-01";
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

    private static final List<String> BUSY_CODES =
            List.of("Throttling", "ThrottlingException", "RequestExpired", "ServiceUnavailable", "InternalFailure");
    private static final String UNREACHABLE = "Could not reach AWS SES";
    private static final Logger LOG = LoggerFactory.getLogger(SesCheck.class);

    @Override
    public ValidationResult check(CheckContext context) throws InterruptedException {
        Optional<String> accessKey = context.text(Fields.ACCESS_KEY);
        Optional<String> secretKey = context.text(Fields.SECRET_KEY);
        Optional<String> region = context.text(AWS_REGION);
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            return ValidationResult.error("Incomplete credentials");
        }
        if (region.isEmpty()) {
            return ValidationResult.error("Region is required");
        }
        if (!AwsHosts.validRegion(region.get())) {
            return ValidationResult.error("Invalid region format (expected e.g. eu-central-1)");
        }
        AwsCall.Credentials credentials =
                new AwsCall.Credentials(accessKey.get(), secretKey.get(), region.get(), "ses");
        String host = AwsHosts.sesHost(region.get());
        return AwsCall.confirming(() -> attempt(context, host, credentials)).result();
    }

    private static AwsCall.Verdict attempt(CheckContext context, String host, AwsCall.Credentials credentials) {
        CheckResponse response;
        try {
            response = AwsCall.send(
                    context, "POST", host, CONTENT_TYPE, BODY.getBytes(StandardCharsets.UTF_8), false, credentials);
        } catch (IntegrationException e) {
            if (e.error() != IntegrationError.TRANSPORT_FAILED) {
                throw e;
            }
            LOG.warn("SES connection check failed: {}", e.getMessage());
            return AwsCall.Verdict.done(Deadlines.failedCall(context, UNREACHABLE));
        }
        if (response.status() >= 200 && response.status() < 300) {
            return AwsCall.Verdict.done(
                    quotaNote(response.text()).map(ValidationResult::ok).orElseGet(ValidationResult::ok));
        }
        return interpret(AwsCall.errorCode(response));
    }

    /**
     * PhoenixKit's {@code interpret_ses_error/1}.
     *
     * @param code the AWS error code of a non-2xx answer, if its body had one
     * @return the verdict
     */
    static AwsCall.Verdict interpret(Optional<String> code) {
        if (code.isEmpty()) {
            return AwsCall.Verdict.done(ValidationResult.error(UNREACHABLE));
        }
        String value = code.get();
        if (AwsCall.CONFIRM_CODES.contains(value)) {
            return AwsCall.Verdict.confirmFirst();
        }
        if (BUSY_CODES.contains(value)) {
            return AwsCall.Verdict.done(ValidationResult.error("AWS SES is busy — try again in a moment"));
        }
        if (value.startsWith("AccessDenied")) {
            return AwsCall.Verdict.done(ValidationResult.ok(
                    "Credentials are valid, but not authorised for GetSendQuota — sending was not verified"));
        }
        return AwsCall.Verdict.done(ValidationResult.error("AWS SES error: " + value));
    }

    /**
     * PhoenixKit's {@code format_quota_note/1}.
     *
     * @param body a {@code GetSendQuota} XML answer
     * @return for example {@code "Quota: 12 / 50,000 sent last 24h · max 14/s"} ({@code unlimited} for a max of
     *         -1), empty when a value is missing
     */
    public static Optional<String> quotaNote(String body) {
        Optional<Double> max = tag(body, "Max24HourSend");
        Optional<Double> sent = tag(body, "SentLast24Hours");
        Optional<Double> rate = tag(body, "MaxSendRate");
        if (max.isEmpty() || sent.isEmpty() || rate.isEmpty()) {
            return Optional.empty();
        }
        String maxText = max.get() == -1.0 ? "unlimited" : format(max.get());
        return Optional.of(
                "Quota: " + format(sent.get()) + " / " + maxText + " sent last 24h · max " + format(rate.get()) + "/s");
    }

    private static Optional<Double> tag(String body, String name) {
        Matcher matcher =
                Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(body);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(matcher.group(1).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** PhoenixKit's {@code Number.format(round(x))}: rounded half away from zero, comma thousands. */
    private static String format(double value) {
        long rounded = (long) (Math.signum(value) * Math.floor(Math.abs(value) + 0.5));
        return String.format(Locale.ROOT, "%,d", rounded);
    }

    @Override
    public String toString() {
        return "SesCheck";
    }
}
