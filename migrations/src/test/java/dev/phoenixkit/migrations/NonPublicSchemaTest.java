package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A schema other than {@code public} works end to end and is created when missing.
 */
class NonPublicSchemaTest {

    private Sql sql;
    private TestDatabases.TestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
    }

    @Test
    void migrateWhenSchemaIsMissingThenCreatesItAndKeepsEverythingInside() {
        MigrationReport report =
                Migrator.create(database.dataSource()).schema("tenant_a").migrate();

        assertThat(report.toVersion()).isEqualTo(107);
        assertThat(sql.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_a'"))
                .isEqualTo("1");
        assertThat(sql.marker("tenant_a")).isEqualTo("107");
        assertThat(sql.column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'tenant_a'"
                        + " ORDER BY 1"))
                .containsExactly(
                        "phoenix_kit",
                        "phoenix_kit_ai_endpoints",
                        "phoenix_kit_integration_audit",
                        "phoenix_kit_java_schema_history",
                        "phoenix_kit_projects",
                        "phoenix_kit_settings");
        assertThat(sql.column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                .isEmpty();
        assertThat(sql.indexes("tenant_a", "phoenix_kit_ai_endpoints"))
                .contains("tenant_a_phoenix_kit_ai_endpoints_uuid_idx")
                .doesNotContain("phoenix_kit_ai_endpoints_uuid_idx");
        assertThat(sql.indexes("tenant_a", "phoenix_kit_settings"))
                .contains(
                        "phoenix_kit_settings_uuid_idx",
                        "phoenix_kit_settings_pkey",
                        "phoenix_kit_settings_key_prefix_idx");
        assertThat(sql.columns("tenant_a", "phoenix_kit_settings"))
                .contains("uuid uuid NOT NULL DEFAULT tenant_a.uuid_generate_v7()");
        assertThat(Migrator.create(database.dataSource()).info().currentVersion())
                .as("public untouched")
                .isZero();
    }

    @Test
    void migrateWhenSchemaNameNeedsQuotingThenWorksAndRollsBack() {
        Migrator migrator = Migrator.create(database.dataSource()).schema("Tenant-B \"x\"");

        migrator.migrate();

        assertThat(sql.marker("Tenant-B \"x\"")).isEqualTo("107");
        assertThat(sql.indexes("Tenant-B \"x\"", "phoenix_kit_ai_endpoints"))
                .contains("Tenant-B \"x\"_phoenix_kit_ai_endpoints_uuid_idx");
        sql.execute("INSERT INTO \"Tenant-B \"\"x\"\"\".phoenix_kit_settings (key, value_json)"
                + " VALUES ('integration:openrouter:default', '{}'::jsonb)");
        assertThat(sql.value(
                        "SELECT count(*) FROM \"Tenant-B \"\"x\"\"\".phoenix_kit_settings" + " WHERE uuid IS NOT NULL"))
                .isEqualTo("4");

        MigrationReport rolledBack = migrator.rollback(0);

        assertThat(rolledBack.toVersion()).isZero();
        assertThat(sql.column(
                        "SELECT table_name FROM information_schema.tables" + " WHERE table_schema = 'Tenant-B \"x\"'"))
                .containsExactly("phoenix_kit_java_schema_history");
    }

    @Test
    void migrateWhenTwoSchemasInOneDatabaseThenEachHasItsOwnStateAndHistory() {
        Migrator.create(database.dataSource()).schema("one").migrate(34);
        Migrator.create(database.dataSource()).schema("two").migrate();

        assertThat(sql.marker("one")).isEqualTo("34");
        assertThat(sql.marker("two")).isEqualTo("107");
        assertThat(sql.value("SELECT count(*) FROM one.phoenix_kit_java_schema_history"))
                .isEqualTo("6");
        assertThat(sql.value("SELECT count(*) FROM two.phoenix_kit_java_schema_history"))
                .isEqualTo(String.valueOf(TestSteps.defaultStepCount()));
    }
}
