package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code encryptionStatus()} and resumable {@code reencryptAll(batchSize, progress)} on the real table. */
@PhoenixKitTest
class EncryptionStatusTest {
    private static final String FOREIGN_KEY_BASE = "a-secret-key-base-this-node-does-not-have";

    private DataSource dataSource;
    private Jdbi jdbi;
    private Integrations integrations;
    private UUID ours1;
    private UUID ours2;
    private UUID plaintext;
    private UUID foreign;

    @BeforeEach
    void setUp(DataSource dataSource, Jdbi jdbi) throws Exception {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        integrations = TestIntegrations.create(dataSource);
        ours1 = TestIntegrations.setupConn(integrations, "openrouter", "one", Map.of("api_key", "k1"));
        ours2 = TestIntegrations.setupConn(integrations, "mistral", "two", Map.of("api_key", "k2"));
        // A PhoenixKit row written before it had a key: two sensitive values in plaintext (password is sensitive).
        plaintext = seed(
                "integration:smtp:default",
                "{\"provider\":\"smtp\",\"name\":\"default\","
                        + "\"username\":\"u\",\"password\":\"pw-plain\",\"api_key\":\"plain-key\"}");
        // A row written under a key this node does not hold, plus a plaintext value.
        foreign = seed(
                "integration:openrouter:foreign",
                "{\"provider\":\"openrouter\",\"api_key\":\"" + ElixirCiphertext.encrypt(FOREIGN_KEY_BASE, "sk-foreign")
                        + "\",\"bot_token\":\"plain-bot\"}");
        jdbi.useHandle(handle -> handle.execute("INSERT INTO public.phoenix_kit_settings (key, value_json, module)"
                + " VALUES ('site_title', '{\"api_key\":\"not-an-integration\"}', 'general')"));
    }

    private UUID seed(String key, String json) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                INSERT INTO public.phoenix_kit_settings (key, value_json, module)
                VALUES (:key, CAST(:json AS jsonb), 'integrations') RETURNING uuid""")
                .bind("key", key)
                .bind("json", json)
                .mapTo(UUID.class)
                .one());
    }

    private String valueJson(UUID uuid) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT value_json::text FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                .bind("uuid", uuid)
                .mapTo(String.class)
                .one());
    }

    private Integrations with(SecretCipher cipher) {
        return Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(cipher)
                .build();
    }

    @Test
    void encryptionStatusWhenMixedRowsThenCountsKeysPlaintextAndUndecryptable() {
        EncryptionStatus status = integrations.encryptionStatus();

        assertThat(status.encryptionEnabled()).isTrue();
        assertThat(status.primaryKey()).isEqualTo(EncryptionStatus.V1_KEY);
        assertThat(status.rowsScanned()).isEqualTo(4);
        assertThat(status.rowsByKey()).containsExactly(Map.entry("enc:v1", 3));
        assertThat(status.plaintextValues()).isEqualTo(3);
        assertThat(status.undecryptableValues()).isEqualTo(1);
        assertThat(status.undecryptableRows()).containsExactly(foreign);
        assertThat(status.staleValues()).isEqualTo(3);
        assertThat(status.isCurrent()).isFalse();
        assertThat(status.toString()).doesNotContain("k1", "pw-plain", "plain-key", "sk-foreign");
    }

    @Test
    void encryptionStatusWhenCipherNoneThenDisabledAndEveryCiphertextUndecryptable() {
        EncryptionStatus status = with(SecretCipher.none()).encryptionStatus();

        assertThat(status.encryptionEnabled()).isFalse();
        assertThat(status.primaryKey()).isEqualTo(EncryptionStatus.NO_KEY);
        assertThat(status.plaintextValues()).isEqualTo(3);
        assertThat(status.undecryptableValues()).isEqualTo(3);
        assertThat(status.undecryptableRows()).containsExactlyInAnyOrder(ours1, ours2, foreign);
        assertThat(status.staleValues()).isZero();
        assertThat(status.isCurrent()).isFalse();
    }

    @Test
    void reencryptAllWhenProgressThenEveryBatchReportedAndUndecryptableRowUntouched() {
        SecretCipher ring = SecretCipher.keyring()
                .legacySecretKeyBase(TestIntegrations.SECRET_KEY_BASE)
                .key("2026-06", randomKey())
                .build();
        Integrations rotated = with(ring);
        String foreignBefore = valueJson(foreign);
        List<ReencryptionReport> seen = new ArrayList<>();

        ReencryptionReport report = rotated.reencryptAll(2, seen::add);

        assertThat(seen).extracting(ReencryptionReport::batches).containsExactly(1, 2, 3);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(report);
        assertThat(report.rowsScanned()).isEqualTo(4);
        assertThat(report.rowsRewritten()).isEqualTo(3);
        assertThat(report.valuesReencrypted()).isEqualTo(4);
        assertThat(report.failedRows()).containsExactly(foreign);
        assertThat(report.valuesUndecryptable()).isEqualTo(1);
        assertThat(valueJson(foreign)).isEqualTo(foreignBefore);

        EncryptionStatus status = rotated.encryptionStatus();
        assertThat(status.primaryKey()).isEqualTo("2026-06");
        assertThat(status.rowsByKey()).containsExactly(Map.entry("2026-06", 3), Map.entry("enc:v1", 1));
        assertThat(status.plaintextValues()).isEqualTo(1);
        assertThat(status.staleValues()).isEqualTo(1);
        assertThat(status.undecryptableRows()).containsExactly(foreign);
        assertThat(rotated.getCredentials(plaintext.toString()).get("password")).isEqualTo("pw-plain");
    }

    @Test
    void reencryptAllWhenCancelledAfterFirstBatchThenRerunResumesAndFinishes() {
        Integrations rotated = with(SecretCipher.keyring()
                .legacySecretKeyBase(TestIntegrations.SECRET_KEY_BASE)
                .key("2026-06", randomKey())
                .build());

        List<ReencryptionReport> first = new ArrayList<>();
        assertThatThrownBy(() -> rotated.reencryptAll(1, progress -> {
                    first.add(progress);
                    throw new IllegalStateException("cancelled");
                }))
                .hasMessage("cancelled");
        assertThat(first)
                .singleElement()
                .extracting(ReencryptionReport::batches)
                .isEqualTo(1);
        int committed = first.get(0).rowsRewritten();
        EncryptionStatus partial = rotated.encryptionStatus();
        assertThat(partial.rowsByKey().getOrDefault("2026-06", 0)).isEqualTo(committed);

        ReencryptionReport rest = rotated.reencryptAll(1);
        assertThat(rest.rowsRewritten()).isEqualTo(3 - committed);
        EncryptionStatus done = rotated.encryptionStatus();
        assertThat(done.rowsByKey()).containsEntry("2026-06", 3);
        assertThat(done.staleValues()).isEqualTo(1);
        assertThat(done.undecryptableRows()).containsExactly(foreign);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
