package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.internal.Checksums;
import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library's history table and the checksum check.
 */
class HistoryAndChecksumTest {

    private static final String V107 = "dev/phoenixkit/migrations/phoenix_kit/V107__ai_endpoints_integration_uuid.sql";

    private Sql sql;
    private Migrator migrator;

    @BeforeEach
    void migratedDatabase() {
        TestDatabases.TestDatabase database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
        migrator = Migrator.create(database.dataSource());
        migrator.migrate();
    }

    @Test
    void migrateWhenStepsRunThenHistoryRecordsEachWithScriptChecksumAndOutcome() throws IOException {
        List<List<String>> rows = sql.rows("""
                SELECT track, version, description, direction, script, checksum, installed_by = current_user,
                       execution_ms >= 0, success, installed_on <= now()
                  FROM phoenix_kit_java_schema_history ORDER BY installed_rank
                """);

        assertThat(rows).hasSize(TestSteps.defaultStepCount());
        assertThat(rows)
                .extracting(row -> row.get(0) + ":" + row.get(1))
                .startsWith("phoenix_kit:1")
                .endsWith("phoenix_kit:107", "library:L1");
        assertThat(rows.get(13))
                .containsExactly(
                        "phoenix_kit",
                        "107",
                        "ai endpoints integration uuid",
                        "up",
                        V107,
                        Checksums.sha256(resource(V107)),
                        "t",
                        "t",
                        "t",
                        "t");
    }

    @Test
    void migrateWhenAppliedChainScriptChangedThenStopsWithChecksumMismatchNamingStepAndFile() {
        sql.execute("UPDATE phoenix_kit_java_schema_history SET checksum = repeat('0', 64) WHERE version = '107'");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.error()).isEqualTo(MigrationError.CHECKSUM_MISMATCH))
                .hasMessageContaining("V107 (ai endpoints integration uuid)")
                .hasMessageContaining(V107)
                .hasMessageContaining("0".repeat(64));
    }

    @Test
    void migrateWhenAppliedLibraryScriptChangedThenStopsBeforeRunningAnything() {
        sql.execute("UPDATE phoenix_kit_java_schema_history SET checksum = repeat('a', 64) WHERE version = 'L1'");
        sql.execute("DROP TABLE phoenix_kit_integration_audit");
        sql.execute("COMMENT ON TABLE phoenix_kit IS '101'");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.error()).isEqualTo(MigrationError.CHECKSUM_MISMATCH))
                .hasMessageContaining("L1 (integration audit)")
                .hasMessageContaining("library/L1__integration_audit.sql");
        assertThat(sql.marker("public")).as("no step ran").isEqualTo("101");
    }

    @Test
    void validateWhenScriptsUnchangedThenNoMismatchAndWhenChangedThenNamesStepAndBothChecksums() throws IOException {
        assertThat(migrator.validate()).isEmpty();

        sql.execute("UPDATE phoenix_kit_java_schema_history SET checksum = repeat('0', 64) WHERE version = '107'");

        assertThat(migrator.validate())
                .containsExactly(new ChecksumMismatch(
                        MigrationTrack.PHOENIX_KIT, "107", V107, "0".repeat(64), Checksums.sha256(resource(V107))));
    }

    @Test
    void historyWhenMigratedThenEveryRunOldestFirstWithTimestamps() {
        List<HistoryEntry> history = migrator.history();

        assertThat(history)
                .extracting(entry -> entry.track() + ":" + entry.version())
                .startsWith("PHOENIX_KIT:1")
                .endsWith("PHOENIX_KIT:107", "LIBRARY:L1");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.success()).isTrue();
            assertThat(entry.direction()).isEqualTo(MigrationDirection.UP);
        });
        assertThat(history).extracting(HistoryEntry::installedRank).isSorted();
    }

    @Test
    void checksumWhenLineEndingsOrBomDifferThenSame() {
        String unix = "CREATE TABLE x (id int);\nSELECT 1;\n";

        assertThat(Checksums.sha256("\uFEFF" + unix.replace("\n", "\r\n"))).isEqualTo(Checksums.sha256(unix));
        assertThat(Checksums.sha256(unix + " ")).isNotEqualTo(Checksums.sha256(unix));
        assertThat(Checksums.sha256(unix)).hasSize(64).matches("[0-9a-f]+");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = HistoryAndChecksumTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
