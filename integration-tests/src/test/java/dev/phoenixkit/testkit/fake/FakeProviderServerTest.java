package dev.phoenixkit.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake provider server's own behaviour, with a raw JDK client. */
class FakeProviderServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://localhost:4000/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final FakeProviderServer fake =
            FakeProviderServer.start(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(fake.uri(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                HttpRequest.newBuilder(fake.uri("/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        form.putIfAbsent("client_id", FakeProviderServer.CLIENT_ID);
        form.putIfAbsent("client_secret", FakeProviderServer.CLIENT_SECRET);
        return form;
    }

    private URI authorizeUrl(String path, String extra) {
        return fake.uri(path + "?client_id=" + FakeProviderServer.CLIENT_ID + "&response_type=code&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&scope=openid" + extra);
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
    }

    @Test
    void startThenListensOnLoopbackWithAFreePort() {
        assertThat(fake.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(fake.baseUri().getPort()).isPositive();
    }

    @Test
    void apiKeyEndpointsWhenKnownKeyThen200ElseThen401() throws Exception {
        fake.addApiKey("sk-good");

        for (String path : new String[] {"/api/v1/auth/key", "/v1/models", "/models"}) {
            assertThat(get(path, "sk-good").statusCode()).as(path).isEqualTo(200);
            assertThat(get(path, "sk-bad").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(json(get("/api/v1/auth/key", "sk-good"))).containsKey("data");
    }

    @Test
    void authorizeThenRedirectsWithCodeAndStateAndTheCodeWorksOnce() throws Exception {
        AuthorizationRedirect redirect = fake.authorize(authorizeUrl(
                "/o/oauth2/v2/auth", "&state=xyz&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"));

        assertThat(redirect.location().toString()).startsWith(REDIRECT + "?code=");
        assertThat(redirect.state()).contains("xyz");
        HttpResponse<String> first = token(form(
                "grant_type",
                "authorization_code",
                "code",
                redirect.code(),
                "redirect_uri",
                REDIRECT,
                "code_verifier",
                VERIFIER));
        HttpResponse<String> replay = token(form(
                "grant_type",
                "authorization_code",
                "code",
                redirect.code(),
                "redirect_uri",
                REDIRECT,
                "code_verifier",
                VERIFIER));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first))
                .containsKeys("access_token", "refresh_token")
                .containsEntry("expires_in", 3600)
                .containsEntry("token_type", "Bearer");
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json(replay)).containsEntry("error", "invalid_grant");
    }

    @Test
    void tokenWhenPkceVerifierWrongThenInvalidGrant() throws Exception {
        String code = fake.authorize(authorizeUrl(
                        "/common/oauth2/v2.0/authorize",
                        "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))
                .code();

        HttpResponse<String> response = token(form(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                REDIRECT,
                "code_verifier",
                VERIFIER.replace('d', 'e')));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "invalid_grant");
    }

    @Test
    void tokenWhenRedirectUriDiffersThenInvalidGrant() throws Exception {
        String code = fake.authorize(authorizeUrl("/o/oauth2/v2/auth", "")).code();

        HttpResponse<String> response =
                token(form("grant_type", "authorization_code", "code", code, "redirect_uri", "http://evil.example/cb"));

        assertThat(json(response)).containsEntry("error", "invalid_grant");
    }

    @Test
    void authorizeWhenPkceRequiredAndMissingThenErrorRedirect() {
        fake.requirePkce(true);

        AuthorizationRedirect redirect = fake.authorize(authorizeUrl("/o/oauth2/v2/auth", "&state=s"));

        assertThat(redirect.error()).contains("invalid_request");
        assertThat(redirect.state()).contains("s");
        assertThatThrownBy(redirect::code).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void authorizeWhenClientUnknownThenNoRedirect() {
        URI url = fake.uri("/o/oauth2/v2/auth?client_id=nobody&response_type=code&redirect_uri=http://x/cb");

        assertThatThrownBy(() -> fake.authorize(url))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("400");
    }

    @Test
    void tokenWhenClientSecretWrongThenInvalidClient401() throws Exception {
        HttpResponse<String> response =
                token(form("grant_type", "refresh_token", "refresh_token", "x", "client_secret", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void tokenWhenClientUsesBasicAuthenticationThenAccepted() throws Exception {
        String refreshToken = fake.issueTokens().refreshToken();
        String basic = Base64.getEncoder()
                .encodeToString((FakeProviderServer.CLIENT_ID + ":" + FakeProviderServer.CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(fake.uri("/common/oauth2/v2.0/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Basic " + basic)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=refresh_token&refresh_token=" + refreshToken))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refreshWhenRotatingThenOldRefreshTokenIsRevoked() throws Exception {
        String refreshToken = fake.issueTokens().refreshToken();

        HttpResponse<String> first = token(form("grant_type", "refresh_token", "refresh_token", refreshToken));
        HttpResponse<String> reuse = token(form("grant_type", "refresh_token", "refresh_token", refreshToken));

        assertThat(json(first).get("refresh_token")).isNotNull().isNotEqualTo(refreshToken);
        assertThat(json(reuse)).containsEntry("error", "invalid_grant");
        assertThat(fake.tokenCalls("refresh_token")).isEqualTo(2);
        assertThat(fake.tokenCalls()).isEqualTo(2);
    }

    @Test
    void refreshWhenNotRotatingThenTheSameRefreshTokenKeepsWorking() throws Exception {
        fake.rotateRefreshTokens(false);
        String refreshToken = fake.issueTokens().refreshToken();

        HttpResponse<String> first = token(form("grant_type", "refresh_token", "refresh_token", refreshToken));
        HttpResponse<String> second = token(form("grant_type", "refresh_token", "refresh_token", refreshToken));

        assertThat(json(first)).doesNotContainKey("refresh_token");
        assertThat(second.statusCode()).isEqualTo(200);
    }

    @Test
    void userinfoWhenTokenValidThenShapedPerProviderAndWhenExpiredThen401() throws Exception {
        String accessToken = fake.issueTokens().accessToken();

        assertThat(json(get("/oauth2/v2/userinfo", accessToken)))
                .containsEntry("email", "ada@example.com")
                .containsEntry("name", "Ada Lovelace")
                .containsKey("picture");
        assertThat(json(get("/v1.0/me", accessToken)))
                .containsEntry("mail", "ada@example.com")
                .containsEntry("displayName", "Ada Lovelace")
                .containsKey("userPrincipalName");
        fake.expireAccessTokens();
        assertThat(get("/oauth2/v2/userinfo", accessToken).statusCode()).isEqualTo(401);
        assertThat(get("/v1.0/me", accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void accessTokensExpireAfterTheirLifetimeOnTheServersClock() throws Exception {
        FakeProviderServer zeroLifetime = FakeProviderServer.start().accessTokenLifetime(Duration.ZERO);
        try {
            String accessToken = zeroLifetime.issueTokens().accessToken();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(zeroLifetime.uri("/resource"))
                            .header("Authorization", "Bearer " + accessToken)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
        } finally {
            zeroLifetime.close();
        }
    }

    @Test
    void faultsWhenSwitchedOnThenEachAnswersAsDocumented() throws Exception {
        fake.addApiKey("k");
        Map<Fault, Integer> statuses = Map.of(
                Fault.UNAUTHORIZED,
                401,
                Fault.FORBIDDEN,
                403,
                Fault.TOO_MANY_REQUESTS,
                429,
                Fault.SERVER_ERROR,
                500,
                Fault.SERVICE_UNAVAILABLE,
                503,
                Fault.MALFORMED_JSON,
                200,
                Fault.MISSING_ACCESS_TOKEN,
                200,
                Fault.INVALID_GRANT,
                400);
        for (Map.Entry<Fault, Integer> entry : statuses.entrySet()) {
            fake.fail(FakeEndpoint.API_KEY, entry.getKey());
            assertThat(get("/models", "k").statusCode())
                    .as(entry.getKey().name())
                    .isEqualTo(entry.getValue());
        }
        fake.fail(FakeEndpoint.TOKEN, Fault.MISSING_ACCESS_TOKEN);
        HttpResponse<String> noToken = token(form("grant_type", "refresh_token", "refresh_token", "x"));
        assertThat(json(noToken)).doesNotContainKey("access_token").containsEntry("token_type", "Bearer");
        fake.clearFaults();
        assertThat(get("/models", "k").statusCode()).isEqualTo(200);
    }

    @Test
    void faultMalformedJsonThenTheBodyIsNotJson() throws Exception {
        fake.fail(FakeEndpoint.RESOURCE, Fault.MALFORMED_JSON);

        String body = get("/resource", null).body();

        assertThatThrownBy(() -> JSON.readTree(body)).isInstanceOf(IOException.class);
    }

    @Test
    void faultDisconnectThenTheClientSeesATransportFailure() {
        fake.fail(FakeEndpoint.API_KEY, Fault.DISCONNECT);

        assertThatThrownBy(() -> get("/models", "k")).isInstanceOf(IOException.class);
    }

    @Test
    void failNextThenOnlyThatManyRequestsFail() throws Exception {
        fake.addApiKey("k").failNext(FakeEndpoint.API_KEY, Fault.SERVER_ERROR, 2);

        assertThat(get("/models", "k").statusCode()).isEqualTo(500);
        assertThat(get("/models", "k").statusCode()).isEqualTo(500);
        assertThat(get("/models", "k").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> fake.failNext(FakeEndpoint.API_KEY, Fault.SLOW, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("times");
    }

    @Test
    void faultSlowThenAClientTimeoutFiresAndClosingTheServerEndsTheWait() throws Exception {
        fake.slowDelay(Duration.ofMinutes(5)).fail(FakeEndpoint.API_KEY, Fault.SLOW);
        HttpRequest request = HttpRequest.newBuilder(fake.uri("/models"))
                .timeout(Duration.ofMillis(200))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);

        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(
                HttpRequest.newBuilder(fake.uri("/models")).build(), HttpResponse.BodyHandlers.ofString());
        awaitRequests(2);
        fake.close();
        assertThat(pending).failsWithin(30, TimeUnit.SECONDS);
    }

    @Test
    void resourceWhenApiKeyOrAccessTokenThenEchoesMethodAndPath() throws Exception {
        fake.addApiKey("k");

        HttpResponse<String> response = get("/resource/files/1", "k");

        assertThat(json(response))
                .containsEntry("ok", true)
                .containsEntry("method", "GET")
                .containsEntry("path", "/resource/files/1");
    }

    @Test
    void requestLogWhenRequestsArriveThenRecordsEndpointHeadersAndParams() throws Exception {
        get("/models?x=1", "k");
        get("/nowhere", null);

        assertThat(fake.requests()).hasSize(2);
        RecordedRequest first = fake.requests().get(0);
        assertThat(first.endpoint()).contains(FakeEndpoint.API_KEY);
        assertThat(first.param("x")).contains("1");
        assertThat(first.header("AUTHORIZATION")).contains("Bearer k");
        assertThat(first.toString()).doesNotContain("Bearer k");
        assertThat(fake.requests().get(1).endpoint()).isEmpty();
        assertThat(fake.clearRequests().requests()).isEmpty();
    }

    @Test
    void providerRegistryPointsEveryBuiltInUrlAtTheServer() {
        ProviderRegistry registry = fake.providerRegistry();
        String base = fake.baseUri().toString();

        for (ProviderDefinition provider : registry.all()) {
            provider.validation()
                    .filter(ValidationSpec.Http.class::isInstance)
                    .map(ValidationSpec.Http.class::cast)
                    .ifPresent(spec -> assertThat(spec.url()).startsWith(base));
            provider.baseUrl().ifPresent(url -> assertThat(url).startsWith(base));
            provider.oauthConfig().ifPresent(oauth -> {
                assertThat(oauth.authUrl()).startsWith(base);
                assertThat(oauth.tokenUrl()).startsWith(base);
                assertThat(oauth.userinfoUrl().orElseThrow()).startsWith(base);
            });
        }
        assertThat(registry.all()).hasSameSizeAs(ProviderRegistry.loadDefault().all());
    }

    @Test
    void latencyDelaysAnswersWithoutChangingThem() throws Exception {
        fake.addApiKey("k").latency(FakeEndpoint.API_KEY, Duration.ofMillis(50));

        assertThat(get("/models", "k").statusCode()).isEqualTo(200);
    }

    @Test
    void issuedTokensHideTheirValuesInToString() {
        FakeTokens tokens = fake.issueTokens();

        assertThat(tokens.toString()).doesNotContain(tokens.accessToken(), tokens.refreshToken());
    }

    @Test
    void pkceExampleFromRfc7636MatchesItsChallenge() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
                .isEqualTo(CHALLENGE);
    }

    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fake.requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fake.requests()).hasSizeGreaterThanOrEqualTo(count);
    }
}
