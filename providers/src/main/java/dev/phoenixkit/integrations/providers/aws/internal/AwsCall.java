package dev.phoenixkit.integrations.providers.aws.internal;

import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.provider.CheckContext;
import dev.phoenixkit.integrations.provider.CheckResponse;
import dev.phoenixkit.integrations.providers.aws.SigV4;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SigV4-signed call of an AWS strategy to {@code https://<host>/} (through {@link CheckContext#url}, so tests
 * reach the fake), signed for the host actually called, with PhoenixKit's 5 s per-request timeout (ExAws's
 * {@code recv_timeout}), and the {@code <Code>} of AWS's XML error bodies. Stateless.
 */
final class AwsCall {
    /** PhoenixKit's {@code http_opts: [recv_timeout: 5_000]} for the AWS calls. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** The codes that may be a transient rejection of good keys, worth confirming once (both strategies). */
    static final List<String> CONFIRM_CODES = List.of(
            "SignatureDoesNotMatch",
            "InvalidClientTokenId",
            "UnrecognizedClientException",
            "InvalidAccessKeyId",
            "ExpiredToken",
            "TokenRefreshRequired");

    /** PhoenixKit's confirm-retry pause: a full second (SES throttles GetSendQuota at about one a second). */
    static final Duration CONFIRM_PAUSE = Duration.ofSeconds(1);

    private static final Pattern CODE = Pattern.compile("<Code>([^<]+)</Code>");

    private AwsCall() {}

    /**
     * @param context     the running check
     * @param method      {@code GET} or {@code POST}
     * @param host        the AWS host, for example {@code email.eu-west-1.amazonaws.com}
     * @param contentType the body's type, or null for no body
     * @param body        the body (empty for none)
     * @param s3          whether to sign {@code x-amz-content-sha256} too (S3 requires it)
     * @param credentials access key, secret key, region and signing name
     * @return the answer
     */
    static CheckResponse send(
            CheckContext context,
            String method,
            String host,
            String contentType,
            byte[] body,
            boolean s3,
            Credentials credentials) {
        URI uri = URI.create(context.url("https://" + host + "/"));
        Instant now = context.clock().instant();
        Map<String, String> signed = new LinkedHashMap<>();
        if (contentType != null) {
            signed.put("content-type", contentType);
        }
        signed.put("host", hostHeader(uri));
        signed.put("x-amz-date", SigV4.amzDate(now));
        if (s3) {
            signed.put("x-amz-content-sha256", SigV4.payloadHash(body));
        }
        String authorization = SigV4.authorization(
                method,
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
                List.of(),
                signed,
                body,
                credentials.accessKey(),
                credentials.secretKey(),
                credentials.region(),
                credentials.service(),
                now);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", authorization);
        signed.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        return context.send(request.build());
    }

    /**
     * @param response an AWS answer
     * @return the {@code <Code>} of its XML error body, if it has one
     */
    static Optional<String> errorCode(CheckResponse response) {
        Matcher matcher = CODE.matcher(response.text());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The {@code Host} header the JDK client sends for the URI: the port only when it is not the default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** What a call is signed with. {@link #toString()} omits the secret. */
    record Credentials(String accessKey, String secretKey, String region, String service) {
        @Override
        public String toString() {
            return "Credentials[" + region + ", " + service + "]";
        }
    }

    /**
     * PhoenixKit's confirm-retry: a call answered with one of {@link #CONFIRM_CODES} is made once more after
     * {@link #CONFIRM_PAUSE} (AWS briefly rejects a correct signature right after a bad one from the same key, and a
     * new IAM key is rejected until it propagates); only a second such answer means invalid credentials.
     *
     * @param call makes the call and classifies its answer
     * @return the verdict
     * @throws InterruptedException when the deadline interrupts the pause
     */
    static Verdict confirming(Call call) throws InterruptedException {
        Verdict first = call.run();
        if (!first.confirm()) {
            return first;
        }
        Thread.sleep(CONFIRM_PAUSE.toMillis());
        Verdict second = call.run();
        return second.confirm() ? Verdict.done(ValidationResult.error("Invalid credentials")) : second;
    }

    /** One attempt of a strategy's call, classified. */
    @FunctionalInterface
    interface Call {
        Verdict run();
    }

    /** A classified answer: final, or "confirm before calling the keys invalid". */
    record Verdict(ValidationResult result, boolean confirm) {
        static Verdict done(ValidationResult result) {
            return new Verdict(result, false);
        }

        static Verdict confirmFirst() {
            return new Verdict(null, true);
        }
    }
}
