package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.http.ProviderResponse;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Fetches userinfo with a bearer token (docs/phoenixkit-reference.md#5-7). Stateless and thread-safe. */
public final class UserinfoEndpoint {
    private final ProviderHttp http;

    /** @param http the HTTP plumbing */
    public UserinfoEndpoint(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * @param config      the provider's OAuth settings
     * @param accessToken the access token
     * @return the userinfo JSON object; empty when the provider has no (or a blank) userinfo URL
     * @throws IntegrationException {@code USERINFO_FAILED} with the status for a non-200 answer or a 200 that is
     *                              not a JSON object; {@code TRANSPORT_FAILED}
     */
    public Map<String, Object> fetch(OAuthConfig config, String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        Optional<String> url = config.userinfoUrl().filter(text -> !text.isBlank());
        if (url.isEmpty()) {
            return Map.of();
        }
        ProviderResponse response = http.get(URI.create(url.get()), "Authorization", "Bearer " + accessToken);
        Optional<Map<String, Object>> json = response.status() == 200 ? response.jsonObject() : Optional.empty();
        return json.orElseThrow(() -> IntegrationException.fromProviderAnswer(
                IntegrationError.USERINFO_FAILED,
                "Userinfo request failed (HTTP " + response.status() + ")",
                response.status(),
                response.oauthError(List.of(accessToken)).orElse(null)));
    }
}
