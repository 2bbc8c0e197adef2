package dev.phoenixkit.integrations.oauth;

import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.protocol.AuthorizationUrls;
import dev.phoenixkit.integrations.internal.protocol.Pkce;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Shared set-up for protocol tests against the fake provider server. */
final class OAuthFixture {
    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String REDIRECT = "http://localhost:4000/admin/settings/integrations/callback";

    private OAuthFixture() {}

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    static ProviderHttp http(Duration timeout) {
        return new ProviderHttp(client(), timeout);
    }

    static OAuthConfig oauth(FakeProviderServer fake, String provider) {
        ProviderRegistry registry = fake.providerRegistry();
        return registry.get(provider).orElseThrow().oauthConfig().orElseThrow();
    }

    static Map<String, Object> clientData() {
        Map<String, Object> data = new HashMap<>();
        data.put("client_id", FakeProviderServer.CLIENT_ID);
        data.put("client_secret", FakeProviderServer.CLIENT_SECRET);
        return data;
    }

    /** Runs the browser leg and returns the code. */
    static String authorize(FakeProviderServer fake, OAuthConfig config, Map<String, ?> data, Pkce pkce) {
        return fake.authorize(AuthorizationUrls.build(config, data, REDIRECT, null, "st", pkce))
                .code();
    }
}
