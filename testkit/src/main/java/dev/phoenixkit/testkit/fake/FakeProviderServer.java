package dev.phoenixkit.testkit.fake;

import com.sun.net.httpserver.HttpServer;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.fake.internal.FakeRouter;
import dev.phoenixkit.testkit.fake.internal.Forms;
import dev.phoenixkit.testkit.fake.internal.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that plays every built-in HTTP provider, for tests: the key-validation endpoints of
 * OpenAI, OpenRouter, Mistral, DeepSeek, xAI, ElevenLabs, GitHub, Brevo and Telegram (see {@link FakeEndpoint#API_KEY}), an OAuth2 authorization server (authorize with PKCE, token with the
 * {@code authorization_code} and {@code refresh_token} grants, expiring access tokens, refresh-token rotation,
 * {@code invalid_grant}), Google-shaped and Microsoft-Graph-shaped userinfo, and a protected {@code /resource}.
 *
 * <p>Paths are the real providers' paths, so {@link #providerRegistry()} (a base-URL override of the built-ins)
 * points every provider here. Switch failures on with {@link #fail(FakeEndpoint, Fault)}; hold requests in flight
 * with {@link #hold(FakeEndpoint)}; read what was sent with {@link #requests()} or wait for it with
 * {@link #awaitRequests(FakeEndpoint, int, Duration)}.
 *
 * <pre>{@code
 * try (FakeProviderServer fake = FakeProviderServer.start()) {
 *     fake.addApiKey("sk-good");
 *     Integrations integrations = Integrations.builder().providers(fake.providerRegistry())...build();
 * }
 * }</pre>
 *
 * <p>Defaults: one registered client {@value #CLIENT_ID} / {@value #CLIENT_SECRET}, no API keys, the
 * {@linkplain FakeAccount#defaultAccount() default account}, access tokens living 1 hour, refresh tokens rotated,
 * PKCE checked when a challenge is sent but not required, {@link Fault#SLOW} waiting 30 s, no faults, no latency.
 * Authorization codes live 10 minutes and work once.
 *
 * <p>Thread-safe: every setter may be called while requests are in flight.
 */
public final class FakeProviderServer implements AutoCloseable {
    /** The client id registered by default. */
    public static final String CLIENT_ID = "fake-client-id";
    /** The client secret registered by default. */
    public static final String CLIENT_SECRET = "fake-client-secret";

    private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

    private final ServerSettings settings;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    static {
        // The JDK HttpServer reads this once, when its first server is created. Without TCP_NODELAY each response
        // waits ~40 ms for a delayed ACK on loopback (Nagle), which every fake-provider call would pay. A value
        // the host application set is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private FakeProviderServer(Clock clock) throws IOException {
        this.settings = new ServerSettings(clock);
        settings.clients.put(CLIENT_ID, CLIENT_SECRET);
        int number = SERVER_NUMBER.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-provider-" + number + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", new FakeRouter(settings));
        server.setExecutor(executor);
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts a server on {@code 127.0.0.1} and a free port, with the system UTC clock.
     *
     * @return the running server; close it when done
     */
    public static FakeProviderServer start() {
        return start(Clock.systemUTC());
    }

    /**
     * Starts a server whose token and code expiry follow {@code clock}.
     *
     * @param clock the server's clock
     * @return the running server; close it when done
     */
    public static FakeProviderServer start(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        try {
            return new FakeProviderServer(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake provider server", e);
        }
    }

    /** @return the server's base URI, for example {@code http://127.0.0.1:41234} */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * @param path a path starting with {@code /}
     * @return the absolute URI of that path on this server
     */
    public URI uri(String path) {
        Objects.requireNonNull(path, "path");
        return baseUri.resolve(path);
    }

    /**
     * The built-in providers (and any other {@code ProviderSource} on the class path) with every URL pointed at
     * this server.
     *
     * @return a new registry
     */
    public ProviderRegistry providerRegistry() {
        return ProviderRegistry.builder()
                .loadServices()
                .overrideBaseUrl(baseUri)
                .build();
    }

    /**
     * Points a registry builder's providers at this server.
     *
     * @param builder a registry builder, for example with your own providers added
     * @return the same builder, with the base-URL override set
     */
    public ProviderRegistry.Builder pointAtThisServer(ProviderRegistry.Builder builder) {
        return Objects.requireNonNull(builder, "builder").overrideBaseUrl(baseUri);
    }

    /**
     * Accepts an API key at the key-validation endpoints (each reads it where its provider sends it: Bearer,
     * {@code xi-api-key}, {@code api-key}) and {@code /resource}.
     *
     * @param apiKey the key
     * @return this server
     */
    public FakeProviderServer addApiKey(String apiKey) {
        settings.apiKeys.add(Objects.requireNonNull(apiKey, "apiKey"));
        return this;
    }

    /**
     * Accepts a Telegram bot token at {@code /bot<token>/getMe}, whose answer names the bot.
     *
     * @param botToken the token, {@code <digits>:<text>} as Telegram's are (one without {@code :} gets 404)
     * @param username the bot's username, without {@code @}
     * @return this server
     */
    public FakeProviderServer addBotToken(String botToken, String username) {
        settings.botTokens.put(
                Objects.requireNonNull(botToken, "botToken"), Objects.requireNonNull(username, "username"));
        return this;
    }

    /**
     * Sets the {@code plan} list Brevo's {@code /v3/account} answers with; default one entry
     * {@code {"type":"free","creditsType":"sendLimit","credits":300}}.
     *
     * @param plan the plan entries, as Brevo's JSON objects (for example with {@code type}, {@code credits},
     *             {@code endDate})
     * @return this server
     */
    public FakeProviderServer brevoPlan(List<Map<String, Object>> plan) {
        settings.brevoPlan(List.copyOf(Objects.requireNonNull(plan, "plan")));
        return this;
    }

    /**
     * Registers an OAuth client.
     *
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @return this server
     */
    public FakeProviderServer registerClient(String clientId, String clientSecret) {
        settings.clients.put(
                Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"));
        return this;
    }

    /**
     * @param account the account userinfo returns
     * @return this server
     */
    public FakeProviderServer account(FakeAccount account) {
        settings.account(Objects.requireNonNull(account, "account"));
        return this;
    }

    /**
     * @param lifetime the lifetime of access tokens issued from now on (the {@code expires_in} sent); default 1 h
     * @return this server
     */
    public FakeProviderServer accessTokenLifetime(Duration lifetime) {
        settings.accessTokenLifetime(Objects.requireNonNull(lifetime, "lifetime"));
        return this;
    }

    /**
     * @param rotate whether a refresh returns a new refresh token and revokes the used one; default {@code true}
     * @return this server
     */
    public FakeProviderServer rotateRefreshTokens(boolean rotate) {
        settings.rotateRefreshTokens(rotate);
        return this;
    }

    /**
     * @param require whether an authorization request without {@code code_challenge} is refused; default
     *                {@code false} (a challenge that is sent is always checked)
     * @return this server
     */
    public FakeProviderServer requirePkce(boolean require) {
        settings.requirePkce(require);
        return this;
    }

    /**
     * @param delay how long {@link Fault#SLOW} waits before answering; default 30 s. Closing the server ends the wait.
     * @return this server
     */
    public FakeProviderServer slowDelay(Duration delay) {
        settings.slowDelay(Objects.requireNonNull(delay, "delay"));
        return this;
    }

    /**
     * Adds latency to every answer of an endpoint group (not a fault: the answer is normal).
     *
     * @param endpoint the endpoint group
     * @param delay    the latency; {@link Duration#ZERO} for none
     * @return this server
     */
    public FakeProviderServer latency(FakeEndpoint endpoint, Duration delay) {
        settings.latency(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(delay, "delay"));
        return this;
    }

    /**
     * Holds every later request to an endpoint group until {@link #release(FakeEndpoint)} (or {@link #close()}): the
     * request is logged (so {@link #awaitRequests} sees it) and then waits before latency, faults and the answer.
     * For tests that need callers to pile up deterministically behind one request in flight.
     *
     * @param endpoint the endpoint group
     * @return this server
     */
    public FakeProviderServer hold(FakeEndpoint endpoint) {
        settings.hold(Objects.requireNonNull(endpoint, "endpoint"));
        return this;
    }

    /**
     * Lets the requests held by {@link #hold(FakeEndpoint)} go on, and stops holding the group.
     *
     * @param endpoint the endpoint group
     * @return this server
     */
    public FakeProviderServer release(FakeEndpoint endpoint) {
        settings.release(Objects.requireNonNull(endpoint, "endpoint"));
        return this;
    }

    /**
     * Waits until an endpoint group has received at least {@code count} requests (held ones included).
     *
     * @param endpoint the endpoint group
     * @param count    how many requests to wait for
     * @param timeout  how long to wait at most (a bound against hangs, not a timing assertion)
     * @return the requests that group received, in arrival order
     * @throws IllegalStateException when fewer arrived within {@code timeout}, or the wait was interrupted
     */
    public List<RecordedRequest> awaitRequests(FakeEndpoint endpoint, int count, Duration timeout) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(timeout, "timeout");
        boolean arrived;
        try {
            arrived = settings.awaitLog(
                    log -> log.stream()
                                    .filter(request -> request.endpoint()
                                            .filter(endpoint::equals)
                                            .isPresent())
                                    .count()
                            >= count,
                    timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + endpoint + " requests", e);
        }
        if (!arrived) {
            throw new IllegalStateException("expected " + count + " " + endpoint + " requests within " + timeout
                    + ", got " + requests(endpoint).size());
        }
        return requests(endpoint);
    }

    /**
     * Makes every request to an endpoint group fail, until {@link #clearFaults()}.
     *
     * @param endpoint the endpoint group
     * @param fault    the failure
     * @return this server
     */
    public FakeProviderServer fail(FakeEndpoint endpoint, Fault fault) {
        settings.faults.set(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(fault, "fault"), -1);
        return this;
    }

    /**
     * Makes the next {@code times} requests to an endpoint group fail; later ones are answered normally.
     *
     * @param endpoint the endpoint group
     * @param fault    the failure
     * @param times    how many requests fail (at least 1)
     * @return this server
     */
    public FakeProviderServer failNext(FakeEndpoint endpoint, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        settings.faults.set(
                Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(fault, "fault"), times);
        return this;
    }

    /**
     * Switches every fault off (latency stays).
     *
     * @return this server
     */
    public FakeProviderServer clearFaults() {
        settings.faults.clear();
        return this;
    }

    /**
     * Makes every access token issued so far invalid, as if they had expired: userinfo and {@code /resource}
     * answer 401 for them.
     *
     * @return this server
     */
    public FakeProviderServer expireAccessTokens() {
        settings.tokens.expireAccessTokens();
        return this;
    }

    /**
     * Revokes every refresh token issued so far: using one gives {@code invalid_grant}.
     *
     * @return this server
     */
    public FakeProviderServer revokeRefreshTokens() {
        settings.tokens.revokeRefreshTokens();
        return this;
    }

    /**
     * Issues tokens to the default client without an authorization request.
     *
     * @return a valid access token and refresh token
     */
    public FakeTokens issueTokens() {
        Duration lifetime = settings.accessTokenLifetime();
        String accessToken = settings.tokens.issueAccessToken(
                CLIENT_ID, settings.clock().instant().plus(lifetime));
        String refreshToken = settings.tokens.issueRefreshToken(CLIENT_ID, "");
        return new FakeTokens(accessToken, refreshToken, lifetime.toSeconds());
    }

    /**
     * Plays the browser: sends the authorization request and returns where the server redirected (the user always
     * consents).
     *
     * @param authorizationUrl an authorization URL built for this server
     * @return the redirect, with a code and the echoed state, or with an error
     * @throws IllegalStateException when the server answered without a redirect (for example an unknown client)
     */
    public AuthorizationRedirect authorize(URI authorizationUrl) {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(
                    HttpRequest.newBuilder(authorizationUrl)
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("authorization request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("the authorization server answered "
                        + response.statusCode() + " without a redirect: " + response.body()));
        URI target = URI.create(location);
        Map<String, String> params = Forms.parse(target.getRawQuery());
        return new AuthorizationRedirect(target, params.get("code"), params.get("state"), params.get("error"));
    }

    /** @return every request received so far, in arrival order */
    public List<RecordedRequest> requests() {
        return List.copyOf(settings.log);
    }

    /**
     * @param endpoint an endpoint group
     * @return the requests received by that group, in arrival order
     */
    public List<RecordedRequest> requests(FakeEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return settings.log.stream()
                .filter(request -> request.endpoint().filter(endpoint::equals).isPresent())
                .toList();
    }

    /** @return how many requests the token endpoints received (any grant, any outcome) */
    public int tokenCalls() {
        return requests(FakeEndpoint.TOKEN).size();
    }

    /**
     * @param grantType {@code "authorization_code"} or {@code "refresh_token"}
     * @return how many token requests used that grant
     */
    public int tokenCalls(String grantType) {
        Objects.requireNonNull(grantType, "grantType");
        return (int) requests(FakeEndpoint.TOKEN).stream()
                .filter(request ->
                        request.param("grant_type").filter(grantType::equals).isPresent())
                .count();
    }

    /**
     * Forgets the request log.
     *
     * @return this server
     */
    public FakeProviderServer clearRequests() {
        settings.log.clear();
        return this;
    }

    /** Stops the server; requests waiting in {@link Fault#SLOW}, latency or a hold end at once. Idempotent. */
    @Override
    public void close() {
        settings.closed.countDown();
        settings.releaseAll();
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeProviderServer[" + baseUri + "]";
    }
}
