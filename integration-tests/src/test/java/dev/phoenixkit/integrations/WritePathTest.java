package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/behaviour.md#write-path: a write carries forward the stored bytes of every field it does not change (no
 * re-encryption with fresh IVs), encrypts plaintext secrets PhoenixKit left (rows written before its key existed) on
 * the next write, keeps unknown providers and fields, and never returns normally without writing.
 */
@PhoenixKitTest
class WritePathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECRET_FIELDS =
            List.of("client_secret", "access_token", "refresh_token", "api_key");

    private Jdbi jdbi;
    private Integrations integrations;

    @BeforeEach
    void setUp(DataSource dataSource, Jdbi jdbi) {
        this.jdbi = jdbi;
        integrations = TestIntegrations.create(dataSource);
    }

    private ObjectNode row(UUID uuid) {
        String text = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT value_json::text FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                .bind("uuid", uuid)
                .mapTo(String.class)
                .one());
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int rowCount() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM public.phoenix_kit_settings")
                .mapTo(Integer.class)
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

    private UUID googleWithSecrets() {
        UUID uuid = integrations.addConnection("google", "default").uuid();
        integrations.saveSetup(
                uuid,
                Map.of(
                        "client_id",
                        "cid",
                        "client_secret",
                        "cs-123",
                        "access_token",
                        "ya29",
                        "refresh_token",
                        "1//r",
                        "status",
                        "connected"));
        return uuid;
    }

    private void assertSecretsKeptBytes(UUID uuid, Consumer<UUID> write) {
        ObjectNode before = row(uuid);
        write.accept(uuid);
        ObjectNode after = row(uuid);
        for (String field : SECRET_FIELDS) {
            if (before.has(field)) {
                assertThat(after.get(field))
                        .as(field + " keeps its stored bytes")
                        .isEqualTo(before.get(field));
            }
        }
    }

    @Test
    void recordValidationWhenStatusWrittenThenEverySecretKeepsItsCiphertext() {
        UUID uuid = googleWithSecrets();
        assertThat(row(uuid).get("client_secret").asText()).startsWith("enc:v1:");
        assertSecretsKeptBytes(uuid, id -> integrations.recordValidation(id, ValidationResult.error("Bad")));
        assertSecretsKeptBytes(uuid, id -> integrations.recordValidation(id, ValidationResult.ok()));
        assertThat(integrations.getCredentials(uuid.toString()).accessToken()).contains("ya29");
    }

    @Test
    void saveSetupAndRenameWhenSecretsUnchangedThenCiphertextKeptAndChangedSecretReencrypted() {
        UUID uuid = googleWithSecrets();
        assertSecretsKeptBytes(uuid, id -> integrations.saveSetup(id, Map.of("note", "x")));
        assertSecretsKeptBytes(uuid, id -> integrations.saveSetup(id, Map.of("client_secret", "cs-123")));
        assertSecretsKeptBytes(uuid, id -> integrations.renameConnection(id, "work"));

        String accessBefore = row(uuid).get("access_token").asText();
        String secretBefore = row(uuid).get("client_secret").asText();
        integrations.saveSetup(uuid, Map.of("access_token", "ya29-new"));
        assertThat(row(uuid).get("access_token").asText()).startsWith("enc:v1:").isNotEqualTo(accessBefore);
        assertThat(row(uuid).get("client_secret").asText()).isEqualTo(secretBefore);
        assertThat(integrations.getCredentials(uuid.toString()).accessToken()).contains("ya29-new");
    }

    @Test
    void disconnectWhenOAuthThenKeptClientSecretKeepsItsCiphertext() {
        UUID uuid = googleWithSecrets();
        String secretBefore = row(uuid).get("client_secret").asText();
        integrations.disconnect(uuid);
        ObjectNode after = row(uuid);
        assertThat(after.get("client_secret").asText()).isEqualTo(secretBefore);
        assertThat(after.has("access_token")).isFalse();
        assertThat(after.has("refresh_token")).isFalse();
    }

    @Test
    void writeWhenSensitiveFieldsArePlaintextThenReadAsTheyAreAndEncryptedOnNextWrite() throws Exception {
        UUID uuid = seed(
                "integration:openrouter:default",
                "{\"provider\":\"openrouter\",\"name\":\"default\","
                        + "\"auth_type\":\"api_key\",\"status\":\"configured\",\"api_key\":\"sk-plain\","
                        + "\"password\":\"pw-plain\"}");
        assertThat(integrations.getCredentials(uuid.toString()).apiKey()).contains("sk-plain");
        assertThat(integrations.getIntegration(uuid.toString()).get("password")).isEqualTo("pw-plain");

        integrations.recordValidation(uuid, ValidationResult.ok());

        ObjectNode after = row(uuid);
        assertThat(after.get("api_key").asText()).startsWith("enc:v1:");
        assertThat(ElixirCiphertext.decrypt(
                        TestIntegrations.SECRET_KEY_BASE, after.get("api_key").asText()))
                .isEqualTo("sk-plain");
        assertThat(ElixirCiphertext.decrypt(
                        TestIntegrations.SECRET_KEY_BASE, after.get("password").asText()))
                .isEqualTo("pw-plain");
        assertThat(integrations.getCredentials(uuid.toString()).apiKey()).contains("sk-plain");
    }

    @Test
    void writesWhenUnknownProviderAndFieldsFromPhoenixKitThenEveryFieldPreserved() throws Exception {
        String secretKey = ElixirCiphertext.encrypt(TestIntegrations.SECRET_KEY_BASE, "aws-secret");
        UUID uuid = seed(
                "integration:aws_ses:default",
                "{\"provider\":\"aws_ses\",\"name\":\"default\","
                        + "\"auth_type\":\"key_secret\",\"status\":\"configured\",\"access_key\":\"AKIA1\","
                        + "\"secret_key\":\"" + secretKey + "\",\"aws_region\":\"eu-west-1\",\"port\":\"587\","
                        + "\"timeout\":15000,\"ratio\":0.25,\"verify_cert\":true,\"chat_ids\":[\"1\",\"-1002\"],"
                        + "\"metadata\":{\"connected_email\":\"a@b.c\",\"nested\":{\"n\":null}},"
                        + "\"owner_type\":\"user\",\"owner_uuid\":\"0195f0a4-7a1b-7c3d-8e4f-123456789abc\"}");
        ObjectNode original = row(uuid);
        // the row is a user's (owner scopes): its writes go through that owner's view
        OwnedConnections owned =
                integrations.ownedBy(Owner.of("user", UUID.fromString("0195f0a4-7a1b-7c3d-8e4f-123456789abc")));

        owned.saveSetup(uuid, Map.of("note", "kept"));
        owned.recordValidation(uuid, ValidationResult.error("Invalid credentials"));
        owned.renameConnection(uuid, "ses");

        ObjectNode after = row(uuid);
        original.fieldNames().forEachRemaining(field -> {
            if (!List.of("name", "status").contains(field)) {
                assertThat(after.get(field)).as(field).isEqualTo(original.get(field));
            }
        });
        assertThat(after.get("auth_type").asText()).isEqualTo("key_secret");
        assertThat(after.get("name").asText()).isEqualTo("ses");
        assertThat(after.get("note").asText()).isEqualTo("kept");
        JsonNode ownerAfterDisconnect;
        owned.disconnect(uuid);
        ownerAfterDisconnect = row(uuid);
        assertThat(ownerAfterDisconnect.get("owner_type")).isEqualTo(original.get("owner_type"));
        assertThat(ownerAfterDisconnect.get("owner_uuid")).isEqualTo(original.get("owner_uuid"));
        assertThat(ownerAfterDisconnect.get("auth_type").asText()).isEqualTo("key_secret");
    }

    @Test
    void disconnectWhenSecretUndecryptableThenRemovedAsPhoenixKitDoes() throws Exception {
        String foreign = ElixirCiphertext.encrypt("some-other-secret-key-base", "sk-foreign");
        UUID uuid = seed(
                "integration:openrouter:default",
                "{\"provider\":\"openrouter\",\"auth_type\":\"api_key\"," + "\"status\":\"configured\",\"api_key\":\""
                        + foreign + "\"}");
        integrations.disconnect(uuid);
        assertThat(row(uuid).has("api_key")).isFalse();
    }

    @Test
    void disconnectWhenOAuthClientSecretUndecryptableThenItsCiphertextKept() throws Exception {
        String foreign = ElixirCiphertext.encrypt("some-other-secret-key-base", "cs-foreign");
        UUID uuid = seed(
                "integration:google:default",
                "{\"provider\":\"google\",\"auth_type\":\"oauth2\","
                        + "\"status\":\"connected\",\"client_id\":\"cid\",\"client_secret\":\"" + foreign + "\"}");
        integrations.disconnect(uuid);
        assertThat(row(uuid).get("client_secret").asText()).isEqualTo(foreign);
    }

    @Test
    void writesWhenConnectionDoesNotExistThenNotConfiguredAndNothingWritten() {
        integrations.addConnection("openrouter", "default");
        int rows = rowCount();
        UUID missing = UUID.randomUUID();
        List<Runnable> writes = List.of(
                () -> integrations.disconnect(missing),
                () -> integrations.disconnect(missing, UUID.randomUUID()),
                () -> integrations.removeConnection(missing),
                () -> integrations.removeConnection(missing, UUID.randomUUID()),
                () -> integrations.recordValidation(missing, ValidationResult.ok()),
                () -> integrations.saveSetup(missing, Map.of("api_key", "k")),
                () -> integrations.renameConnection(missing, "other"),
                () -> integrations.recordAuditEntry("module.used", missing, null, AuditMode.AUTO, Map.of()));
        for (Runnable write : writes) {
            assertThatThrownBy(write::run)
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_CONFIGURED))
                    .hasMessageContaining(missing.toString());
        }
        assertThat(rowCount()).isEqualTo(rows);
        assertThat(integrations.auditTrail(missing)).isEmpty();
    }

    @Test
    void writesWhenRowRemovedByAnotherNodeThenNotConfigured() {
        UUID uuid = integrations.addConnection("openrouter", "default").uuid();
        Integrations other = Integrations.builder()
                .jdbi(jdbi)
                .providers(TestIntegrations.registry())
                .cipher(SecretCipher.fromSecretKeyBase(TestIntegrations.SECRET_KEY_BASE))
                .build();
        other.removeConnection(uuid);
        assertThatThrownBy(() -> integrations.removeConnection(uuid))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_CONFIGURED));
        assertThatThrownBy(() -> integrations.disconnect(uuid))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_CONFIGURED));
    }
}
