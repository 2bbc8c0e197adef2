package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshMigrationTest {

    @Test
    void migrateWhenDatabaseIsEmptyThenReachesLatestAndAppliesLibraryTrack() {
        TestDatabases.TestDatabase database = TestDatabases.newDatabase();
        Sql sql = new Sql(database.dataSource());

        MigrationReport report = Migrator.create(database.dataSource()).migrate();

        assertThat(report.fromVersion()).isZero();
        assertThat(report.toVersion()).isEqualTo(Migrator.LATEST);
        assertThat(report.applied())
                .extracting(AppliedStep::version)
                .containsExactly(
                        "1", "3", "4", "12", "34", "40", "56", "73", "74", "78", "93", "101", "106", "107", "L1");
        assertThat(report.applied())
                .filteredOn(step -> step.track() == MigrationTrack.LIBRARY)
                .extracting(AppliedStep::version)
                .containsExactly("L1");
        assertThat(sql.marker("public")).isEqualTo("107");
        assertThat(sql.tableExists("public", "phoenix_kit_integration_audit")).isTrue();
        assertThat(sql.indexes("public", "phoenix_kit_ai_endpoints"))
                .containsExactlyInAnyOrder(
                        "phoenix_kit_ai_endpoints_pkey", "phoenix_kit_ai_endpoints_uuid_idx",
                        "phoenix_kit_ai_endpoints_enabled_idx", "phoenix_kit_ai_endpoints_sort_order_idx",
                        "phoenix_kit_ai_endpoints_integration_uuid_index", "phoenix_kit_ai_endpoints_name_index");
        assertThat(sql.indexes("public", "phoenix_kit_settings"))
                .containsExactlyInAnyOrder(
                        "phoenix_kit_settings_pkey",
                        "phoenix_kit_settings_key_uidx",
                        "phoenix_kit_settings_uuid_idx",
                        "phoenix_kit_settings_key_prefix_idx");
        assertThat(sql.indexes("public", "phoenix_kit_projects"))
                .containsExactlyInAnyOrder(
                        "phoenix_kit_projects_pkey", "phoenix_kit_projects_name_template_index",
                        "phoenix_kit_projects_name_project_index", "phoenix_kit_projects_status_index");
        assertThat(Migrator.create(database.dataSource()).migrate().applied()).isEqualTo(List.of());
    }
}
