package dev.phoenixkit.testkit.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.integrations.providers.aws.SigV4;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback fake of the calls the AWS providers make: SES's Query {@code GetSendQuota} ({@code POST /}, form
 * body, signing name {@code ses}) and S3's {@code ListBuckets} ({@code GET /}, signing name {@code s3}), both of
 * which <em>verify</em> Signature V4, and Bedrock's {@code GET /foundation-models} with a bearer API key
 * ({@link #addBedrockKey(String)}; an unknown key 401, {@link #denyAccess} 403, {@link #throttle} 429, else
 * {@link #bedrockModels(int)} entries in {@code modelSummaries}).
 *
 * <p>Every request's {@code Authorization} header is recomputed with the secret registered for its access key
 * ({@link #addKey(String, String)}): an unknown key gives {@code InvalidClientTokenId} (SES) or
 * {@code InvalidAccessKeyId} (S3), a wrong secret {@code SignatureDoesNotMatch}, a credential scope for another
 * region than {@link #region(String)} {@code SignatureDoesNotMatch} (SES) or {@code AuthorizationHeaderMalformed}
 * (S3), and an {@code X-Amz-Date} more than 15 minutes from the server's clock {@code RequestExpired} (SES) or
 * {@code RequestTimeTooSkewed} (S3), each in the service's own XML error shape. Switches: {@link #denyAccess},
 * {@link #throttle}, {@link #hang} and {@link #rejectCorrectSignatures(int)} (AWS's brief rejection of a correct
 * signature right after a bad one, which the providers' confirm-retry absorbs).
 *
 * <p>Point a registry at it with {@link #providerRegistry()} (a base-URL override: AWS hosts become this server,
 * which then sees its own loopback {@code Host}, signed by the client as sent). Thread-safe.
 */
public final class FakeAwsServer implements AutoCloseable {
    private static final Duration SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), "
                    + "Signature=([0-9a-f]{64})");

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> buckets = new CopyOnWriteArrayList<>();
    private final List<String> bedrockKeys = new CopyOnWriteArrayList<>();
    private volatile int bedrockModels = 3;
    private final List<String> accessKeysSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger rejectCorrect = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String region = "us-east-1";
    private volatile boolean denyAccess;
    private volatile boolean throttle;
    private volatile boolean hang;

    private FakeAwsServer(Clock clock) throws IOException {
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-aws");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return a running server on a free loopback port, with the system UTC clock */
    public static FakeAwsServer start() {
        return start(Clock.systemUTC());
    }

    /**
     * @param clock the clock {@code X-Amz-Date} is checked against
     * @return a running server on a free loopback port
     */
    public static FakeAwsServer start(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        try {
            return new FakeAwsServer(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake AWS server", e);
        }
    }

    /** @return the server's base URI, for example {@code http://127.0.0.1:41234} */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the registered providers with every URL (including the AWS hosts) pointed at this server */
    public ProviderRegistry providerRegistry() {
        return ProviderRegistry.builder()
                .loadServices()
                .overrideBaseUrl(baseUri)
                .build();
    }

    /**
     * Accepts an access key with its secret.
     *
     * @param accessKey the access key id
     * @param secretKey the secret access key
     * @return this server
     */
    public FakeAwsServer addKey(String accessKey, String secretKey) {
        secrets.put(Objects.requireNonNull(accessKey, "accessKey"), Objects.requireNonNull(secretKey, "secretKey"));
        return this;
    }

    /**
     * Accepts a Bedrock API key on {@code GET /foundation-models} ({@code Authorization: Bearer <key>}).
     *
     * @param apiKey the key
     * @return this server
     */
    public FakeAwsServer addBedrockKey(String apiKey) {
        bedrockKeys.add(Objects.requireNonNull(apiKey, "apiKey"));
        return this;
    }

    /**
     * @param count how many entries {@code modelSummaries} lists; default 3
     * @return this server
     */
    public FakeAwsServer bedrockModels(int count) {
        this.bedrockModels = count;
        return this;
    }

    /**
     * @param region the only region whose credential scope is accepted; default {@code us-east-1}
     * @return this server
     */
    public FakeAwsServer region(String region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /**
     * @param name a bucket {@code ListBuckets} returns
     * @return this server
     */
    public FakeAwsServer addBucket(String name) {
        buckets.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    /**
     * @param on whether correctly signed requests get {@code AccessDenied} (403)
     * @return this server
     */
    public FakeAwsServer denyAccess(boolean on) {
        this.denyAccess = on;
        return this;
    }

    /**
     * @param on whether correctly signed requests get {@code Throttling} (SES, 400) or {@code SlowDown} (S3, 503)
     * @return this server
     */
    public FakeAwsServer throttle(boolean on) {
        this.throttle = on;
        return this;
    }

    /**
     * @param on whether requests are held without an answer until the server closes
     * @return this server
     */
    public FakeAwsServer hang(boolean on) {
        this.hang = on;
        return this;
    }

    /**
     * @param count how many of the next correctly signed requests are answered {@code SignatureDoesNotMatch}
     * @return this server
     */
    public FakeAwsServer rejectCorrectSignatures(int count) {
        rejectCorrect.set(count);
        return this;
    }

    /** @return how many requests arrived (signed or not) */
    public int requestCount() {
        return accessKeysSeen.size();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            boolean ses = "POST".equals(exchange.getRequestMethod());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher auth = authorization == null ? null : AUTHORIZATION.matcher(authorization);
            accessKeysSeen.add(auth != null && auth.matches() ? auth.group(1) : "");
            if (hang) {
                closed.await(60, TimeUnit.SECONDS);
                return;
            }
            if (!ses && "/foundation-models".equals(exchange.getRequestURI().getPath())) {
                bedrock(exchange, authorization);
                return;
            }
            String failure = verify(exchange, auth, body, ses);
            if (failure != null) {
                error(exchange, ses, failure.startsWith("Throttling") ? (ses ? 400 : 503) : 403, failure);
                return;
            }
            if (ses) {
                Map<String, String> form = parseQuery(new String(body, StandardCharsets.UTF_8));
                if (!"GetSendQuota".equals(form.get("Action")) || !"2010-12-01".equals(form.get("Version"))) {
                    error(exchange, true, 400, "InvalidAction");
                    return;
                }
                respond(
                        exchange,
                        200,
                        "<GetSendQuotaResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\">"
                                + "<GetSendQuotaResult><SentLast24Hours>12.0</SentLast24Hours>"
                                + "<Max24HourSend>50000.0</Max24HourSend><MaxSendRate>14.0</MaxSendRate>"
                                + "</GetSendQuotaResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata>"
                                + "</GetSendQuotaResponse>");
            } else {
                StringBuilder xml = new StringBuilder("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/"
                        + "2006-03-01/\"><Owner><ID>fake</ID></Owner><Buckets>");
                for (String bucket : buckets) {
                    xml.append("<Bucket><Name>").append(bucket).append("</Name></Bucket>");
                }
                respond(
                        exchange,
                        200,
                        xml.append("</Buckets></ListAllMyBucketsResult>").toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void bedrock(HttpExchange exchange, String authorization) throws IOException {
        String key = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length())
                : null;
        if (key == null || !bedrockKeys.contains(key)) {
            respondJson(exchange, 401, "{\"message\":\"Authentication failed\"}");
            return;
        }
        if (denyAccess) {
            respondJson(exchange, 403, "{\"message\":\"not authorized to perform: bedrock:CallWithBearerToken\"}");
            return;
        }
        if (throttle) {
            respondJson(exchange, 429, "{\"message\":\"Too many requests\"}");
            return;
        }
        StringBuilder json = new StringBuilder("{\"modelSummaries\":[");
        for (int i = 0; i < bedrockModels; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"modelId\":\"fake.model-")
                    .append(i)
                    .append("\"}");
        }
        respondJson(exchange, 200, json.append("]}").toString());
    }

    private static void respondJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** @return the AWS error code, or null when the request is accepted */
    private String verify(HttpExchange exchange, Matcher auth, byte[] body, boolean ses) {
        if (auth == null || !auth.matches()) {
            return ses ? "MissingAuthenticationToken" : "AccessDenied";
        }
        String secret = secrets.get(auth.group(1));
        if (secret == null) {
            return ses ? "InvalidClientTokenId" : "InvalidAccessKeyId";
        }
        if (!auth.group(3).equals(region)) {
            return ses ? "SignatureDoesNotMatch" : "AuthorizationHeaderMalformed";
        }
        if (!auth.group(4).equals(ses ? "ses" : "s3")) {
            return "SignatureDoesNotMatch";
        }
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        Instant time;
        try {
            time = Instant.from(AMZ_DATE.parse(amzDate == null ? "" : amzDate));
        } catch (DateTimeParseException e) {
            return ses ? "IncompleteSignature" : "AccessDenied";
        }
        if (Duration.between(time, clock.instant()).abs().compareTo(SKEW) > 0) {
            return ses ? "RequestExpired" : "RequestTimeTooSkewed";
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : auth.group(5).split(";")) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value == null) {
                return "SignatureDoesNotMatch";
            }
            signed.put(name, value);
        }
        if (!ses && !SigV4.payloadHash(body).equals(signed.get("x-amz-content-sha256"))) {
            return "XAmzContentSHA256Mismatch";
        }
        List<Map.Entry<String, String>> query = new ArrayList<>(parseQuery(
                        exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : exchange.getRequestURI().getRawQuery())
                .entrySet());
        String expected = SigV4.authorization(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                query,
                signed,
                body,
                auth.group(1),
                secret,
                auth.group(3),
                auth.group(4),
                time);
        if (!expected.equals(auth.group())) {
            return "SignatureDoesNotMatch";
        }
        if (rejectCorrect.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return "SignatureDoesNotMatch";
        }
        if (throttle) {
            return ses ? "Throttling" : "Throttling:SlowDown";
        }
        return denyAccess ? "AccessDenied" : null;
    }

    private static Map<String, String> parseQuery(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static void error(HttpExchange exchange, boolean ses, int status, String code) throws IOException {
        String awsCode = code.startsWith("Throttling:") ? code.substring("Throttling:".length()) : code;
        String message = "fake AWS: " + awsCode;
        respond(
                exchange,
                status,
                ses
                        ? "<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><Error><Type>Sender</Type>"
                                + "<Code>" + awsCode + "</Code><Message>" + message + "</Message></Error>"
                                + "<RequestId>fake</RequestId></ErrorResponse>"
                        : "<Error><Code>" + awsCode + "</Code><Message>" + message + "</Message></Error>");
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
