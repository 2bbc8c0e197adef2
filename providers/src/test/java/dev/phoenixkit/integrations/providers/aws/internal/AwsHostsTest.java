package dev.phoenixkit.integrations.providers.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hosts, the region rule, endpoint clean-up and note formatting of the AWS strategies (PhoenixKit's pure helpers). */
class AwsHostsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"us-east-1", "eu-central-1", "il-central-1", "cn-northwest-1", "us-gov-west-1", "eusc-de-east-1"
            })
    void awsRegionsPassTheRegionRule(String region) {
        assertThat(AwsHosts.validRegion(region)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "eu-central", "EU-CENTRAL-1", "e-central-1", "eu-central-123", "evil.com/x", "eu central 1"})
    void anythingElseFailsIt(String region) {
        assertThat(AwsHosts.validRegion(region)).isFalse();
    }

    @Test
    void bedrockUsesTheChinaPartitionSuffixForCnRegions() {
        assertThat(AwsHosts.bedrockBase("eu-central-1")).isEqualTo("https://bedrock.eu-central-1.amazonaws.com");
        assertThat(AwsHosts.bedrockBase("cn-north-1")).isEqualTo("https://bedrock.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void sesAndS3HostsFollowTheRegion() {
        assertThat(AwsHosts.sesHost("il-central-1")).isEqualTo("email.il-central-1.amazonaws.com");
        assertThat(AwsHosts.sesHost("cn-northwest-1")).isEqualTo("email.cn-northwest-1.amazonaws.com.cn");
        assertThat(AwsHosts.s3Host("us-east-1")).isEqualTo("s3.us-east-1.amazonaws.com");
        assertThat(AwsHosts.s3Host("cn-north-1")).isEqualTo("s3.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void anEndpointLosesItsSchemeAndTrailingSlashes() {
        assertThat(AwsHosts.endpointHost(" HTTPS://0123abcd.r2.cloudflarestorage.com// "))
                .contains("0123abcd.r2.cloudflarestorage.com");
        assertThat(AwsHosts.endpointHost("http://minio.internal:9000/")).contains("minio.internal:9000");
        assertThat(AwsHosts.endpointHost("s3.us-west-002.backblazeb2.com")).contains("s3.us-west-002.backblazeb2.com");
        assertThat(AwsHosts.endpointHost("  ")).isEmpty();
        assertThat(AwsHosts.endpointHost(null)).isEmpty();
    }

    @Test
    void onlyAHostWithAnOptionalPortIsAPlainHost() {
        assertThat(AwsHosts.plainHost("minio.internal:9000")).isTrue();
        assertThat(AwsHosts.plainHost("fly.storage.tigris.dev")).isTrue();
        assertThat(AwsHosts.plainHost("minio.internal/bucket")).isFalse();
        assertThat(AwsHosts.plainHost("user@host")).isFalse();
        assertThat(AwsHosts.plainHost("host?x=1")).isFalse();
        assertThat(AwsHosts.plainHost("two words")).isFalse();
        assertThat(AwsHosts.plainHost("")).isFalse();
    }

    @Test
    void theSignedHostHeaderCarriesOnlyANonDefaultPort() {
        assertThat(AwsCall.hostHeader(URI.create("https://s3.us-east-1.amazonaws.com/")))
                .isEqualTo("s3.us-east-1.amazonaws.com");
        assertThat(AwsCall.hostHeader(URI.create("https://minio:443/"))).isEqualTo("minio");
        assertThat(AwsCall.hostHeader(URI.create("http://127.0.0.1:41234/"))).isEqualTo("127.0.0.1:41234");
    }

    @Test
    void theQuotaNoteRoundsAndGroupsAsPhoenixKitDoes() {
        assertThat(SesCheck.quotaNote("<Max24HourSend>50000.0</Max24HourSend><SentLast24Hours>1234.5</SentLast24Hours>"
                        + "<MaxSendRate>14.0</MaxSendRate>"))
                .contains("Quota: 1,235 / 50,000 sent last 24h · max 14/s");
        assertThat(SesCheck.quotaNote("<Max24HourSend>-1.0</Max24HourSend><SentLast24Hours>0.0</SentLast24Hours>"
                        + "<MaxSendRate>1.0</MaxSendRate>"))
                .contains("Quota: 0 / unlimited sent last 24h · max 1/s");
        assertThat(SesCheck.quotaNote("<Max24HourSend>200.0</Max24HourSend>")).isEmpty();
    }

    @Test
    void sesErrorCodesMapAsPhoenixKitsInterpretSesError() {
        assertThat(SesCheck.interpret(Optional.of("InvalidClientTokenId")).confirm())
                .isTrue();
        assertThat(SesCheck.interpret(Optional.of("ExpiredToken")).confirm()).isTrue();
        assertThat(SesCheck.interpret(Optional.of("ThrottlingException"))
                        .result()
                        .message())
                .isEqualTo("AWS SES is busy — try again in a moment");
        assertThat(SesCheck.interpret(Optional.of("AccessDeniedException"))
                        .result()
                        .isOk())
                .isTrue();
        assertThat(SesCheck.interpret(Optional.of("MessageRejected")).result().message())
                .isEqualTo("AWS SES error: MessageRejected");
        assertThat(SesCheck.interpret(Optional.empty()).result().message()).isEqualTo("Could not reach AWS SES");
    }

    @Test
    void s3ErrorCodesMapAsPhoenixKitsInterpretObjectStorageError() {
        assertThat(ObjectStorageCheck.interpret(Optional.of("InvalidAccessKeyId"))
                        .confirm())
                .isTrue();
        assertThat(ObjectStorageCheck.interpret(Optional.of("ExpiredToken"))
                        .result()
                        .message())
                .isEqualTo("Storage error: ExpiredToken");
        assertThat(ObjectStorageCheck.interpret(Optional.of("InternalError"))
                        .result()
                        .message())
                .isEqualTo("Storage service is busy — try again in a moment");
        assertThat(ObjectStorageCheck.interpret(Optional.empty()).result().message())
                .isEqualTo("Could not reach the storage endpoint");
    }
}
