package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.internal.StepCatalog;
import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The version marker is read and written exactly as PhoenixKit does, and a PhoenixKit-migrated database is
 * recognised.
 */
class VersionMarkerTest {

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
    void migrateWhenTargetIsAShippedStepThenMarkerIsThatStepsNumber() {
        MigrationReport report = migrator.migrate(34);

        assertThat(report.toVersion()).isEqualTo(34);
        assertThat(sql.marker("public")).isEqualTo("34");
        assertThat(report.applied()).extracting(AppliedStep::version).containsExactly("1", "3", "4", "12", "34", "L1");
    }

    @Test
    @DisplayName("migrating to a version between shipped steps ends at that version, like PhoenixKit's final comment")
    void migrateWhenTargetIsBetweenShippedStepsThenMarkerIsTheTarget() {
        MigrationReport report = migrator.migrate(105);

        assertThat(report.toVersion()).isEqualTo(105);
        assertThat(sql.marker("public")).isEqualTo("105");
        assertThat(report.applied()).extracting(AppliedStep::version).endsWith("93", "101", "L1");
    }

    @Test
    void migrateWhenTargetIsBelowCurrentVersionThenNothingRunsAndMarkerIsNotLowered() {
        migrator.migrate();

        MigrationReport report = migrator.migrate(50);

        assertThat(report.applied()).isEmpty();
        assertThat(report.fromVersion()).isEqualTo(107);
        assertThat(report.toVersion()).isEqualTo(107);
        assertThat(sql.marker("public")).isEqualTo("107");
    }

    @Test
    @DisplayName("a phoenix_kit table without a comment is refused (PhoenixKit 2.x raises too), nothing created")
    void migrateWhenVersionTableHasNoCommentThenRefusedWithMissingVersionMarker() {
        sql.execute("CREATE TABLE phoenix_kit (id serial PRIMARY KEY, version integer NOT NULL)");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.error()).isEqualTo(MigrationError.MISSING_VERSION_MARKER))
                .hasMessageContaining("\"public\".phoenix_kit")
                .hasMessageContaining("no version comment")
                .hasMessageContaining("PhoenixKit 2.x refuses")
                .hasMessageContaining("mix phoenix_kit.doctor")
                .hasMessageContaining("COMMENT ON TABLE");
        assertThatThrownBy(migrator::info)
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.error()).isEqualTo(MigrationError.MISSING_VERSION_MARKER));
        assertThat(sql.marker("public")).isNull();
        assertThat(sql.tableExists("public", "phoenix_kit_java_schema_history")).isFalse();
        assertThat(sql.tableExists("public", "phoenix_kit_settings")).isFalse();
    }

    @Test
    void migrateWhenCommentIsNotANumberThenFailsWithInvalidVersionMarker() {
        sql.execute("CREATE TABLE phoenix_kit (id serial PRIMARY KEY)");
        sql.execute("COMMENT ON TABLE phoenix_kit IS 'not a version'");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_VERSION_MARKER))
                .hasMessageContaining("'not a version'")
                .hasMessageContaining("PhoenixKit refuses")
                .hasMessageContaining("mix phoenix_kit.doctor");
        assertThat(sql.tableExists("public", "phoenix_kit_java_schema_history")).isFalse();
    }

    @Test
    void migrateWhenCommentIsNegativeThenFailsWithInvalidVersionMarker() {
        sql.execute("CREATE TABLE phoenix_kit (id serial PRIMARY KEY)");
        sql.execute("COMMENT ON TABLE phoenix_kit IS '-3'");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_VERSION_MARKER))
                .hasMessageContaining("'-3'");
    }

    @Test
    @DisplayName("a database PhoenixKit migrated to 111 (no history of ours) runs no chain step, gets L1, keeps 111")
    void migrateWhenPhoenixKitMigratedTo111ThenOnlyLibraryTrackRunsAndMarkerStays() {
        simulatePhoenixKitDatabase(111);

        MigrationInfo before = migrator.info();
        MigrationReport report = migrator.migrate();

        assertThat(before.currentVersion()).isEqualTo(111);
        assertThat(before.pending()).extracting(PendingStep::version).containsExactly("L1");
        assertThat(report.fromVersion()).isEqualTo(111);
        assertThat(report.toVersion()).isEqualTo(111);
        assertThat(report.applied())
                .extracting(AppliedStep::track, AppliedStep::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MigrationTrack.LIBRARY, "L1"));
        assertThat(sql.marker("public")).isEqualTo("111");
        assertThat(sql.column("SELECT track || ':' || version FROM phoenix_kit_java_schema_history"))
                .containsExactly("library:L1");
        assertThat(migrator.migrate().applied()).isEmpty();
        assertThat(sql.marker("public")).isEqualTo("111");
    }

    @Test
    void migrateWhenPhoenixKitMigratedTo107ThenNoChainStepRuns() {
        simulatePhoenixKitDatabase(107);
        sql.execute("INSERT INTO phoenix_kit_settings (key, value_json, module) VALUES"
                + " ('integration:openrouter:default', '{\"provider\":\"openrouter\"}'::jsonb, 'integrations')");

        MigrationReport report = migrator.migrate();

        assertThat(report.applied()).extracting(AppliedStep::version).containsExactly("L1");
        assertThat(sql.marker("public")).isEqualTo("107");
        assertThat(sql.value("SELECT count(*) FROM phoenix_kit_settings WHERE key LIKE 'integration:%'"))
                .isEqualTo("1");
    }

    @Test
    void rollbackWhenDatabaseIsNewerThanLibraryThenRefusesAndChangesNothing() {
        simulatePhoenixKitDatabase(111);

        assertThatThrownBy(() -> migrator.rollback(105))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED))
                .hasMessageContaining("111")
                .hasMessageContaining("PhoenixKit");
        assertThat(sql.marker("public")).isEqualTo("111");
    }

    /**
     * What PhoenixKit leaves behind: the chain's tables and a marker, and no history table of ours.
     */
    private void simulatePhoenixKitDatabase(int marker) {
        migrator.withCatalog(StepCatalog.empty().withSteps(StepCatalog.shipped().chain()))
                .migrate();
        sql.execute("DROP TABLE phoenix_kit_java_schema_history");
        sql.execute("COMMENT ON TABLE phoenix_kit IS '" + marker + "'");
        assertThat(sql.tableExists("public", "phoenix_kit_integration_audit")).isFalse();
        assertThat(sql.column("SELECT 1 FROM pg_tables WHERE tablename = 'phoenix_kit_java_schema_history'"))
                .isEqualTo(List.of());
    }
}
