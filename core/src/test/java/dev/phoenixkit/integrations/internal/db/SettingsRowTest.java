package dev.phoenixkit.integrations.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SettingsRowTest {

    @Test
    void toStringWhenJsonHoldsAPlaintextSecretThenLeavesTheJsonOut() {
        SettingsRow row = new SettingsRow(UUID.fromString("01890000-0000-7000-8000-000000000001"),
                "integration:openrouter:default", "{\"api_key\":\"sk-or-v1-plaintext-secret\"}");

        assertThat(row.toString()).contains("integration:openrouter:default", "<42 characters>")
                .doesNotContain("sk-or-v1-plaintext-secret");
    }
}
