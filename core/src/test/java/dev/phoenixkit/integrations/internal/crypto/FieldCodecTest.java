package dev.phoenixkit.integrations.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Port of PhoenixKit's encryption_test.exs (docs/phoenixkit-reference.md#11-6). */
class FieldCodecTest {
    private final FieldCodec codec = new FieldCodec(SecretCipher.fromSecretKeyBase("codec-test-key-base-0123456789"));

    @Test
    void encodeWhenSecretsThenEncryptedAndOtherFieldsPlainAndDecodeRestores() {
        Map<String, Object> data =
                Map.of("access_token", "ya29.token", "client_id", "cid", "provider", "google", "status", "connected");
        Map<String, Object> stored = JsonCodec.parseObject(codec.encode(data, FieldCodec.StoredSecrets.NONE));

        assertThat((String) stored.get("access_token")).startsWith("enc:v1:");
        assertThat(stored)
                .containsEntry("client_id", "cid")
                .containsEntry("provider", "google")
                .containsEntry("status", "connected");
        assertThat(codec.decode(JsonCodec.write(stored)).data().asMap()).isEqualTo(data);
    }

    @Test
    void encodeWhenNullOrEmptyThenUntouched() {
        Map<String, Object> data = new HashMap<>();
        data.put("api_key", "");
        data.put("access_token", null);
        Map<String, Object> stored = JsonCodec.parseObject(codec.encode(data, FieldCodec.StoredSecrets.NONE));
        assertThat(stored).containsEntry("api_key", "").containsEntry("access_token", null);
    }

    @Test
    void encodeWhenAlreadyEncryptedThenNotEncryptedTwice() {
        String once = codec.cipher().encrypt("k");
        Map<String, Object> stored =
                JsonCodec.parseObject(codec.encode(Map.of("api_key", once), FieldCodec.StoredSecrets.NONE));
        assertThat(stored).containsEntry("api_key", once);
    }

    @Test
    void decodeWhenPlaintextThenPassesThrough() {
        assertThat(codec.decode("{\"api_key\":\"plain\"}").data().apiKey()).contains("plain");
    }

    @Test
    void encodeWhenAllSevenSensitiveFieldsThenAllRoundTrip() {
        Map<String, Object> data = new LinkedHashMap<>();
        SecretCipher.SENSITIVE_FIELDS.forEach(field -> data.put(field, "value-of-" + field));
        Map<String, Object> stored = JsonCodec.parseObject(codec.encode(data, FieldCodec.StoredSecrets.NONE));
        SecretCipher.SENSITIVE_FIELDS.forEach(
                field -> assertThat((String) stored.get(field)).startsWith("enc:v1:"));
        assertThat(codec.decode(JsonCodec.write(stored)).data().asMap()).isEqualTo(data);
    }

    @Test
    void sensitiveFieldsWhenListedThenThePhoenixKitSevenAndTheVerifier() {
        assertThat(FieldCodec.ENCRYPTED_FIELDS)
                .containsExactly(
                        "access_token",
                        "refresh_token",
                        "client_secret",
                        "api_key",
                        "bot_token",
                        "secret_key",
                        "password",
                        "oauth_code_verifier");
    }

    @Test
    void decodeWhenUndecryptableThenReportedNotReturnedAndKeptOnEncode() {
        String foreign =
                SecretCipher.fromSecretKeyBase("another-key-base-0123456789").encrypt("secret");
        FieldCodec.Decoded decoded = codec.decode(JsonCodec.write(Map.of("api_key", foreign, "status", "configured")));

        assertThat(decoded.data().has("api_key")).isFalse();
        assertThat(decoded.data().undecryptableFields()).containsExactly("api_key");
        Map<String, Object> rewritten = JsonCodec.parseObject(
                codec.encode(new LinkedHashMap<>(decoded.data().asMap()), decoded.secrets()));
        assertThat(rewritten).containsEntry("api_key", foreign);

        Map<String, Object> replaced = JsonCodec.parseObject(codec.encode(Map.of("api_key", "new"), decoded.secrets()));
        assertThat(codec.decode(JsonCodec.write(replaced)).data().apiKey()).contains("new");
    }

    @Test
    void encodeWhenValueUnchangedThenStoredCiphertextKeptByteForByte() {
        String stored = codec.encode(
                Map.of("api_key", "k", "access_token", "t", "status", "configured"), FieldCodec.StoredSecrets.NONE);
        FieldCodec.Decoded decoded = codec.decode(stored);
        Map<String, Object> before = JsonCodec.parseObject(stored);

        Map<String, Object> fields = new LinkedHashMap<>(decoded.data().asMap());
        fields.put("status", "error");
        fields.put("access_token", "t2");
        Map<String, Object> after = JsonCodec.parseObject(codec.encode(fields, decoded.secrets()));

        assertThat(after.get("api_key")).isEqualTo(before.get("api_key"));
        assertThat((String) after.get("access_token")).startsWith("enc:v1:").isNotEqualTo(before.get("access_token"));
        assertThat(codec.decode(JsonCodec.write(after)).data().accessToken()).contains("t2");
    }

    @Test
    void encodeWhenStoredAsPlaintextThenEncryptedOnWrite() {
        FieldCodec.Decoded decoded = codec.decode("{\"api_key\":\"plain\"}");
        Map<String, Object> after = JsonCodec.parseObject(
                codec.encode(new LinkedHashMap<>(decoded.data().asMap()), decoded.secrets()));
        assertThat((String) after.get("api_key")).startsWith("enc:v1:");
    }

    @Test
    void storedSecretsWhenCarryingOnlyThenOtherUndecryptableDropped() {
        String foreign =
                SecretCipher.fromSecretKeyBase("another-key-base-0123456789").encrypt("secret");
        FieldCodec.Decoded decoded =
                codec.decode(JsonCodec.write(Map.of("api_key", foreign, "client_secret", foreign)));
        Map<String, Object> after = JsonCodec.parseObject(codec.encode(
                Map.of("status", "disconnected"), decoded.secrets().carryingOnly(java.util.List.of("client_secret"))));
        assertThat(after).containsEntry("client_secret", foreign).doesNotContainKey("api_key");
        assertThat(decoded.secrets().toString()).doesNotContain(foreign);
    }
}
