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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A marker at or above PhoenixKit's V135 floor: PhoenixKit owns the chain, so our runner runs none of it, checks what
 * the integrations store needs, applies its own track, and never writes a marker below the one found.
 */
class PhoenixKitOwnedSchemaTest {

    private TestDatabases.TestDatabase database;
    private Sql sql;
    private Migrator migrator;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
        migrator = Migrator.create(database.dataSource());
    }

    /** The settings table as PhoenixKit 2.x has it (value text at >= 160), no history of ours, marker {@code n}. */
    private void phoenixKitDatabase(int marker) {
        migrator.withCatalog(StepCatalog.empty().withSteps(StepCatalog.shipped().chain()))
                .migrate(107);
        sql.execute("DROP TABLE phoenix_kit_java_schema_history");
        if (marker >= 160) {
            sql.execute("ALTER TABLE phoenix_kit_settings ALTER COLUMN value TYPE text");
        }
        sql.execute("COMMENT ON TABLE phoenix_kit IS '" + marker + "'");
    }

    @ParameterizedTest
    @ValueSource(ints = {135, 159, 160, 180})
    @DisplayName("no chain step runs, the library track does, the marker stays")
    void onlyTheLibraryTrackRunsAndTheMarkerStays(int marker) {
        phoenixKitDatabase(marker);
        List<String> settingsBefore = sql.columns("public", "phoenix_kit_settings");

        MigrationReport report = migrator.migrate();

        assertThat(report.applied())
                .extracting(AppliedStep::track, AppliedStep::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MigrationTrack.LIBRARY, "L1"));
        assertThat(report.fromVersion()).isEqualTo(marker);
        assertThat(report.toVersion()).isEqualTo(marker);
        assertThat(sql.marker("public")).isEqualTo(String.valueOf(marker));
        assertThat(sql.tableExists("public", "phoenix_kit_integration_audit")).isTrue();
        assertThat(sql.columns("public", "phoenix_kit_settings")).isEqualTo(settingsBefore);

        assertThat(migrator.migrate(Migrator.UUID_KEYS).applied()).isEmpty();
        assertThat(migrator.migrate(34).applied()).isEmpty();
        assertThat(sql.marker("public")).isEqualTo(String.valueOf(marker));
        assertThat(migrator.info().upToDate()).isTrue();
    }

    @Test
    void integrationRowsAreLeftAsPhoenixKitWroteThem() {
        phoenixKitDatabase(180);
        sql.execute("INSERT INTO phoenix_kit_settings (uuid, key, module, value, value_json)"
                + " VALUES ('0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000001',"
                + " 'integrations', NULL, '{\"provider\":\"openrouter\",\"name\":\"Team Key\"}')");
        List<List<String>> before = sql.rows("SELECT * FROM phoenix_kit_settings ORDER BY uuid");

        migrator.migrate(Migrator.UUID_KEYS);

        assertThat(sql.rows("SELECT * FROM phoenix_kit_settings ORDER BY uuid")).isEqualTo(before);
    }

    @Test
    @DisplayName("value still varchar(255) under a marker >= 160: SCHEMA_MISMATCH naming V160, nothing created")
    void aVarcharValueAt160OrAboveIsASchemaMismatch() {
        phoenixKitDatabase(135);
        sql.execute("COMMENT ON TABLE phoenix_kit IS '175'");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.SCHEMA_MISMATCH))
                .hasMessageContaining("PhoenixKit version 175")
                .hasMessageContaining("column value is character varying(255), expected text")
                .hasMessageContaining("V160")
                .hasMessageContaining("mix phoenix_kit.doctor")
                .hasMessageContaining("Nothing was changed");
        assertThat(sql.tableExists("public", "phoenix_kit_java_schema_history")).isFalse();
        assertThat(sql.tableExists("public", "phoenix_kit_integration_audit")).isFalse();
        assertThat(sql.marker("public")).isEqualTo("175");
    }

    @Test
    void everyMissingPieceIsNamedAtOnce() {
        phoenixKitDatabase(180);
        sql.execute("ALTER TABLE phoenix_kit_settings DROP COLUMN value_json");
        sql.execute("ALTER TABLE phoenix_kit_settings ALTER COLUMN value SET NOT NULL");
        sql.execute("DROP INDEX phoenix_kit_settings_key_uidx");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.SCHEMA_MISMATCH))
                .hasMessageContaining("column value_json is missing (expected jsonb)")
                .hasMessageContaining("column value is NOT NULL")
                .hasMessageContaining("no unique index on (key)");
    }

    @Test
    void aMissingSettingsTableIsASchemaMismatch() {
        sql.execute("CREATE TABLE phoenix_kit (id integer PRIMARY KEY, version integer NOT NULL)");
        sql.execute("COMMENT ON TABLE phoenix_kit IS '180'");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.SCHEMA_MISMATCH))
                .hasMessageContaining("table \"public\".phoenix_kit_settings is missing");
        assertThat(sql.tableExists("public", "phoenix_kit_java_schema_history")).isFalse();
    }

    @Test
    @DisplayName("rollback of a PhoenixKit 2.x schema is refused, naming PhoenixKit's floor")
    void rollbackIsRefused() {
        phoenixKitDatabase(180);
        migrator.migrate();

        assertThatThrownBy(() -> migrator.rollback(107))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED))
                .hasMessageContaining("180")
                .hasMessageContaining("V135 floor")
                .hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> migrator.rollback(0))
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED));
        assertThat(sql.marker("public")).isEqualTo("180");
        assertThat(sql.tableExists("public", "phoenix_kit_integration_audit")).isTrue();
    }
}
