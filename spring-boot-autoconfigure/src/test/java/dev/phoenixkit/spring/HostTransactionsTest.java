package dev.phoenixkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.spring.app.PlainApp;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.fake.FakeTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facade's commands inside a host Spring transaction commit or roll back with it, and their events arrive only
 * after the commit; what the library records about the provider (token refresh) commits on its own.
 */
@SpringBootTest(classes = {PlainApp.class, HostTransactionsTest.FakeProviders.class})
class HostTransactionsTest {
    private static final TestDatabase DATABASE = Databases.migrated();
    private static final FakeProviderServer FAKE = FakeProviderServer.start();

    @Autowired
    Integrations integrations;

    @Autowired
    TransactionTemplate transactions;

    private final List<IntegrationEvent> events = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    @TestConfiguration
    static class FakeProviders {
        @Bean
        ProviderRegistry providerRegistry() {
            return FAKE.providerRegistry();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Databases.register(registry, DATABASE);
    }

    @AfterAll
    static void drop() {
        DATABASE.close();
        FAKE.close();
    }

    @BeforeEach
    void subscribe() {
        subscription = integrations.events().subscribe(events::add);
    }

    @AfterEach
    void cleanUp() throws Exception {
        subscription.close();
        integrations.listIntegrations().forEach(c -> integrations.removeConnection(c.uuid()));
    }

    private List<Connection> openrouter() {
        return integrations.listConnections("openrouter");
    }

    @Test
    @DisplayName("addConnection + saveSetup in a rolled-back host transaction leave nothing and publish nothing")
    void rollbackLeavesNothing() {
        transactions.executeWithoutResult(status -> {
            Connection added = integrations.addConnection("openrouter", "rolled");
            integrations.saveSetup(added.uuid(), Map.of("api_key", "sk-rolled-back-0123456789"));
            assertThat(openrouter()).extracting(Connection::name).contains("rolled");
            status.setRollbackOnly();
        });

        assertThat(openrouter()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a committed host transaction keeps the writes; events are delivered after the commit, not before")
    void commitKeepsWritesAndDeliversAfterCommit() {
        List<Integer> seenInside = new CopyOnWriteArrayList<>();
        transactions.executeWithoutResult(status -> {
            Connection added = integrations.addConnection("openrouter", "kept");
            integrations.saveSetup(added.uuid(), Map.of("api_key", "sk-kept-0123456789"));
            seenInside.add(events.size());
        });

        assertThat(seenInside).containsExactly(0);
        assertThat(openrouter()).extracting(Connection::name).containsExactly("kept");
        assertThat(events)
                .hasAtLeastOneElementOfType(IntegrationEvent.ConnectionAdded.class)
                .hasAtLeastOneElementOfType(IntegrationEvent.SetupSaved.class);
    }

    @Test
    @DisplayName("rename, disconnect and remove roll back with the host transaction")
    void renameDisconnectRemoveRollBack() {
        Connection connection = integrations.addConnection("openrouter", "stays");
        integrations.saveSetup(connection.uuid(), Map.of("api_key", "sk-stays-0123456789"));
        events.clear();

        transactions.executeWithoutResult(status -> {
            integrations.renameConnection(connection.uuid(), "renamed");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            integrations.disconnect(connection.uuid());
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            integrations.removeConnection(connection.uuid());
            status.setRollbackOnly();
        });

        Connection after = integrations.getIntegrationByUuid(connection.uuid());
        assertThat(after.name()).isEqualTo("stays");
        assertThat(after.data().apiKey()).hasValue("sk-stays-0123456789");
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a token refresh inside a rolled-back host transaction still commits (a fact about the provider)")
    void refreshCommitsOnItsOwn() {
        Connection connection = integrations.addConnection("google", "refresh");
        FakeTokens tokens = FAKE.issueTokens();
        integrations.saveSetup(
                connection.uuid(),
                Map.of(
                        "client_id",
                        FakeProviderServer.CLIENT_ID,
                        "client_secret",
                        FakeProviderServer.CLIENT_SECRET,
                        "access_token",
                        tokens.accessToken(),
                        "refresh_token",
                        tokens.refreshToken(),
                        "expires_at",
                        Instant.now().plusSeconds(3600).toString(),
                        "status",
                        "connected"));
        UUID uuid = connection.uuid();

        String[] fresh = new String[1];
        transactions.executeWithoutResult(status -> {
            fresh[0] = integrations.refreshAccessToken(uuid);
            status.setRollbackOnly();
        });

        IntegrationData data = integrations.getIntegration(uuid.toString());
        assertThat(fresh[0]).isNotEqualTo(tokens.accessToken());
        assertThat(data.accessToken()).hasValue(fresh[0]);
        assertThat(data.status()).hasValue(ConnectionStatus.CONNECTED);
        assertThat(FAKE.tokenCalls("refresh_token")).isOne();
    }
}
