package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.internal.http.HeaderValues;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.provider.CheckContext;
import dev.phoenixkit.integrations.provider.CheckResponse;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link CheckContext} of one check: HTTP through {@link ProviderHttp} (observed, transport failures typed),
 * each request's timeout the smaller of the HTTP timeout and what is left of the deadline. Used on one thread.
 */
final class CheckSession implements CheckContext {
    private final ProviderDefinition provider;
    private final Map<String, Object> data;
    private final ProviderHttp http;
    private final ProviderRegistry registry;
    private final Clock clock;
    private final long deadlineNanos;

    CheckSession(
            ProviderDefinition provider,
            Map<String, Object> data,
            ProviderHttp http,
            ProviderRegistry registry,
            Clock clock,
            long deadlineNanos) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.data = Collections.unmodifiableMap(Objects.requireNonNull(data, "data"));
        this.http = Objects.requireNonNull(http, "http");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public ProviderDefinition provider() {
        return provider;
    }

    @Override
    public Map<String, Object> data() {
        return data;
    }

    @Override
    public Optional<String> text(String field) {
        Objects.requireNonNull(field, "field");
        return FieldText.of(data, field).map(String::trim);
    }

    @Override
    public String url(String url) {
        return registry.resolveUrl(provider.key(), Objects.requireNonNull(url, "url"));
    }

    @Override
    public CheckResponse get(String url, Map<String, String> headers) {
        Objects.requireNonNull(headers, "headers");
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url(url))).GET().header("Accept", "application/json");
        headers.forEach((name, value) -> HeaderValues.header(builder, name, value));
        return send(HeaderValues.build(builder));
    }

    @Override
    public CheckResponse send(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        Duration left = remaining();
        if (left.isZero()) {
            throw new CheckDeadlinePassed(ProviderHttp.hostOf(request.uri()));
        }
        Duration ownTimeout = min(request.timeout().orElse(http.timeout()), http.timeout());
        boolean cutByDeadline = left.compareTo(ownTimeout) < 0;
        HttpRequest bounded = HeaderValues.build(
                HttpRequest.newBuilder(request, (name, value) -> true).timeout(cutByDeadline ? left : ownTimeout));
        HttpResponse<byte[]> response;
        try {
            response = http.sendRaw(bounded);
        } catch (IntegrationException e) {
            if (cutByDeadline && e.getCause() instanceof HttpTimeoutException) {
                throw new CheckDeadlinePassed(ProviderHttp.hostOf(request.uri()));
            }
            throw e;
        }
        return new CheckResponse(response.statusCode(), response.headers().map(), response.body());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "CheckContext[" + provider.key() + "]";
    }
}
