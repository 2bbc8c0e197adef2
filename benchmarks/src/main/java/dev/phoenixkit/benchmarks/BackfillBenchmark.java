package dev.phoenixkit.benchmarks;

import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * P4: the V107 backfill (pinning AI endpoints to integration connections) over 10,000 integrations and
 * {@link #endpoints} endpoints.
 *
 * <ul>
 *   <li>{@code library}: {@code Migrator.migrate(107)} on a database at version 106 (the whole V107 step as a user
 *       runs it: the column, its index, both backfill UPDATEs, the unique name index, marker and history);</li>
 *   <li>{@code baseline}: V107's own statements, taken from the shipped script, run bare over JDBC in one
 *       transaction on the same data: both backfill UPDATEs and both index builds ({@code integration_uuid} and the
 *       unique {@code lower(name)} index); the column they fill is added before the shot, untimed.</li>
 * </ul>
 *
 * <p>Data (built once per run into a template at version 106, then {@code VACUUM ANALYZE}d): 10,000 connections
 * {@code integration:<provider>:conn-<i>} over five providers, one in seven never validated, with the schema's
 * {@code uuid_generate_v7()} keys as PhoenixKit writes them; endpoints are 45 %
 * {@code provider:conn-<i>} (exact key, backfill 1), 45 % a bare provider (backfill 2: most recently validated
 * connection), 10 % matching nothing. Every shot runs on a fresh file copy of the template; after each shot the
 * number of pinned endpoints is checked against the count the template predicts, so both methods must do the same
 * work. No warm-up shot: the trial set-up already ran the migrator and JDBC in this JVM, and a shot is dominated by
 * PostgreSQL.
 */
@RatioTarget(id = "P4", maxRatio = 1.1, scalingParam = "endpoints")
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class BackfillBenchmark {
    /** Connections in {@code phoenix_kit_settings}. */
    static final int INTEGRATIONS = 10_000;

    /**
     * V107's own statements of the shipped script, as the migrator substitutes them: both backfill UPDATEs and both
     * index builds.
     */
    static final List<String> V107_STATEMENTS = ShippedScripts.backfillAndIndexStatementsOfV107("public");

    private static final String INSERT_INTEGRATIONS = """
            INSERT INTO phoenix_kit_settings (key, value, value_json, module, date_added, date_updated)
            SELECT 'integration:' || (ARRAY['openrouter','mistral','deepseek','google','microsoft'])[1 + g % 5]
                     || ':conn-' || g,
                   NULL,
                   jsonb_build_object('provider', (ARRAY['openrouter','mistral','deepseek','google','microsoft'])[1 + g % 5],
                                      'name', 'conn-' || g,
                                      'status', 'connected',
                                      'api_key', 'enc:v1:' || md5(g::text),
                                      'last_validated_at', CASE WHEN g % 7 = 0 THEN NULL ELSE
                                        to_char(timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute',
                                                'YYYY-MM-DD"T"HH24:MI:SS"Z"') END),
                   'integrations', now(), now()
              FROM generate_series(1, {INTEGRATIONS}) AS g""";
    private static final String INSERT_ENDPOINTS = """
            INSERT INTO phoenix_kit_ai_endpoints (name, provider, api_key, model, inserted_at, updated_at)
            SELECT 'endpoint-' || g,
                   CASE WHEN g % 20 < 9
                          THEN (ARRAY['openrouter','mistral','deepseek','google','microsoft'])[1 + c % 5]
                                 || ':conn-' || c
                        WHEN g % 20 < 18
                          THEN (ARRAY['openrouter','mistral','deepseek','google','microsoft'])[1 + g % 5]
                        WHEN g % 2 = 0 THEN 'anthropic'
                        ELSE 'openrouter:missing-' || g END,
                   '',
                   'model-' || g % 10,
                   now(), now()
              FROM generate_series(1, {ENDPOINTS}) AS g,
                   LATERAL (SELECT (1 + (g::bigint * 7919) % {INTEGRATIONS})::int AS c) AS pick""";
    /** What V107 must pin, counted with joins written independently of V107's statements. */
    private static final String EXPECTED_PINNED = """
            SELECT (SELECT count(*)
                      FROM phoenix_kit_ai_endpoints AS e
                      JOIN phoenix_kit_settings AS s ON s.key = 'integration:' || e.provider
                     WHERE strpos(e.provider, ':') > 0)
                 + (SELECT count(*)
                      FROM phoenix_kit_ai_endpoints AS e
                     WHERE strpos(e.provider, ':') = 0
                       AND e.provider IN (SELECT split_part(s.key, ':', 2) FROM phoenix_kit_settings AS s
                                           WHERE s.key LIKE 'integration:%:%'))""";

    /** Endpoints in {@code phoenix_kit_ai_endpoints}. */
    @Param({"10000", "100000", "1000000"})
    public int endpoints;

    /** Name prefix of the templates, which the forks of one suite run share; the suite drops them at the end. */
    static final String TEMPLATE_PREFIX = "phoenixkit_bench_p4_";

    private TestDatabase probe;
    private String template;
    private long expectedPinned;
    private Databases.Clone clone;

    /**
     * Builds the template at version 106 with the data, unless an earlier fork of this run already did (the suite
     * shares one server between forks): it is built under a temporary name and renamed when complete.
     */
    @Setup(Level.Trial)
    public void buildTemplate() {
        probe = PostgresServer.shared().createEmptyDatabase();
        template = TEMPLATE_PREFIX + endpoints;
        if (!Databases.exists(template)) {
            long started = System.nanoTime();
            String building = template + "_building_" + ProcessHandle.current().pid();
            Databases.create(building);
            var dataSource = Databases.unpooled(probe, building);
            Migrator.create(dataSource).migrate(106);
            Databases.execute(
                    dataSource,
                    sized(INSERT_INTEGRATIONS),
                    sized(INSERT_ENDPOINTS),
                    "VACUUM ANALYZE phoenix_kit_settings",
                    "VACUUM ANALYZE phoenix_kit_ai_endpoints");
            Databases.rename(building, template);
            System.err.printf(
                    "P4 template with %,d endpoints built in %.1f s%n", endpoints, (System.nanoTime() - started) / 1e9);
        }
        expectedPinned = Databases.queryLong(Databases.unpooled(probe, template), EXPECTED_PINNED);
    }

    private String sized(String sql) {
        return sql.replace("{INTEGRATIONS}", Integer.toString(INTEGRATIONS))
                .replace("{ENDPOINTS}", Integer.toString(endpoints));
    }

    /**
     * Copies the template for the next shot; for the baseline also adds the column the UPDATEs fill.
     *
     * @param params which benchmark method the shot is for
     */
    @Setup(Level.Iteration)
    public void cloneTemplate(BenchmarkParams params) {
        clone = Databases.cloneOf(template, probe);
        if (params.getBenchmark().endsWith(".baseline")) {
            Databases.execute(
                    clone.dataSource(),
                    "ALTER TABLE \"public\".phoenix_kit_ai_endpoints ADD COLUMN integration_uuid uuid");
        }
    }

    /** Checks the shot pinned every endpoint it should, then drops the copy. */
    @TearDown(Level.Iteration)
    public void checkAndDropClone() {
        try {
            long pinned = Databases.queryLong(
                    clone.dataSource(),
                    "SELECT count(*) FROM phoenix_kit_ai_endpoints WHERE integration_uuid IS NOT NULL");
            if (pinned != expectedPinned) {
                throw new IllegalStateException("Backfill pinned " + pinned + " endpoints, expected " + expectedPinned);
            }
        } finally {
            clone.close();
        }
    }

    /** Drops the probe database (the template stays for the next fork). */
    @TearDown(Level.Trial)
    public void dropProbe() {
        probe.close();
    }

    /** @return the report of migrating 106 → 107 */
    @Benchmark
    public MigrationReport library() {
        return Migrator.create(clone.dataSource()).migrate(107);
    }

    /**
     * @return rows updated by the two UPDATEs
     * @throws SQLException on a database error
     */
    @Benchmark
    public int baseline() throws SQLException {
        try (Connection connection = clone.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            int updated = 0;
            for (String sql : V107_STATEMENTS) {
                updated += statement.executeUpdate(sql);
            }
            connection.commit();
            return updated;
        }
    }
}
