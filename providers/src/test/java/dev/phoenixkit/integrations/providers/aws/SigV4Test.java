package dev.phoenixkit.integrations.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's Signature Version 4 test suite ({@code aws-sig-v4-test-suite}: the {@code .req} request and its
 * {@code .authz} signature), for the cases our two calls exercise: header and query canonicalization, form POSTs.
 * Credentials, region, service and time are the suite's own.
 */
class SigV4Test {
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final String PREFIX =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";

    record Vector(
            String name,
            String method,
            List<Map.Entry<String, String>> query,
            Map<String, String> extraHeaders,
            String body,
            String signedHeaders,
            String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Vector> suite() {
        return List.of(
                new Vector(
                        "get-vanilla",
                        "GET",
                        List.of(),
                        Map.of(),
                        "",
                        "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Vector(
                        "get-vanilla-query-order-key-case",
                        "GET",
                        List.of(Map.entry("Param2", "value2"), Map.entry("Param1", "value1")),
                        Map.of(),
                        "",
                        "host;x-amz-date",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                new Vector(
                        "get-vanilla-empty-query-key",
                        "GET",
                        List.of(Map.entry("Param1", "value1")),
                        Map.of(),
                        "",
                        "host;x-amz-date",
                        "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
                new Vector(
                        "get-vanilla-query-unreserved",
                        "GET",
                        List.of(Map.entry(
                                "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                                "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")),
                        Map.of(),
                        "",
                        "host;x-amz-date",
                        "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
                new Vector(
                        "get-vanilla-utf8-query",
                        "GET",
                        List.of(Map.entry("\u1234", "bar")),
                        Map.of(),
                        "",
                        "host;x-amz-date",
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                new Vector(
                        "get-header-value-trim",
                        "GET",
                        List.of(),
                        Map.of("My-Header1", " value1", "My-Header2", " \"a   b   c\""),
                        "",
                        "host;my-header1;my-header2;x-amz-date",
                        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
                new Vector(
                        "post-vanilla",
                        "POST",
                        List.of(),
                        Map.of(),
                        "",
                        "host;x-amz-date",
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                new Vector(
                        "post-header-key-sort",
                        "POST",
                        List.of(),
                        Map.of("My-Header1", "value1"),
                        "",
                        "host;my-header1;x-amz-date",
                        "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
                new Vector(
                        "post-x-www-form-urlencoded",
                        "POST",
                        List.of(),
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        "Param1=value1",
                        "content-type;host;x-amz-date",
                        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"));
    }

    private static Map<String, String> headers(Vector vector) {
        Map<String, String> headers = new LinkedHashMap<>(vector.extraHeaders());
        headers.put("Host", "example.amazonaws.com");
        headers.put("X-Amz-Date", "20150830T123600Z");
        return headers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void authorizationWhenSuiteRequestThenSuiteSignature(Vector vector) {
        String authorization = SigV4.authorization(
                vector.method(),
                "/",
                vector.query(),
                headers(vector),
                vector.body().getBytes(StandardCharsets.UTF_8),
                ACCESS_KEY,
                SECRET_KEY,
                "us-east-1",
                "service",
                TIME);

        assertThat(authorization)
                .isEqualTo(PREFIX + "SignedHeaders=" + vector.signedHeaders() + ", Signature=" + vector.signature());
    }

    @Test
    void canonicalRequestWhenFormPostThenSuiteCreq() {
        Vector form = suite().get(suite().size() - 1);

        assertThat(SigV4.canonicalRequest(
                        "POST", "/", List.of(), headers(form), "Param1=value1".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("""
                POST
                /

                content-type:application/x-www-form-urlencoded
                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e""");
    }

    @Test
    void authorizationWhenSecretRegionOrTimeDiffersThenSignatureDiffers() {
        Vector vanilla = suite().get(0);
        String good = SigV4.authorization(
                "GET",
                "/",
                List.of(),
                headers(vanilla),
                new byte[0],
                ACCESS_KEY,
                SECRET_KEY,
                "us-east-1",
                "service",
                TIME);

        assertThat(SigV4.authorization(
                        "GET",
                        "/",
                        List.of(),
                        headers(vanilla),
                        new byte[0],
                        ACCESS_KEY,
                        SECRET_KEY + "x",
                        "us-east-1",
                        "service",
                        TIME))
                .isNotEqualTo(good);
        assertThat(SigV4.authorization(
                        "GET",
                        "/",
                        List.of(),
                        headers(vanilla),
                        new byte[0],
                        ACCESS_KEY,
                        SECRET_KEY,
                        "eu-west-1",
                        "service",
                        TIME))
                .isNotEqualTo(good)
                .contains("/eu-west-1/");
        assertThat(SigV4.authorization(
                        "GET",
                        "/",
                        List.of(),
                        headers(vanilla),
                        new byte[0],
                        ACCESS_KEY,
                        SECRET_KEY,
                        "us-east-1",
                        "service",
                        TIME.plusSeconds(86_400)))
                .isNotEqualTo(good);
    }

    @Test
    void amzDateAndPayloadHashHaveAwsForms() {
        assertThat(SigV4.amzDate(TIME)).isEqualTo("20150830T123600Z");
        assertThat(SigV4.payloadHash(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(SigV4.uriEncode("a b/\u00e9")).isEqualTo("a%20b%2F%C3%A9");
    }
}
