package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Our runner holds PhoenixKit's chain lock ({@value Migrator#PHOENIX_KIT_CHAIN_LOCK}) for every run, so it and
 * PhoenixKit's runner (or {@code mix phoenix_kit.repair}) never migrate one database at once. Waiting is observed in
 * {@code pg_locks} (an ungranted advisory lock on that key), never inferred from elapsed time.
 */
class PhoenixKitChainLockTest {

    private static final String WAITING_FOR_CHAIN_LOCK = """
            SELECT count(*) FROM pg_locks
             WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND classid = 0 AND objid = 208068035 AND objsubid = 1 AND NOT granted
            """;

    private static final String ADVISORY_LOCKS_HERE = """
            SELECT count(*) FROM pg_locks
             WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """;

    private TestDatabases.TestDatabase database;
    private Sql sql;
    private Migrator migrator;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
        migrator = Migrator.create(database.dataSource());
    }

    @Test
    void theKeyIsPhoenixKitsCrc32OfItsRepairLockName() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("phoenix_kit.migrations.repair".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(Migrator.PHOENIX_KIT_CHAIN_LOCK).isEqualTo(crc.getValue()).isEqualTo(208068035L);
    }

    @Test
    @DisplayName("a session holding the lock (mix phoenix_kit.repair's form) makes migrate wait, then it proceeds")
    void migrateWaitsForASessionLockThenProceedsOnRelease() throws Exception {
        try (Connection repair = database.connect()) {
            execute(repair, "SELECT pg_advisory_lock(208068035)");

            CompletableFuture<MigrationReport> run = CompletableFuture.supplyAsync(migrator::migrate);
            awaitWaiter();

            assertThat(run).isNotDone();
            assertThat(sql.tableExists("public", "phoenix_kit")).isFalse();

            execute(repair, "SELECT pg_advisory_unlock(208068035)");
            MigrationReport report = run.get(2, TimeUnit.MINUTES);

            assertThat(report.toVersion()).isEqualTo(Migrator.LATEST);
            assertThat(sql.marker("public")).isEqualTo("107");
        }
        assertThat(sql.value(WAITING_FOR_CHAIN_LOCK)).isEqualTo("0");
        assertThat(sql.value(ADVISORY_LOCKS_HERE)).isEqualTo("0");
    }

    @Test
    @DisplayName("PhoenixKit's up/1 form (a transaction lock) makes rollback wait until that transaction ends")
    void rollbackWaitsForATransactionLockThenProceeds() throws Exception {
        migrator.migrate();
        try (Connection phoenixKit = database.connect()) {
            phoenixKit.setAutoCommit(false);
            assertThat(tryLock(phoenixKit, "pg_try_advisory_xact_lock")).isTrue();

            CompletableFuture<MigrationReport> run = CompletableFuture.supplyAsync(() -> migrator.rollback(101));
            awaitWaiter();

            assertThat(run).isNotDone();
            assertThat(sql.marker("public")).isEqualTo("107");

            phoenixKit.commit();
            assertThat(run.get(2, TimeUnit.MINUTES).toVersion()).isEqualTo(101);
        }
        assertThat(sql.marker("public")).isEqualTo("101");
    }

    @Test
    @DisplayName("while our runner migrates, PhoenixKit's pg_try_advisory_xact_lock on the key fails")
    void phoenixKitCannotTakeTheLockWhileOurRunnerMigrates() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Migrator listening = migrator.listener(new MigrationListener() {
            @Override
            public void stepApplied(AppliedStep step) {
                if (step.version().equals("3")) {
                    inStep.countDown();
                    await(release);
                }
            }
        });
        CompletableFuture<MigrationReport> run = CompletableFuture.supplyAsync(listening::migrate);
        assertThat(inStep.await(2, TimeUnit.MINUTES)).isTrue();

        try (Connection phoenixKit = database.connect()) {
            phoenixKit.setAutoCommit(false);
            assertThat(tryLock(phoenixKit, "pg_try_advisory_xact_lock")).isFalse();
            phoenixKit.rollback();
            assertThat(tryLock(phoenixKit, "pg_try_advisory_lock")).isFalse();
        } finally {
            release.countDown();
        }
        assertThat(run.get(2, TimeUnit.MINUTES).toVersion()).isEqualTo(Migrator.LATEST);

        try (Connection phoenixKit = database.connect()) {
            phoenixKit.setAutoCommit(false);
            assertThat(tryLock(phoenixKit, "pg_try_advisory_xact_lock")).isTrue();
            phoenixKit.rollback();
        }
    }

    @Test
    void aHeldChainLockBeyondTheLockTimeoutFailsWithLockTimeoutNamingPhoenixKitAndChangesNothing() throws Exception {
        try (Connection repair = database.connect()) {
            execute(repair, "SELECT pg_advisory_lock(208068035)");

            assertThatThrownBy(() -> migrator.lockTimeout(Duration.ZERO).migrate())
                    .isInstanceOfSatisfying(
                            MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.LOCK_TIMEOUT))
                    .hasMessageContaining("PhoenixKit's migration lock")
                    .hasMessageContaining("208068035")
                    .hasMessageContaining("mix phoenix_kit.repair")
                    .hasMessageContaining("pg_locks");
            assertThatThrownBy(
                            () -> migrator.lockTimeout(Duration.ofMillis(300)).migrate())
                    .isInstanceOfSatisfying(
                            MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.LOCK_TIMEOUT))
                    .hasMessageContaining("208068035");
        }
        assertThat(sql.tableExists("public", "phoenix_kit")).isFalse();
        // neither our schema lock nor the chain lock outlived the failed runs
        assertThat(sql.value(ADVISORY_LOCKS_HERE)).isEqualTo("0");
        assertThat(migrator.migrate().toVersion()).isEqualTo(Migrator.LATEST);
    }

    /** Polls pg_locks until a session waits for the chain lock (condition-based; no fixed sleep decides). */
    private void awaitWaiter() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!"1".equals(sql.value(WAITING_FOR_CHAIN_LOCK))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no session ever waited for PhoenixKit's chain lock");
            }
            Thread.onSpinWait();
            Thread.sleep(5);
        }
    }

    private static boolean tryLock(Connection connection, String function) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + function + "(208068035)")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
