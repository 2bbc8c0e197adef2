package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.internal.StoredData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntegrationDataTest {
    @Test
    void toStringWhenSecretsThenRedacted() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("api_key", "sk-secret-1");
        fields.put("access_token", "ya29.secret");
        fields.put("client_secret", "cs-secret");
        fields.put("oauth_state", "state-secret");
        fields.put("credentials", Map.of("password", "pw-secret"));
        fields.put("status", "configured");
        fields.put("provider", "openrouter");
        String text = StoredData.of(fields, Set.of("bot_token")).toString();
        assertThat(text)
                .contains("status=configured", "provider=openrouter", "api_key=<redacted>", "bot_token=<undecryptable>")
                .doesNotContain("sk-secret-1", "ya29.secret", "cs-secret", "state-secret", "pw-secret");
        Connection connection =
                new Connection(java.util.UUID.randomUUID(), "openrouter", "default", IntegrationData.of(fields));
        assertThat(connection.toString()).doesNotContain("sk-secret-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ofWhenMutableInputThenDeepImmutableCopy() {
        List<Object> scopes = new ArrayList<>(List.of("a"));
        Map<String, Object> fields = new HashMap<>(Map.of("scopes", scopes));
        IntegrationData data = IntegrationData.of(fields);
        scopes.add("b");
        fields.put("x", 1);
        assertThat(data.get("scopes")).isEqualTo(List.of("a"));
        assertThat(data.has("x")).isFalse();
        assertThatThrownBy(() -> data.asMap().put("y", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) data.get("scopes")).add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedGettersWhenFieldsPresentThenParsed() {
        IntegrationData data = IntegrationData.of(Map.of(
                "status",
                "connected",
                "api_key",
                "k",
                "expires_at",
                "2026-05-01T10:00:00.000000Z",
                "validation_status",
                "ok",
                "access_token",
                ""));
        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
        assertThat(data.apiKey()).contains("k");
        assertThat(data.accessToken()).isEmpty();
        assertThat(data.expiresAt()).contains(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(data.validationStatus()).contains("ok");
        assertThat(IntegrationData.of(Map.of("status", "weird")).status()).isEmpty();
    }
}
