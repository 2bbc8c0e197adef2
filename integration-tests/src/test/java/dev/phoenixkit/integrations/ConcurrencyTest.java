package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.testkit.PhoenixKitTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docs/behaviour.md#fix-8: row-locked read-modify-write and database-enforced name uniqueness. */
@PhoenixKitTest
class ConcurrencyTest {
    private Integrations integrations;
    private ExecutorService executor;

    @BeforeEach
    void setUp(DataSource dataSource) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fields.add("field_" + i);
            fields.add("setting_" + i);
        }
        // the fields the tests write, declared, so the registered-provider path (checked under the row lock) runs
        integrations =
                TestIntegrations.create(dataSource, TestIntegrations.tickingClock(), TestIntegrations.registry(fields));
        executor = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Starts every task behind one gate, so they really race, and collects each outcome. */
    private <T> List<Object> race(int count, Callable<T> task) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(executor.submit(() -> {
                gate.await();
                try {
                    return task.call();
                } catch (IntegrationException e) {
                    return e.error();
                }
            }));
        }
        gate.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void addConnectionWhen16ThreadsRaceOnOneNameThenExactlyOneWins() throws Exception {
        List<Object> outcomes = race(16, () -> integrations.addConnection("openrouter", "race"));

        assertThat(outcomes).filteredOn(Connection.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(IntegrationError.ALREADY_EXISTS::equals).hasSize(15);
        assertThat(integrations.listConnections("openrouter")).hasSize(1);
    }

    @Test
    void saveSetupWhen100ConcurrentCallsWriteDifferentFieldsThenNoneLost() throws Exception {
        UUID uuid = integrations.addConnection("openrouter", "default").uuid();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            indexes.add(i);
        }
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<IntegrationData>> futures = new ArrayList<>();
        for (int index : indexes) {
            futures.add(executor.submit(() -> {
                gate.await();
                return integrations.saveSetup(uuid, Map.of("field_" + index, "value-" + index));
            }));
        }
        gate.countDown();
        for (Future<IntegrationData> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }

        IntegrationData data = integrations.getIntegration(uuid.toString());
        for (int index : indexes) {
            assertThat(data.get("field_" + index)).as("field_%d", index).isEqualTo("value-" + index);
        }
        assertThat(integrations.auditTrail(uuid))
                .filteredOn(e -> e.action().equals("integration.setup_saved"))
                .hasSize(100);
    }

    @Test
    void renameSaveAndValidateWhenInterleavedThenEveryChangeSurvives() throws Exception {
        UUID uuid = integrations.addConnection("openrouter", "a").uuid();
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int index = i;
            futures.add(executor.submit(() -> {
                gate.await();
                switch (index % 3) {
                    case 0 -> integrations.saveSetup(uuid, Map.of("setting_" + index, index));
                    case 1 -> integrations.renameConnection(uuid, "name-" + index);
                    default -> integrations.recordValidation(uuid, ValidationResult.ok());
                }
                return null;
            }));
        }
        gate.countDown();
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }

        Connection connection = integrations.getIntegrationByUuid(uuid);
        for (int i = 0; i < 30; i += 3) {
            assertThat(connection.data().get("setting_" + i))
                    .as("setting_%d", i)
                    .isEqualTo(i);
        }
        assertThat(connection.name()).startsWith("name-");
        assertThat(connection.data().name()).contains(connection.name());
        assertThat(connection.data().lastValidatedAt()).isPresent();
        assertThat(integrations.listConnections("openrouter")).hasSize(1);
    }
}
