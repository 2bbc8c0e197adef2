package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.testkit.PhoenixKitTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 3 (docs/behaviour.md#fix-12): a reference, provider key, name or OAuth state containing U+0000
 * is input no row can match (PostgreSQL text cannot hold NUL), so every method answers its documented miss or
 * invalid-input code without sending a query, never {@code STORAGE_FAILED} (SQLState 22021). Runs in both storage
 * layouts.
 */
@PhoenixKitTest
class NulInputTest {
    private static final String NUL = "\u0000";

    private Jdbi jdbi;
    private Integrations integrations;
    private UUID stored;

    @BeforeEach
    void setUp(DataSource dataSource, Jdbi jdbi) {
        this.jdbi = jdbi;
        integrations = TestIntegrations.create(dataSource);
        stored = integrations.addConnection("openrouter", "default").uuid();
        integrations.saveSetup(stored, Map.of(Fields.API_KEY, "sk-nul-test"));
    }

    private static void assertError(ThrowingCallable call, IntegrationError error) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        IntegrationException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    private void assertReadsAnswerTheirMiss() {
        for (String ref : List.of("openrouter:de" + NUL + "fault", "open" + NUL + "router", "openrouter:" + NUL)) {
            assertError(() -> integrations.getIntegration(ref), IntegrationError.NOT_CONFIGURED);
            assertError(() -> integrations.getCredentials(ref), IntegrationError.NOT_CONFIGURED);
            assertThat(integrations.isConnected(ref)).isFalse();
            assertError(() -> integrations.findUuidByProviderName(ref), IntegrationError.NOT_FOUND);
            assertError(() -> integrations.resolveToUuid(ref), IntegrationError.NOT_FOUND);
        }
        assertError(
                () -> integrations.findUuidByProviderName("openrouter", "de" + NUL + "fault"),
                IntegrationError.NOT_FOUND);
        assertError(
                () -> integrations.findUuidByProviderName("open" + NUL + "router", "default"),
                IntegrationError.NOT_FOUND);
        assertThat(integrations.listConnections("open" + NUL + "router")).isEmpty();
        assertThat(integrations.loadAllConnections(List.of("open" + NUL + "router")))
                .containsOnlyKeys("open" + NUL + "router")
                .allSatisfy((key, connections) -> assertThat(connections).isEmpty());
    }

    @Test
    void readsWhenReferenceHoldsNulThenTheirMissCodeNotStorageFailed() {
        assertReadsAnswerTheirMiss();
        Map<String, List<Connection>> mixed =
                integrations.loadAllConnections(List.of("openrouter", "mis" + NUL + "tral"));
        assertThat(mixed.get("openrouter")).extracting(Connection::uuid).containsExactly(stored);
        assertThat(mixed.get("mis" + NUL + "tral")).isEmpty();
        assertThat(integrations.getCredentials("openrouter").apiKey()).contains("sk-nul-test");
    }

    @Test
    void readsWhenReferenceHoldsNulThenNoQueryIsSent() {
        jdbi.useHandle(handle -> handle.execute("ALTER TABLE public.phoenix_kit_settings RENAME TO moved_away"));
        assertError(() -> integrations.getIntegration("openrouter:x"), IntegrationError.SCHEMA_NOT_MIGRATED);

        assertReadsAnswerTheirMiss();
    }

    @Test
    void writesWhenNameOrProviderHoldsNulThenInvalidInputAndNothingWritten() {
        assertError(() -> integrations.addConnection("openrouter", "a" + NUL + "b"), IntegrationError.INVALID_NAME);
        assertError(
                () -> integrations.addConnection("open" + NUL + "router", "a"), IntegrationError.INVALID_PROVIDER_KEY);
        assertError(() -> integrations.renameConnection(stored, "a" + NUL + "b"), IntegrationError.INVALID_NAME);
        assertThatThrownBy(() -> integrations.recordAuditEntry("module." + NUL, stored, null, AuditMode.AUTO, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
        assertError(
                () -> integrations.completeAuthorization(
                        "state" + NUL, "code", URI.create("http://localhost/callback")),
                IntegrationError.STATE_MISMATCH);

        assertThat(integrations.listConnections("openrouter"))
                .extracting(Connection::name)
                .containsExactly("default");
        assertThat(integrations.auditTrail(stored))
                .extracting(AuditEntry::action)
                .doesNotContain("module." + NUL);
    }
}
