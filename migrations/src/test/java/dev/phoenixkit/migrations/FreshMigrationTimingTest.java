package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.migrations.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures the wall time of a fresh {@code migrate()} (chain to 107 plus the library track) on the embedded
 * database and prints the median. A measurement for the report, not a performance assertion.
 */
class FreshMigrationTimingTest {

    private static final int WARM_UP_RUNS = 2;
    private static final int MEASURED_RUNS = 7;

    @Test
    void migrateWhenDatabaseIsFreshThenPrintsMedianWallTime() {
        List<Duration> timings = new ArrayList<>();
        for (int run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run++) {
            Migrator migrator = Migrator.create(TestDatabases.newDatabase().dataSource());
            long started = System.nanoTime();
            MigrationReport report = migrator.migrate();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(report.toVersion()).isEqualTo(Migrator.LATEST);
            assertThat(report.applied()).hasSize(15);
            if (run >= WARM_UP_RUNS) {
                timings.add(elapsed);
            }
        }
        List<Duration> sorted = timings.stream().sorted().toList();
        System.out.printf(
                "Fresh migrate() to %d + library track: median %d ms (min %d ms, max %d ms, %d runs"
                        + " after %d warm-up)%n",
                Migrator.LATEST,
                sorted.get(sorted.size() / 2).toMillis(),
                sorted.get(0).toMillis(),
                sorted.get(sorted.size() - 1).toMillis(),
                MEASURED_RUNS,
                WARM_UP_RUNS);
        assertThat(timings).hasSize(MEASURED_RUNS);
    }
}
