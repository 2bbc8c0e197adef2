package dev.phoenixkit.benchmarks;

import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * P3: a fresh {@code Migrator.migrate()} (PhoenixKit chain V01…V107 plus the library track L1) on an empty
 * database.
 *
 * <ul>
 *   <li>{@code library}: {@code Migrator.create(dataSource).migrate()};</li>
 *   <li>{@code baseline}: Flyway applying the same SQL files (placeholders substituted beforehand, renamed
 *       {@code V<n>__…}, the library track as {@code V1001__…}), from a filesystem location;</li>
 *   <li>{@code floor}: {@code psql -f} of the concatenated scripts (process start included).</li>
 * </ul>
 *
 * <p>Each shot gets a new empty database (created before the shot, dropped after it, neither timed) and a
 * non-pooled data source, so every tool opens its connections cold, as at application start.
 */
@RatioTarget(id = "P3", maxRatio = 1.0, maxFloorRatio = 1.5)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 6)
@Measurement(iterations = 12)
@State(Scope.Benchmark)
public class FreshMigrateBenchmark {
    private List<ShippedScripts.Script> scripts;
    private Path workDirectory;
    private Path flywayLocation;
    private Path concatenated;
    private Path psqlStderr;
    private Path psql;
    private TestDatabase database;
    private PGSimpleDataSource dataSource;

    /**
     * Writes the Flyway location and the concatenated script; starts the server.
     *
     * @throws IOException when the temporary files cannot be written
     */
    @Setup(Level.Trial)
    public void writeScripts() throws IOException {
        PostgresServer.shared();
        scripts = ShippedScripts.substituted("public");
        workDirectory = Files.createTempDirectory("phoenixkit-bench-p3");
        flywayLocation = Files.createDirectory(workDirectory.resolve("flyway"));
        ShippedScripts.writeFlywayLocation(flywayLocation, scripts);
        concatenated = workDirectory.resolve("all.sql");
        ShippedScripts.writeConcatenated(concatenated, scripts);
        psqlStderr = workDirectory.resolve("psql.err");
        psql = Psql.find().orElse(null);
    }

    /** Creates the empty database of the next shot. */
    @Setup(Level.Iteration)
    public void createDatabase() {
        database = PostgresServer.shared().createEmptyDatabase();
        dataSource = Databases.unpooled(database);
    }

    /** Checks the shot reached the full schema, then drops its database. */
    @TearDown(Level.Iteration)
    public void checkAndDropDatabase() {
        try {
            long tables = Databases.queryLong(dataSource, """
                    SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN
                      ('phoenix_kit', 'phoenix_kit_settings', 'phoenix_kit_ai_endpoints', 'phoenix_kit_projects',
                       'phoenix_kit_integration_audit')""");
            long version = Databases.queryLong(
                    dataSource, "SELECT obj_description('public.phoenix_kit'::regclass, 'pg_class')::int");
            if (tables != 5 || version != Migrator.LATEST) {
                throw new IllegalStateException(
                        "Shot did not migrate fully: " + tables + " of 5 tables, version " + version);
            }
        } finally {
            database.close();
        }
    }

    /** Removes the temporary files. */
    @TearDown(Level.Trial)
    public void deleteScripts() throws IOException {
        try (Stream<Path> files = Files.walk(workDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** @return the report of a fresh migration */
    @Benchmark
    public MigrationReport library() {
        return Migrator.create(dataSource).migrate();
    }

    /** @return Flyway's result for the same scripts */
    @Benchmark
    public MigrateResult baseline() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + flywayLocation)
                .placeholderReplacement(false)
                .load()
                .migrate();
    }

    /** Runs the concatenated scripts with {@code psql -f}. */
    @Benchmark
    public void floor() {
        if (psql == null) {
            throw new IllegalStateException("psql is not installed; the suite skips this floor when it is absent");
        }
        Psql.runFile(psql, database.jdbcUrl(), database.user(), concatenated, psqlStderr);
    }
}
