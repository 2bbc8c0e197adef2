package dev.phoenixkit.integrations.internal.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The default provider HTTP client (10 s connect timeout), created on the first provider call: building an
 * {@link HttpClient} starts its selector thread, which an instance that never calls a provider should not pay for.
 *
 * <p>Thread-safe.
 */
public final class LazyHttpClient implements Supplier<HttpClient> {
    /** Connect timeout of the default client. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private HttpClient created;

    /**
     * @param given the caller's client, or {@code null} for the default one created on first use
     * @return a supplier of {@code given}, or a new lazy default
     */
    public static Supplier<HttpClient> orDefault(HttpClient given) {
        return given != null ? () -> given : new LazyHttpClient();
    }

    private LazyHttpClient() {}

    @Override
    public synchronized HttpClient get() {
        if (created == null) {
            created = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        }
        return created;
    }
}
