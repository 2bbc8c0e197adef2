package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.internal.AdvisoryLock;
import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent runners serialise on the advisory lock and apply every step exactly once.
 */
class ConcurrencyTest {

    /** Generous bound against hangs; not a performance expectation. */
    private static final long HANG_GUARD_MINUTES = 5;

    /** Every step of {@link TestSteps#withProbes()}, in order. */
    private static final List<String> ALL_STEPS = List.of(
            "phoenix_kit:1",
            "phoenix_kit:2",
            "phoenix_kit:3",
            "phoenix_kit:4",
            "phoenix_kit:12",
            "phoenix_kit:34",
            "phoenix_kit:40",
            "phoenix_kit:56",
            "phoenix_kit:73",
            "phoenix_kit:74",
            "phoenix_kit:78",
            "phoenix_kit:93",
            "phoenix_kit:101",
            "phoenix_kit:106",
            "phoenix_kit:107",
            "library:L1",
            "library:L900");

    private TestDatabases.TestDatabase database;
    private Sql sql;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
    }

    @Test
    void migrateWhenEightThreadsRunAtOnceThenAllSucceedAndEachStepRunsOnce() throws Exception {
        Migrator migrator = Migrator.create(database.dataSource()).withCatalog(TestSteps.withProbes());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<MigrationReport>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return migrator.migrate();
                }));
            }
            start.countDown();
            List<String> applied = new ArrayList<>();
            for (Future<MigrationReport> future : futures) {
                MigrationReport report = future.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                assertThat(report.toVersion()).isEqualTo(107);
                report.applied().forEach(step -> applied.add(step.version()));
            }
            assertThat(applied).hasSize(ALL_STEPS.size()).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        assertEachStepAppliedExactlyOnce();
    }

    @Test
    void migrateWhenTwoJvmProcessesRunAtOnceThenBothSucceedAndEachStepRunsOnce(@TempDir Path dir) throws Exception {
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path output = dir.resolve("child-" + i + ".out");
            outputs.add(output);
            processes.add(new ProcessBuilder(
                            javaExecutable(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ConcurrentMigrationMain.class.getName(),
                            database.jdbcUrl(),
                            database.user() == null ? "" : database.user(),
                            database.password() == null ? "" : database.password(),
                            dir.resolve("ready-" + i).toString(),
                            dir.resolve("go").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start());
        }
        try {
            awaitFiles(dir.resolve("ready-0"), dir.resolve("ready-1"));
            Files.createFile(dir.resolve("go"));
            List<String> applied = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                assertThat(processes.get(i).waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES))
                        .isTrue();
                String out = Files.readString(outputs.get(i), StandardCharsets.UTF_8);
                assertThat(processes.get(i).exitValue())
                        .as("child %d output:%n%s", i, out)
                        .isZero();
                String line = out.lines()
                        .filter(l -> l.startsWith("APPLIED"))
                        .findFirst()
                        .orElseThrow();
                String versions = line.substring("APPLIED".length()).strip();
                if (!versions.isEmpty()) {
                    applied.addAll(Arrays.asList(versions.split(",")));
                }
            }
            assertThat(applied).hasSize(ALL_STEPS.size()).doesNotHaveDuplicates();
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        assertEachStepAppliedExactlyOnce();
    }

    @Test
    void migrateWhenLockIsHeldLongerThanLockTimeoutThenFailsWithLockTimeoutAndChangesNothing() throws Exception {
        try (Connection holder = database.connect()) {
            lock(holder, "public");

            assertThatThrownBy(() -> Migrator.create(database.dataSource())
                            .lockTimeout(Duration.ofMillis(300))
                            .migrate())
                    .isInstanceOfSatisfying(
                            MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.LOCK_TIMEOUT))
                    .hasMessageContaining("PT0.3S")
                    .hasMessageContaining("Migrator.lockTimeout(Duration)")
                    .hasMessageContaining("\"public\"");
            assertThat(sql.tableExists("public", "phoenix_kit")).isFalse();
            assertThat(sql.tableExists("public", "phoenix_kit_java_schema_history"))
                    .isFalse();
        }

        assertThat(Migrator.create(database.dataSource())
                        .lockTimeout(Duration.ZERO)
                        .migrate()
                        .toVersion())
                .isEqualTo(107);
    }

    @Test
    void migrateWhenLockIsReleasedWhileWaitingThenProceeds() throws Exception {
        CompletableFuture<MigrationReport> waiting;
        try (Connection holder = database.connect()) {
            lock(holder, "public");
            waiting = CompletableFuture.supplyAsync(
                    () -> Migrator.create(database.dataSource()).migrate());
            awaitLockAttemptByAnotherSession();
            assertThat(waiting).isNotDone();
            unlock(holder, "public");
        }

        MigrationReport report = waiting.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
        assertThat(report.applied()).hasSize(TestSteps.defaultStepCount());
        assertThat(sql.marker("public")).isEqualTo("107");
    }

    @Test
    void migrateWhenAnotherSchemaIsLockedThenIsNotBlocked() throws Exception {
        try (Connection holder = database.connect()) {
            lock(holder, "public");

            MigrationReport report = Migrator.create(database.dataSource())
                    .schema("tenant_one")
                    .lockTimeout(Duration.ZERO)
                    .migrate();

            assertThat(report.toVersion()).isEqualTo(107);
        }
    }

    @Test
    void migrateWhenInterruptedWhileWaitingForLockThenFailsWithInterruptedAndRestoresFlag() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean flagRestored = new AtomicBoolean();
        try (Connection holder = database.connect()) {
            lock(holder, "public");
            Thread runner = new Thread(
                    () -> {
                        try {
                            Migrator.create(database.dataSource()).migrate();
                        } catch (RuntimeException e) {
                            failure.set(e);
                            flagRestored.set(Thread.currentThread().isInterrupted());
                        }
                    },
                    "interrupted-runner");
            runner.start();
            awaitLockAttemptByAnotherSession();
            runner.interrupt();
            runner.join(TimeUnit.MINUTES.toMillis(HANG_GUARD_MINUTES));
            assertThat(runner.isAlive()).isFalse();
        }

        assertThat(failure.get())
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.INTERRUPTED));
        assertThat(flagRestored).isTrue();
        assertThat(sql.tableExists("public", "phoenix_kit")).isFalse();
    }

    @Test
    @DisplayName("an unlock failure during a failing step is logged and suppressed; the step's error is thrown")
    void migrateWhenLockSessionDiesDuringFailingStepThenOriginalErrorSurvives() {
        Migrator migrator = Migrator.create(database.dataSource())
                .withCatalog(TestSteps.shippedPlus(
                        TestSteps.javaChainStep(35, "kill lock session then fail", (connection, context) -> {
                            terminateLockSession(connection);
                            throw new SQLException("deliberate failure after losing the lock", "XX999");
                        })));

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.error()).isEqualTo(MigrationError.STEP_FAILED);
                    assertThat(e.getSuppressed()).hasSize(1);
                })
                .hasMessageContaining("V35 (kill lock session then fail)")
                .hasMessageContaining("deliberate failure after losing the lock");
        assertThat(sql.marker("public")).isEqualTo("34");
    }

    @Test
    void migrateWhenLockSessionDiesDuringSuccessfulRunThenReportsTheLostLock() {
        Migrator migrator = Migrator.create(database.dataSource())
                .withCatalog(TestSteps.shippedPlus(TestSteps.javaChainStep(
                        35, "kill lock session", (connection, context) -> terminateLockSession(connection))));

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.DATABASE_ERROR))
                .hasMessageContaining("Could not release the migration lock");
        assertThat(sql.marker("public")).as("the steps themselves committed").isEqualTo("107");
    }

    private static void terminateLockSession(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                 WHERE pid <> pg_backend_pid() AND datname = current_database()
                   AND query LIKE 'SELECT pg_try_advisory_lock%'
                """);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            if (rows.getInt(1) != 1) {
                throw new SQLException("expected exactly one lock session, found " + rows.getInt(1));
            }
        }
    }

    private void assertEachStepAppliedExactlyOnce() {
        assertThat(sql.column("SELECT track || ':' || version FROM phoenix_kit_java_schema_history"
                        + " WHERE success AND direction = 'up' ORDER BY installed_rank"))
                .containsExactlyElementsOf(ALL_STEPS);
        assertThat(sql.value("SELECT count(*) FROM phoenix_kit_java_schema_history WHERE NOT success"))
                .isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM chain_probe")).isEqualTo("1");
        assertThat(sql.value("SELECT count(*) FROM library_probe")).isEqualTo("1");
        assertThat(sql.value("SELECT count(*) FROM phoenix_kit_settings"))
                .as("V03 seeds inserted once")
                .isEqualTo("3");
        assertThat(sql.marker("public")).isEqualTo("107");
    }

    private void awaitLockAttemptByAnotherSession() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_GUARD_MINUTES);
        while (sql.value("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                        + " AND datname = current_database() AND query LIKE 'SELECT pg_try_advisory_lock%'")
                .equals("0")) {
            assertThat(System.nanoTime()).as("runner never tried the lock").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitFiles(Path... files) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_GUARD_MINUTES);
        while (!Arrays.stream(files).allMatch(Files::exists)) {
            assertThat(System.nanoTime())
                    .as("child processes never became ready")
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void lock(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            statement.setLong(1, AdvisoryLock.keyFor(schema));
            statement.execute();
        }
    }

    private static void unlock(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, AdvisoryLock.keyFor(schema));
            statement.execute();
        }
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
