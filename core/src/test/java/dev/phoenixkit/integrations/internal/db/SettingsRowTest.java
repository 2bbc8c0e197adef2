package dev.phoenixkit.integrations.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SettingsRowTest {

    @Test
    void toStringWhenJsonHoldsAPlaintextSecretThenLeavesTheJsonOut() {
        String json = "{\"api_key\":\"sk-or-v1-plaintext-secret\"}";
        SettingsRow row = new SettingsRow(
                UUID.fromString("01890000-0000-7000-8000-000000000001"), "integration:openrouter:default", json);

        assertThat(row.toString())
                .contains("integration:openrouter:default", "<" + json.length() + " characters>")
                .doesNotContain("sk-or-v1-plaintext-secret");
    }
}
