package dev.phoenixkit.integrations.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code aws_ses} and {@code object_storage} strategies over loopback against a fake that recomputes every
 * SigV4 signature: success, bad keys (with the confirm-retry), denied, throttled, skewed clock, hung and unreachable.
 */
@PhoenixKitTest
class AwsChecksTest {
    private static final String ACCESS_KEY = "AKIAFAKEACCESSKEY01";
    private static final String SECRET = "fake/secret+key/0123456789abcdefghijklmn";

    private AwsFixture fixture;

    @BeforeEach
    void setUp(DataSource dataSource) {
        fixture = new AwsFixture(dataSource);
        fixture.aws.addKey(ACCESS_KEY, SECRET).region("eu-west-1").addBucket("reports");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static Map<String, Object> keys(String accessKey, String secret) {
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("access_key", accessKey);
        attrs.put("secret_key", secret);
        return attrs;
    }

    @Nested
    class Ses {
        private Map<String, Object> attrs(String accessKey, String secret, String region) {
            Map<String, Object> attrs = keys(accessKey, secret);
            attrs.put("aws_region", region);
            return attrs;
        }

        private ValidationResult validate(Map<String, Object> attrs) {
            return fixture.validate("aws_ses", attrs);
        }

        @Test
        void goodKeysPassWithTheSendQuotaNote() {
            assertThat(validate(attrs(ACCESS_KEY, SECRET, "eu-west-1")))
                    .isEqualTo(ValidationResult.ok("Quota: 12 / 50,000 sent last 24h · max 14/s"));
            assertThat(fixture.aws.requestCount()).isEqualTo(1);
        }

        @Test
        void anUnknownKeyIsConfirmedOnceThenInvalidCredentials() {
            assertThat(validate(attrs("AKIAUNKNOWN", SECRET, "eu-west-1")))
                    .isEqualTo(ValidationResult.error("Invalid credentials"));
            assertThat(fixture.aws.requestCount()).isEqualTo(2);
        }

        @Test
        void aWrongSecretIsConfirmedOnceThenInvalidCredentials() {
            assertThat(validate(attrs(ACCESS_KEY, "not-the-secret", "eu-west-1")))
                    .isEqualTo(ValidationResult.error("Invalid credentials"));
            assertThat(fixture.aws.requestCount()).isEqualTo(2);
        }

        @Test
        void aTransientRejectionOfGoodKeysIsAbsorbedByTheConfirmRetry() {
            fixture.aws.rejectCorrectSignatures(1);

            assertThat(validate(attrs(ACCESS_KEY, SECRET, "eu-west-1")))
                    .isEqualTo(ValidationResult.ok("Quota: 12 / 50,000 sent last 24h · max 14/s"));
            assertThat(fixture.aws.requestCount()).isEqualTo(2);
        }

        @Test
        void aSendOnlyKeyPassesWithANoteThatSendingWasNotVerified() {
            fixture.aws.denyAccess(true);

            assertThat(validate(attrs(ACCESS_KEY, SECRET, "eu-west-1")))
                    .isEqualTo(ValidationResult.ok(
                            "Credentials are valid, but not authorised for GetSendQuota — sending was not verified"));
        }

        @Test
        void throttlingIsBusyNotInvalid() {
            fixture.aws.throttle(true);

            assertThat(validate(attrs(ACCESS_KEY, SECRET, "eu-west-1")))
                    .isEqualTo(ValidationResult.error("AWS SES is busy — try again in a moment"));
            assertThat(fixture.aws.requestCount()).isEqualTo(1);
        }

        @Test
        void aSkewedClockIsReportedAsBusyAsPhoenixKitDoes() {
            assertThat(fixture.skewed(Duration.ofHours(1))
                            .validateCredentials("aws_ses", attrs(ACCESS_KEY, SECRET, "eu-west-1")))
                    .isEqualTo(ValidationResult.error("AWS SES is busy — try again in a moment"));
        }

        @Test
        void keysSignedForAnotherRegionAreInvalid() {
            assertThat(validate(attrs(ACCESS_KEY, SECRET, "us-east-1")))
                    .isEqualTo(ValidationResult.error("Invalid credentials"));
        }

        @Test
        void incompleteSettingsAreRefusedWithoutACall() {
            assertThat(validate(attrs(ACCESS_KEY, " ", "eu-west-1")))
                    .isEqualTo(ValidationResult.error("Incomplete credentials"));
            assertThat(validate(attrs(ACCESS_KEY, SECRET, ""))).isEqualTo(ValidationResult.error("Region is required"));
            assertThat(validate(attrs(ACCESS_KEY, SECRET, "email.evil.example/x")))
                    .isEqualTo(ValidationResult.error("Invalid region format (expected e.g. eu-central-1)"));
            assertThat(fixture.aws.requestCount()).isZero();
        }

        @Test
        void aHungServiceGivesTheDeadlineMessage() {
            fixture.aws.hang(true);

            assertThat(fixture.impatient().validateCredentials("aws_ses", attrs(ACCESS_KEY, SECRET, "eu-west-1")))
                    .isEqualTo(ValidationResult.error("The service did not respond in time"));
        }

        @Test
        void anUnreachableServiceIsCouldNotReachSes() {
            assertThat(fixture.unreachable().validateCredentials("aws_ses", attrs(ACCESS_KEY, SECRET, "eu-west-1")))
                    .isEqualTo(ValidationResult.error("Could not reach AWS SES"));
        }
    }

    @Nested
    class ObjectStorage {
        private ValidationResult validate(Map<String, Object> attrs) {
            return fixture.validate("object_storage", attrs);
        }

        private Map<String, Object> inRegion(String region) {
            Map<String, Object> attrs = keys(ACCESS_KEY, SECRET);
            attrs.put("region", region);
            return attrs;
        }

        @Test
        void goodKeysPass() {
            assertThat(validate(inRegion("eu-west-1"))).isEqualTo(ValidationResult.ok());
            assertThat(fixture.aws.requestCount()).isEqualTo(1);
        }

        @Test
        void aBlankRegionSignsForUsEast1() {
            fixture.aws.region("us-east-1");

            assertThat(validate(keys(ACCESS_KEY, SECRET))).isEqualTo(ValidationResult.ok());
        }

        @Test
        void anExplicitEndpointTakesAnyRegionName() {
            fixture.aws.region("auto");
            Map<String, Object> attrs = inRegion("auto");
            attrs.put("endpoint", "https://0123abcd.r2.cloudflarestorage.com/");

            assertThat(validate(attrs)).isEqualTo(ValidationResult.ok());
        }

        @Test
        void anEndpointWithAPathIsRefusedWithoutACall() {
            Map<String, Object> attrs = inRegion("auto");
            attrs.put("endpoint", "minio.internal:9000/bucket");

            assertThat(validate(attrs))
                    .isEqualTo(ValidationResult.error(
                            "Invalid endpoint (expected a host name such as s3.us-west-002.backblazeb2.com)"));
            assertThat(fixture.aws.requestCount()).isZero();
        }

        @Test
        void aWrongSecretIsConfirmedOnceThenInvalidCredentials() {
            Map<String, Object> attrs = inRegion("eu-west-1");
            attrs.put("secret_key", "not-the-secret");

            assertThat(validate(attrs)).isEqualTo(ValidationResult.error("Invalid credentials"));
            assertThat(fixture.aws.requestCount()).isEqualTo(2);
        }

        @Test
        void anUnknownKeyIsConfirmedOnceThenInvalidCredentials() {
            Map<String, Object> attrs = inRegion("eu-west-1");
            attrs.put("access_key", "AKIAUNKNOWN");

            assertThat(validate(attrs)).isEqualTo(ValidationResult.error("Invalid credentials"));
            assertThat(fixture.aws.requestCount()).isEqualTo(2);
        }

        @Test
        void aTransientRejectionOfGoodKeysIsAbsorbedByTheConfirmRetry() {
            fixture.aws.rejectCorrectSignatures(1);

            assertThat(validate(inRegion("eu-west-1"))).isEqualTo(ValidationResult.ok());
            assertThat(fixture.aws.requestCount()).isEqualTo(2);
        }

        @Test
        void aKeyScopedToOneBucketIsValidButNotAuthorized() {
            fixture.aws.denyAccess(true);

            assertThat(validate(inRegion("eu-west-1")))
                    .isEqualTo(ValidationResult.error("Credentials are valid, but not authorized to list buckets"));
        }

        @Test
        void slowDownIsBusy() {
            fixture.aws.throttle(true);

            assertThat(validate(inRegion("eu-west-1")))
                    .isEqualTo(ValidationResult.error("Storage service is busy — try again in a moment"));
        }

        @Test
        void otherCodesAreShownVerbatim() {
            assertThat(validate(inRegion("eu-central-1")))
                    .isEqualTo(ValidationResult.error("Storage error: AuthorizationHeaderMalformed"));
            assertThat(fixture.skewed(Duration.ofHours(1)).validateCredentials("object_storage", inRegion("eu-west-1")))
                    .isEqualTo(ValidationResult.error("Storage error: RequestTimeTooSkewed"));
        }

        @Test
        void incompleteKeysAreRefusedWithoutACall() {
            assertThat(validate(Map.of("access_key", ACCESS_KEY)))
                    .isEqualTo(ValidationResult.error("Incomplete credentials"));
            assertThat(validate(inRegion("not a region")))
                    .isEqualTo(ValidationResult.error("Invalid region format (expected e.g. eu-central-1)"));
            assertThat(fixture.aws.requestCount()).isZero();
        }

        @Test
        void aHungServiceGivesTheDeadlineMessage() {
            fixture.aws.hang(true);

            assertThat(fixture.impatient().validateCredentials("object_storage", inRegion("eu-west-1")))
                    .isEqualTo(ValidationResult.error("The service did not respond in time"));
        }

        @Test
        void anUnreachableServiceIsCouldNotReachTheStorageEndpoint() {
            assertThat(fixture.unreachable().validateCredentials("object_storage", inRegion("eu-west-1")))
                    .isEqualTo(ValidationResult.error("Could not reach the storage endpoint"));
        }
    }
}
