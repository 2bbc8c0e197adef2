package dev.phoenixkit.integrations.internal.http;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.observe.CallOutcome;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.observe.ProviderCallKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends provider requests with a per-request timeout and turns transport failures into
 * {@link IntegrationError#TRANSPORT_FAILED}. Thread-safe (the JDK client is).
 */
public final class ProviderHttp {
    /** The default per-request timeout (PhoenixKit's receive timeout): 15 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);

    /** The provider key reported for calls made outside {@link #tagged}. */
    public static final String UNKNOWN_PROVIDER = "unknown";

    private static final ThreadLocal<Tag> TAG = new ThreadLocal<>();

    private final Supplier<HttpClient> client;
    private final Duration timeout;
    private final IntegrationsObserver observer;

    /**
     * @param client  the client to send with
     * @param timeout how long to wait for an answer
     */
    public ProviderHttp(HttpClient client, Duration timeout) {
        this(supplierOf(Objects.requireNonNull(client, "client")), timeout);
    }

    /**
     * @param client  supplies the client to send with (asked on every call; may create it on first use)
     * @param timeout how long to wait for an answer
     */
    public ProviderHttp(Supplier<HttpClient> client, Duration timeout) {
        this(client, timeout, IntegrationsObserver.NONE);
    }

    /**
     * @param client   supplies the client to send with (asked on every call; may create it on first use)
     * @param timeout  how long to wait for an answer
     * @param observer told about every call (provider and kind from {@link #tagged}, outcome, duration)
     */
    public ProviderHttp(Supplier<HttpClient> client, Duration timeout, IntegrationsObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** @return the per-request timeout */
    public Duration timeout() {
        return timeout;
    }

    private static Supplier<HttpClient> supplierOf(HttpClient client) {
        return () -> client;
    }

    /**
     * A GET with one header.
     *
     * @param url         the URL
     * @param headerName  the header name, for example {@code Authorization}
     * @param headerValue its value (a secret; never logged)
     * @return the answer
     * @throws IntegrationException {@code TRANSPORT_FAILED} when the provider cannot be reached in time
     */
    public ProviderResponse get(URI url, String headerName, String headerValue) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json");
        HeaderValues.header(builder, headerName, headerValue);
        return send(HeaderValues.build(builder.GET()));
    }

    /**
     * A form POST.
     *
     * @param url        the URL
     * @param form       the form fields, in order
     * @param basicUser  the HTTP Basic user, or {@code null} for no Basic authentication
     * @param basicPass  the HTTP Basic password (used with {@code basicUser})
     * @return the answer
     * @throws IntegrationException {@code TRANSPORT_FAILED} when the provider cannot be reached in time
     */
    public ProviderResponse postForm(URI url, Map<String, String> form, String basicUser, String basicPass) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form)));
        if (basicUser != null) {
            String credentials = FormEncoding.encode(basicUser) + ":" + FormEncoding.encode(basicPass);
            HeaderValues.header(
                    builder,
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(HeaderValues.build(builder));
    }

    /**
     * Sends a request as given (its own timeout, if any, applies; otherwise none is added).
     *
     * @param request the request
     * @return the raw JDK response
     * @throws IntegrationException {@code TRANSPORT_FAILED} when the provider cannot be reached
     */
    public HttpResponse<byte[]> sendRaw(HttpRequest request) {
        Tag tag = TAG.get();
        String provider = tag != null ? tag.provider() : UNKNOWN_PROVIDER;
        ProviderCallKind kind = tag != null ? tag.kind() : ProviderCallKind.RESOURCE;
        long started = System.nanoTime();
        CallOutcome outcome = CallOutcome.TRANSPORT_ERROR;
        try {
            HttpResponse<byte[]> response = client.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
            outcome = CallOutcome.ofStatus(response.statusCode());
            return response;
        } catch (IOException e) {
            throw transportFailure(request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationException(
                    IntegrationError.TRANSPORT_FAILED, "Interrupted while calling " + hostOf(request.uri()), e);
        } finally {
            observer.providerCall(provider, kind, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Runs work whose provider calls on this thread are reported as made for {@code provider} and {@code kind}
     * (the protocol clients do not know the connection; the flows that call them do).
     *
     * @param provider the provider key
     * @param kind     what the calls are for
     * @param work     the work
     * @param <T>      its result type
     * @return its result
     */
    public static <T> T tagged(String provider, ProviderCallKind kind, Supplier<T> work) {
        Tag previous = TAG.get();
        TAG.set(new Tag(Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(kind, "kind")));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                TAG.remove();
            } else {
                TAG.set(previous);
            }
        }
    }

    private record Tag(String provider, ProviderCallKind kind) {}

    private ProviderResponse send(HttpRequest request) {
        HttpResponse<byte[]> response = sendRaw(request);
        return new ProviderResponse(response.statusCode(), response.body());
    }

    private static IntegrationException transportFailure(URI uri, IOException e) {
        LOG.debug("Could not reach {}: {}", hostOf(uri), e.getClass().getSimpleName());
        return new IntegrationException(
                IntegrationError.TRANSPORT_FAILED,
                "Could not reach " + hostOf(uri) + " (" + e.getClass().getSimpleName() + ")",
                e);
    }

    /**
     * Where a request goes, for logs and messages: scheme, host and port only. Never the authority as written,
     * which may carry {@code user:password@}, nor path or query.
     *
     * @param uri a URI
     * @return for example {@code https://oauth2.googleapis.com} or {@code http://127.0.0.1:8080}
     */
    public static String hostOf(URI uri) {
        String host = uri.getHost() != null ? uri.getHost() : "<unknown host>";
        return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** {@code application/x-www-form-urlencoded} encoding. */
    public static final class FormEncoding {
        private FormEncoding() {}

        /**
         * @param form fields in order
         * @return the encoded body ({@code +} for spaces)
         */
        public static String encode(Map<String, String> form) {
            return form.entrySet().stream()
                    .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                    .collect(Collectors.joining("&"));
        }

        /**
         * @param text text
         * @return the text, www-form encoded
         */
        public static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
