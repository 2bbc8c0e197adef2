package dev.phoenixkit.integrations.oauth;

import static dev.phoenixkit.integrations.oauth.FacadeFixture.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The actor overloads of {@code completeAuthorization} and {@code validateConnection}: the operator who connected an
 * account or asked for a test is the actor of its {@code integration.connected} / {@code integration.validated}
 * audit entry; the overloads without one record none, as before.
 */
@PhoenixKitTest
class AuditActorTest {
    private static final UUID OPERATOR = UUID.fromString("0190a3c4-0000-7000-8000-0000000000c1");

    private FacadeFixture fixture;

    @BeforeEach
    void setUp(TestDatabase database) {
        fixture = new FacadeFixture(database);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private AuditEntry last(UUID uuid, String action) {
        List<AuditEntry> entries = fixture.integrations.auditTrail(uuid).stream()
                .filter(entry -> entry.action().equals(action))
                .toList();
        assertThat(entries).as(action).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    private AuthorizationRedirect authorize(UUID uuid) {
        return fixture.fake.authorize(
                fixture.integrations.beginAuthorization(uuid, REDIRECT).url());
    }

    @Test
    void completeByStateWithActorRecordsTheActorOnConnected() {
        UUID uuid = fixture.oauthConnection("google", "work", Map.of());
        AuthorizationRedirect redirect = authorize(uuid);

        fixture.integrations.completeAuthorization(redirect.state().orElseThrow(), redirect.code(), REDIRECT, OPERATOR);

        AuditEntry connected = last(uuid, "integration.connected");
        assertThat(connected.actorUuid()).contains(OPERATOR);
        assertThat(connected.mode()).isEqualTo(AuditMode.MANUAL);
        assertThat(fixture.data(uuid).status()).contains(ConnectionStatus.CONNECTED);
    }

    @Test
    void completeByUuidWithActorRecordsTheActorOnConnected() {
        UUID uuid = fixture.oauthConnection("google", "work", Map.of());
        AuthorizationRedirect redirect = authorize(uuid);

        fixture.integrations.completeAuthorization(
                uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT, OPERATOR);

        assertThat(last(uuid, "integration.connected").actorUuid()).contains(OPERATOR);
    }

    @Test
    void completeWithoutActorRecordsNone() {
        UUID uuid = fixture.oauthConnection("google", "work", Map.of());
        AuthorizationRedirect redirect = authorize(uuid);

        fixture.integrations.completeAuthorization(redirect.state().orElseThrow(), redirect.code(), REDIRECT);

        assertThat(last(uuid, "integration.connected").actorUuid()).isEqualTo(Optional.empty());
    }

    @Test
    void validateWithActorRecordsTheActorOnValidatedAndWithoutRecordsNone() {
        UUID uuid = fixture.oauthConnection("google", "work", Map.of());
        AuthorizationRedirect redirect = authorize(uuid);
        fixture.integrations.completeAuthorization(redirect.state().orElseThrow(), redirect.code(), REDIRECT);

        ValidationResult withActor = fixture.integrations.validateConnection(uuid, OPERATOR);
        assertThat(withActor.isOk()).isTrue();
        AuditEntry validated = last(uuid, "integration.validated");
        assertThat(validated.actorUuid()).contains(OPERATOR);
        assertThat(validated.metadata()).containsEntry("result", "ok");

        fixture.integrations.validateConnection(uuid);
        assertThat(last(uuid, "integration.validated").actorUuid()).isEqualTo(Optional.empty());
    }
}
