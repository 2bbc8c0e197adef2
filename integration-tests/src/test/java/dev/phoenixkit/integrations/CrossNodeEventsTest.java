package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.internal.events.NotifyBridge;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The LISTEN/NOTIFY bridge between two instances ("nodes") on one database, each with its own pool. */
@PhoenixKitTest
class CrossNodeEventsTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private Integrations node(DataSource dataSource) {
        Integrations node = Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(SecretCipher.fromSecretKeyBase(TestIntegrations.SECRET_KEY_BASE))
                .crossNodeEvents(true)
                .build();
        closeables.add(node);
        return node;
    }

    private static List<IntegrationEvent> record(Integrations node) {
        List<IntegrationEvent> events = Collections.synchronizedList(new ArrayList<>());
        node.events().subscribe(events::add);
        return events;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(BOUND);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private static int listenerSessions(Jdbi jdbi) {
        return jdbi.withHandle(
                handle -> handle.createQuery("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND query LIKE 'LISTEN %' AND state = 'idle'""").mapTo(Integer.class).one());
    }

    @Test
    void eventsWhenChangedOnOneNodeThenOtherNodeReceivesEveryKindOnceAndOwnNotDuplicated(TestDatabase database)
            throws Exception {
        Integrations nodeA = node(database.dataSource());
        Integrations nodeB = node(database.newDataSource());
        List<IntegrationEvent> seenByA = record(nodeA);
        List<IntegrationEvent> seenByB = record(nodeB);
        await("both listeners", () -> listenerSessions(database.jdbi()) >= 2);

        UUID uuid = nodeA.addConnection("openrouter", "shared").uuid();
        nodeA.saveSetup(uuid, Map.of("api_key", "sk-cross-node"));
        nodeA.recordValidation(uuid, ValidationResult.error("Invalid credentials"));
        nodeA.renameConnection(uuid, "renamed");
        nodeA.disconnect(uuid);
        nodeA.removeConnection(uuid);
        await("six events on node B", () -> seenByB.size() >= 6);

        assertThat(seenByB)
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly(
                        "ConnectionAdded",
                        "SetupSaved",
                        "Validated",
                        "ConnectionRenamed",
                        "Disconnected",
                        "ConnectionRemoved");
        assertThat(seenByB).allSatisfy(event -> assertThat(event.uuid()).isEqualTo(uuid));
        assertThat(seenByB.get(2))
                .isEqualTo(new IntegrationEvent.Validated(
                        uuid, "openrouter", "shared", ValidationResult.error("Invalid credentials")));
        assertThat(seenByB.get(3))
                .isEqualTo(new IntegrationEvent.ConnectionRenamed(uuid, "openrouter", "shared", "renamed"));
        IntegrationEvent.SetupSaved saved = (IntegrationEvent.SetupSaved) seenByB.get(1);
        assertThat(saved.provider()).isEqualTo("openrouter");

        // A marker from B, committed after all of A's changes: once A sees it, A has processed its own NOTIFYs too.
        nodeB.addConnection("openrouter", "marker");
        await("marker on node A", () -> seenByA.stream().anyMatch(e -> e.name().equals("marker")));
        assertThat(seenByA).filteredOn(e -> e.uuid().equals(uuid)).hasSize(6);
    }

    @Test
    void setupSavedWhenReceivedRemotelyThenDataReReadByUuid(TestDatabase database) throws Exception {
        Integrations nodeA = node(database.dataSource());
        Integrations nodeB = node(database.newDataSource());
        List<IntegrationEvent.SetupSaved> seenByB = Collections.synchronizedList(new ArrayList<>());
        nodeB.events().subscribe(IntegrationEvent.SetupSaved.class, seenByB::add);
        await("both listeners", () -> listenerSessions(database.jdbi()) >= 2);

        UUID uuid = nodeA.addConnection("openrouter", "default").uuid();
        nodeA.saveSetup(uuid, Map.of("api_key", "sk-reread"));
        await("setup saved on B", () -> !seenByB.isEmpty());

        assertThat(seenByB.get(0).data().apiKey()).contains("sk-reread");
        assertThat(seenByB.get(0).data().status()).contains(ConnectionStatus.CONFIGURED);
    }

    @Test
    void notifyPayloadWhenSecretsSavedThenCarriesNoSecret(TestDatabase database) throws Exception {
        Integrations nodeA = node(database.dataSource());
        try (Connection raw = database.newDataSource().getConnection()) {
            try (Statement statement = raw.createStatement()) {
                statement.execute("LISTEN phoenix_kit_integrations");
            }
            UUID uuid = nodeA.addConnection("google", "default").uuid();
            nodeA.saveSetup(
                    uuid,
                    Map.of("client_id", "cid", "access_token", "sk-never-in-payload", "client_secret", "cs-never"));
            List<String> payloads = new ArrayList<>();
            Instant deadline = Instant.now().plus(BOUND);
            while (payloads.size() < 2 && Instant.now().isBefore(deadline)) {
                PGNotification[] notifications = raw.unwrap(PGConnection.class).getNotifications(500);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        payloads.add(notification.getParameter());
                    }
                }
            }
            assertThat(payloads).hasSize(2);
            assertThat(payloads.get(1))
                    .contains("\"type\":\"setup_saved\"", uuid.toString())
                    .doesNotContain("sk-never-in-payload")
                    .doesNotContain("cs-never")
                    .doesNotContain("enc:v1");
        }
    }

    @Test
    void listenerWhenBackendTerminatedThenReconnectsAndDeliversAgain(TestDatabase database) throws Exception {
        Integrations nodeA = node(database.dataSource());
        Integrations nodeB = node(database.newDataSource());
        List<IntegrationEvent> seenByB = record(nodeB);
        await("both listeners", () -> listenerSessions(database.jdbi()) >= 2);
        List<Integer> before = database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("""
                SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'""").mapTo(Integer.class).list());

        int terminated = database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("""
                SELECT count(*) FROM (
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()) t""").mapTo(Integer.class).one());
        assertThat(terminated).isGreaterThanOrEqualTo(2);

        // Events sent while B is reconnecting are lost by design; keep sending until one gets through.
        Instant deadline = Instant.now().plus(BOUND);
        int attempt = 0;
        while (seenByB.stream().noneMatch(e -> e.name().startsWith("after-"))) {
            assertThat(Instant.now())
                    .as("an event reaching B after the reconnect")
                    .isBefore(deadline);
            nodeA.addConnection("openrouter", "after-" + attempt++);
            Thread.sleep(100);
        }
        List<Integer> after = database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("""
                SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'""").mapTo(Integer.class).list());
        assertThat(after).doesNotContainAnyElementsOf(before);
    }

    @Test
    void closeWhenBridgeRunningThenListenerThreadStopsAndSessionUnlistens(TestDatabase database) throws Exception {
        long threadsBefore = listenerThreads();
        Integrations nodeA = node(database.dataSource());
        await("listener", () -> listenerSessions(database.jdbi()) >= 1);
        assertThat(listenerThreads()).isEqualTo(threadsBefore + 1);

        nodeA.close();
        nodeA.close();

        assertThat(listenerThreads()).isEqualTo(threadsBefore);
        await("UNLISTEN", () -> listenerSessions(database.jdbi()) == 0);
        assertThat(nodeA.addConnection("openrouter", "still-usable").name()).isEqualTo("still-usable");
    }

    private static long listenerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(NotifyBridge.THREAD_PREFIX) && thread.isAlive())
                .count();
    }

    @Test
    void buildWhenChannelInvalidThenRejectedNamingTheField(DataSource dataSource) {
        Integrations.Builder builder = Integrations.builder()
                .dataSource(dataSource)
                .cipher(SecretCipher.none())
                .notifyChannel("bad\0channel");
        org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("notifyChannel");
    }
}
