package dev.phoenixkit.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * P5: {@code authenticatedRequest} against the fake provider server on loopback, with a valid (unexpired) Google
 * access token.
 *
 * <ul>
 *   <li>{@code library}: {@code integrations.authenticatedRequest(uuid, GET /resource/data)}, which reads and
 *       decrypts the connection, checks the expiry and sends with the bearer token;</li>
 *   <li>{@code baseline}: the same JDK {@code HttpClient} sending the same GET with
 *       {@code Authorization: Bearer <token>} set by hand (the token held in memory).</li>
 * </ul>
 * Both read the body as bytes; a non-200 answer fails the benchmark. {@link #cache}: {@code on} runs the library
 * with cross-node events on, so its credential cache is on (the trial waits until a read is a cache hit, and the
 * library reads and decrypts the cached row per request); {@code off} is the builder's default (no bridge, no
 * cache: a database read per request).
 */
@RatioTarget(id = "P5", maxRatio = 1.15)
@BenchmarkMode(Mode.AverageTime)
@State(Scope.Benchmark)
public class AuthenticatedRequestBenchmark {
    /** Whether the library's credential cache is on ({@code crossNodeEvents(true)}). */
    @Param({"on", "off"})
    public String cache;

    private OAuthFixture fixture;
    private String accessToken;
    private HttpRequest request;

    /** Starts the database and the fake server; stores tokens valid for a day. */
    @Setup(Level.Trial)
    public void connect() {
        fixture = new OAuthFixture(cache.equals("on"));
        accessToken =
                fixture.storeNewTokens(Instant.now().plus(1, ChronoUnit.DAYS)).accessToken();
        if (fixture.crossNodeEvents) {
            fixture.awaitCaching(fixture.integrations);
        }
        request = fixture.resourceRequest();
    }

    /**
     * Empties the fake server's request log before every iteration: the log is a {@code CopyOnWriteArrayList},
     * so each recorded request copies the whole log, and without this the time per request grows with the number
     * of requests sent so far (measured: 76 kB allocated per request after one second, 150 kB after eight),
     * whichever side runs longer.
     */
    @Setup(Level.Iteration)
    public void clearRequestLog() {
        fixture.fake.clearRequests();
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void close() {
        fixture.close();
    }

    /** @return the provider's answer */
    @Benchmark
    public HttpResponse<byte[]> library() {
        return checked(fixture.integrations.authenticatedRequest(fixture.google, request));
    }

    /**
     * @return the provider's answer
     * @throws Exception when sending fails
     */
    @Benchmark
    public HttpResponse<byte[]> baseline() throws Exception {
        HttpRequest withHeader = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + accessToken)
                .build();
        return checked(fixture.client.send(withHeader, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static HttpResponse<byte[]> checked(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The fake provider answered " + response.statusCode());
        }
        return response;
    }
}
