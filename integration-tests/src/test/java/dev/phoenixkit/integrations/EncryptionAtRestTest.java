package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets at rest: enc:v1 compatibility in the real table, undecryptable values, keyring rotation, reencryptAll. */
@PhoenixKitTest
class EncryptionAtRestTest {
    private DataSource dataSource;
    private Jdbi jdbi;
    private Integrations integrations;

    @BeforeEach
    void setUp(DataSource dataSource, Jdbi jdbi) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        integrations = TestIntegrations.create(dataSource);
    }

    private Integrations with(SecretCipher cipher) {
        return Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(cipher)
                .build();
    }

    private String stored(UUID uuid, String field) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT value_json->>:field FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                .bind("field", field)
                .bind("uuid", uuid)
                .mapTo(String.class)
                .one());
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

    private static String elixirEncrypt(String secretKeyBase, String plaintext) throws Exception {
        return ElixirCiphertext.encrypt(secretKeyBase, plaintext);
    }

    private static String elixirDecrypt(String secretKeyBase, String stored) throws Exception {
        return ElixirCiphertext.decrypt(secretKeyBase, stored);
    }

    @Test
    void saveSetupWhenSecretsThenStoredAsEncV1ThatPhoenixKitDecrypts() throws Exception {
        UUID uuid = integrations.addConnection("google", "default").uuid();
        integrations.saveSetup(uuid, Map.of("client_id", "cid", "client_secret", "cs-123", "access_token", "ya29"));
        assertThat(stored(uuid, "client_id")).isEqualTo("cid");
        assertThat(stored(uuid, "client_secret")).startsWith("enc:v1:");
        assertThat(elixirDecrypt(TestIntegrations.SECRET_KEY_BASE, stored(uuid, "client_secret")))
                .isEqualTo("cs-123");
        assertThat(elixirDecrypt(TestIntegrations.SECRET_KEY_BASE, stored(uuid, "access_token")))
                .isEqualTo("ya29");
    }

    @Test
    void getCredentialsWhenRowWrittenByPhoenixKitThenDecrypted() throws Exception {
        String apiKey = elixirEncrypt(TestIntegrations.SECRET_KEY_BASE, "sk-or-from-elixir");
        seed(
                "integration:openrouter:default",
                "{\"provider\":\"openrouter\",\"name\":\"default\",\"auth_type\":"
                        + "\"api_key\",\"status\":\"configured\",\"api_key\":\"" + apiKey + "\"}");
        assertThat(integrations.getCredentials("openrouter").apiKey()).contains("sk-or-from-elixir");
    }

    @Test
    void saveSetupWhenOtherFieldsChangeThenStoredCiphertextNotReencryptedTwice() {
        UUID uuid = integrations.addConnection("openrouter", "default").uuid();
        integrations.saveSetup(uuid, Map.of("api_key", "k"));
        String first = stored(uuid, "api_key");
        integrations.saveSetup(uuid, Map.of("note", "x"));
        assertThat(stored(uuid, "api_key")).startsWith("enc:v1:");
        assertThat(integrations.getCredentials(uuid.toString()).apiKey()).contains("k");
        assertThat(first).startsWith("enc:v1:");
    }

    @Test
    void readWhenSecretUndecryptableThenReportedNeverReturnedAsCiphertext() throws Exception {
        String foreign = elixirEncrypt("some-other-secret-key-base", "sk-foreign");
        UUID uuid = seed(
                "integration:openrouter:default",
                "{\"provider\":\"openrouter\",\"auth_type\":\"api_key\"," + "\"status\":\"configured\",\"api_key\":\""
                        + foreign + "\"}");

        IntegrationData data = integrations.getIntegration(uuid.toString());
        assertThat(data.undecryptableFields()).containsExactly("api_key");
        assertThat(data.apiKey()).isEmpty();
        assertThat(data.asMap().values())
                .noneMatch(value -> String.valueOf(value).startsWith("enc:"));
        assertThatThrownBy(() -> integrations.getCredentials(uuid.toString()))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.DECRYPTION_FAILED))
                .hasMessageContaining("api_key")
                .message()
                .doesNotContain(foreign);
        assertThat(integrations.isConnected(uuid.toString())).isFalse();
    }

    @Test
    void writesWhenSecretUndecryptableThenStoredCiphertextKept() throws Exception {
        String foreign = elixirEncrypt("some-other-secret-key-base", "sk-foreign");
        UUID uuid = seed(
                "integration:openrouter:default",
                "{\"provider\":\"openrouter\",\"auth_type\":\"api_key\"," + "\"status\":\"configured\",\"api_key\":\""
                        + foreign + "\"}");

        IntegrationData saved = integrations.saveSetup(uuid, Map.of("note", "still here"));
        assertThat(saved.status()).contains(ConnectionStatus.CONFIGURED);
        integrations.renameConnection(uuid, "renamed");
        integrations.recordValidation(uuid, ValidationResult.error("Invalid credentials"));
        assertThat(stored(uuid, "api_key")).isEqualTo(foreign);

        integrations.saveSetup(uuid, Map.of("api_key", "sk-replacement"));
        assertThat(integrations.getIntegration(uuid.toString()).apiKey()).contains("sk-replacement");
    }

    @Test
    void reencryptAllWhenKeyRotatedThenEveryRowMovesToNewestKeyInBatches() throws Exception {
        UUID[] uuids = new UUID[5];
        for (int i = 0; i < uuids.length; i++) {
            uuids[i] = integrations.addConnection("openrouter", "c" + i).uuid();
            integrations.saveSetup(uuids[i], Map.of("api_key", "key-" + i));
        }
        UUID plain = seed("integration:mistral:default", "{\"api_key\":\"plain-key\",\"status\":\"configured\"}");
        UUID foreign = seed(
                "integration:openrouter:foreign", "{\"api_key\":\"" + elixirEncrypt("unknown-key-base", "x") + "\"}");
        UUID other = seed("site_title", "{\"api_key\":\"not-an-integration\"}");

        byte[] newKey = new byte[32];
        new SecureRandom().nextBytes(newKey);
        SecretCipher ring = SecretCipher.keyring()
                .legacySecretKeyBase(TestIntegrations.SECRET_KEY_BASE)
                .key("2026-05", newKey)
                .build();
        Integrations rotated = with(ring);
        assertThat(rotated.getCredentials(uuids[0].toString()).apiKey()).contains("key-0");

        ReencryptionReport report = rotated.reencryptAll(2);

        assertThat(report.rowsScanned()).isEqualTo(7);
        assertThat(report.rowsRewritten()).isEqualTo(6);
        assertThat(report.valuesReencrypted()).isEqualTo(6);
        assertThat(report.failedRows()).containsExactly(foreign);
        assertThat(report.batches()).isEqualTo(4);
        assertThat(report.isComplete()).isFalse();
        for (UUID uuid : uuids) {
            assertThat(stored(uuid, "api_key")).startsWith("enc:v2:2026-05:");
        }
        assertThat(stored(plain, "api_key")).startsWith("enc:v2:2026-05:");
        assertThat(stored(other, "api_key")).isEqualTo("not-an-integration");

        Integrations newKeyOnly =
                with(SecretCipher.keyring().key("2026-05", newKey).build());
        for (int i = 0; i < uuids.length; i++) {
            assertThat(newKeyOnly.getCredentials(uuids[i].toString()).apiKey()).contains("key-" + i);
        }
        assertThat(newKeyOnly.getCredentials(plain.toString()).apiKey()).contains("plain-key");

        ReencryptionReport again = rotated.reencryptAll(2);
        assertThat(again.rowsRewritten()).isZero();
        assertThat(again.failedRows()).containsExactly(foreign);
    }

    @Test
    void noneWhenChosenThenPlaintextStored() {
        Integrations plain = with(SecretCipher.none());
        UUID uuid = plain.addConnection("openrouter", "default").uuid();
        plain.saveSetup(uuid, Map.of("api_key", "visible"));
        assertThat(stored(uuid, "api_key")).isEqualTo("visible");
        assertThat(integrations.getCredentials(uuid.toString()).apiKey()).contains("visible");
    }

    @Test
    void buildWhenNoCipherThenRejected() {
        assertThatThrownBy(() -> Integrations.builder().dataSource(dataSource).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cipher is required");
        assertThatThrownBy(
                        () -> Integrations.builder().cipher(SecretCipher.none()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("jdbi or dataSource");
        assertThatThrownBy(() -> Integrations.builder()
                        .dataSource(dataSource)
                        .jdbi(jdbi)
                        .cipher(SecretCipher.none())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exclusive");
        assertThatThrownBy(() -> Integrations.builder()
                        .dataSource(dataSource)
                        .cipher(SecretCipher.none())
                        .schema("bad\0schema")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("schema");
    }
}
