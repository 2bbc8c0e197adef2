package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.AuthorizationRequest;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/behaviour.md#fix-10 with a real OAuth server: a secret this node cannot decrypt (another node's key, or a
 * value PhoenixKit rotated) is never treated as missing. Refresh, callback and code exchange answer
 * {@code DECRYPTION_FAILED}, call no provider, consume no state and write nothing.
 */
@PhoenixKitTest
class UnreadableSecretsTest {
    private static final URI REDIRECT = FacadeFixture.REDIRECT;

    private FacadeFixture fixture;
    private Jdbi jdbi;
    /** A node whose key cannot read what {@link FacadeFixture#integrations} wrote. */
    private Integrations otherKeyNode;

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
        jdbi = database.jdbi();
        otherKeyNode = fixture.withCipher(SecretCipher.fromSecretKeyBase("another-nodes-secret-key-base-0123"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private String rowText(UUID uuid) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT value_json::text FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                .bind("uuid", uuid)
                .mapTo(String.class)
                .one());
    }

    private static void assertDecryptionFailed(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.DECRYPTION_FAILED));
    }

    private void replaceStored(UUID uuid, String field, String value) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                UPDATE public.phoenix_kit_settings
                SET value_json = jsonb_set(value_json, CAST(:path AS text[]), to_jsonb(CAST(:value AS text)))
                WHERE uuid = :uuid""")
                .bind("path", "{" + field + "}")
                .bind("value", value)
                .bind("uuid", uuid)
                .execute());
    }

    @Test
    void refreshWhenNodeCannotDecryptTheRowThenDecryptionFailedNoCallNoErrorStatus() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.clock.advance(Duration.ofHours(2));
        String before = rowText(uuid);
        int auditEntries = fixture.integrations.auditTrail(uuid).size();

        assertDecryptionFailed(() -> otherKeyNode.refreshAccessToken(uuid));

        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(rowText(uuid)).isEqualTo(before);
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.CONNECTED);
        assertThat(fixture.integrations.auditTrail(uuid)).hasSize(auditEntries);
        assertThat(fixture.integrations.refreshAccessToken(uuid)).isNotBlank();
    }

    @Test
    void validateWhenNodeCannotDecryptThenErrorSaysSoAndNoProviderCall() {
        UUID uuid = fixture.connectedGoogle("default");
        fixture.clock.advance(Duration.ofHours(2));

        ValidationResult result = otherKeyNode.validateConnection(uuid);

        assertThat(result.isOk()).isFalse();
        assertThat(result.message()).contains("decrypt").doesNotContain("Not configured");
        assertThat(fixture.fake.requests()).isEmpty();
    }

    @Test
    void callbackWhenNodeCannotDecryptThenDecryptionFailedAndStateNotConsumed() {
        UUID uuid = fixture.oauthConnection("google", "default", java.util.Map.of());
        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        fixture.fake.clearRequests();
        String before = rowText(uuid);

        assertDecryptionFailed(
                () -> otherKeyNode.completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT));
        assertDecryptionFailed(() -> otherKeyNode.completeAuthorization(request.state(), redirect.code(), REDIRECT));

        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(rowText(uuid)).isEqualTo(before);
        fixture.integrations.completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT);
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.CONNECTED);
    }

    @Test
    void callbackWhenOnlyThePkceVerifierIsUnreadableThenNoExchangeWithoutVerifier() {
        UUID uuid = fixture.oauthConnection("google", "default", java.util.Map.of());
        AuthorizationRequest request = fixture.integrations.beginAuthorization(uuid, REDIRECT);
        AuthorizationRedirect redirect = fixture.fake.authorize(request.url());
        fixture.fake.clearRequests();
        replaceStored(
                uuid,
                "oauth_code_verifier",
                SecretCipher.fromSecretKeyBase("a-key-nobody-here-holds-0123").encrypt("verifier-0123456789"));
        String before = rowText(uuid);

        assertDecryptionFailed(
                () -> fixture.integrations.completeAuthorization(uuid, request.state(), redirect.code(), REDIRECT));
        assertDecryptionFailed(
                () -> fixture.integrations.completeAuthorization(request.state(), redirect.code(), REDIRECT));

        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(rowText(uuid)).isEqualTo(before);
    }

    @Test
    void exchangeCodeWhenStoredVerifierUnreadableThenDecryptionFailed() {
        UUID uuid = fixture.oauthConnection("google", "default", java.util.Map.of());
        URI url = fixture.integrations.authorizationUrl(uuid, REDIRECT, null, "st");
        AuthorizationRedirect redirect = fixture.fake.authorize(url);
        fixture.fake.clearRequests();
        replaceStored(
                uuid,
                "oauth_code_verifier",
                SecretCipher.fromSecretKeyBase("a-key-nobody-here-holds-0123").encrypt("verifier-0123456789"));

        assertDecryptionFailed(() -> fixture.integrations.exchangeCode(uuid, redirect.code(), REDIRECT));
        assertThat(fixture.fake.tokenCalls()).isZero();
    }

    @Test
    void exchangeCodeWhenNodeCannotDecryptClientSecretThenDecryptionFailed() {
        UUID uuid = fixture.oauthConnection("google", "default", java.util.Map.of());
        URI url = fixture.integrations.authorizationUrl(uuid, REDIRECT, null, "st");
        AuthorizationRedirect redirect = fixture.fake.authorize(url);
        fixture.fake.clearRequests();
        String before = rowText(uuid);

        assertDecryptionFailed(() -> otherKeyNode.exchangeCode(uuid, redirect.code(), REDIRECT));
        assertThat(fixture.fake.tokenCalls()).isZero();
        assertThat(rowText(uuid)).isEqualTo(before);
    }
}
