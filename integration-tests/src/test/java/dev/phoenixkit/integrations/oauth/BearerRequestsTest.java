package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.internal.protocol.BearerRequests;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BearerRequestsTest {
    private final FakeProviderServer fake = FakeProviderServer.start();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void withBearerWhenRequestHasAuthorizationInAnyCaseThenItIsReplacedAndOtherHeadersKept() throws Exception {
        String token = fake.issueTokens().accessToken();
        HttpRequest original = HttpRequest.newBuilder(fake.uri("/resource/x"))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Basic old")
                .header("AUTHORIZATION", "Token older")
                .header("X-Trace", "t1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        HttpRequest withBearer = BearerRequests.withBearer(original, token);
        HttpResponse<String> response = OAuthFixture.client().send(withBearer, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(withBearer.headers().allValues("Authorization")).containsExactly("Bearer " + token);
        assertThat(fake.requests().get(0).headers().get("authorization")).containsExactly("Bearer " + token);
        assertThat(fake.requests().get(0).header("x-trace")).contains("t1");
        assertThat(withBearer.method()).isEqualTo("POST");
        assertThat(withBearer.timeout()).contains(Duration.ofSeconds(30));
    }
}
