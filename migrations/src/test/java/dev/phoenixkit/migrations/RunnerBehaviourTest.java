package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoenixkit.migrations.internal.SchemaHistory;
import dev.phoenixkit.migrations.internal.StepContext;
import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runner behaviour: flush between steps, failing steps, the library track, info.
 */
class RunnerBehaviourTest {

    private TestDatabases.TestDatabase database;
    private Sql sql;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
    }

    @Test
    @DisplayName(
            "V40 regression: a step sees, on another connection, every table earlier steps of the same run created")
    void migrateWhenStepInspectsCatalogOnAnotherConnectionThenSeesEarlierSteps() {
        List<String> seenByV35 = new CopyOnWriteArrayList<>();
        List<String> seenByV41 = new CopyOnWriteArrayList<>();
        Migrator migrator = Migrator.create(database.dataSource())
                .withCatalog(TestSteps.shippedPlus(
                        TestSteps.javaChainStep(
                                35,
                                "inspect tables elsewhere",
                                (connection, context) -> seenByV35.addAll(tablesSeenElsewhere(context))),
                        TestSteps.javaChainStep(
                                41,
                                "use uuid function elsewhere",
                                (connection, context) -> seenByV41.add(uuidFromAnotherConnection(context)))));

        MigrationReport report = migrator.migrate();

        assertThat(seenByV35)
                .contains("phoenix_kit", "phoenix_kit_settings", "phoenix_kit_ai_endpoints", SchemaHistory.TABLE);
        assertThat(seenByV41).singleElement().satisfies(uuid -> assertThat(uuid).matches("[0-9a-f-]{36}"));
        assertThat(report.applied()).extracting(AppliedStep::version).contains("34", "35", "40", "41", "56");
        assertThat(report.toVersion()).isEqualTo(Migrator.LATEST);
    }

    @Test
    void migrateWhenStepFailsThenRollsItBackEntirelyAndKeepsMarkerAtLastGoodStep() {
        Migrator failing = Migrator.create(database.dataSource())
                .withCatalog(TestSteps.shippedPlus(TestSteps.sql("V50__failing_step.sql")));

        MigrationException failure = catchThrowableOfType(MigrationException.class, failing::migrate);

        assertThat(failure.error()).isEqualTo(MigrationError.STEP_FAILED);
        assertThat(failure.getMessage())
                .contains("V50 (failing step)")
                .contains("test_steps/V50__failing_step.sql")
                .contains("SQLState 42P01")
                .contains("table_that_does_not_exist")
                .contains("version marker stays at 40");
        assertThat(sql.marker("public")).isEqualTo("40");
        assertThat(sql.tableExists("public", "created_by_failing_step"))
                .as("first statement rolled back")
                .isFalse();
        assertThat(sql.rows(
                        "SELECT version, success FROM phoenix_kit_java_schema_history WHERE version IN ('40', '50', '56')"
                                + " ORDER BY installed_rank"))
                .containsExactly(List.of("40", "t"), List.of("50", "f"));
        assertThat(sql.tableExists("public", "phoenix_kit_integration_audit"))
                .as("library track not reached")
                .isFalse();

        MigrationReport resumed = Migrator.create(database.dataSource()).migrate();

        assertThat(resumed.fromVersion()).isEqualTo(40);
        assertThat(resumed.applied())
                .extracting(AppliedStep::version)
                .containsExactly("56", "73", "74", "78", "93", "101", "106", "107", "L1");
        assertThat(sql.marker("public")).isEqualTo("107");
    }

    @Test
    void migrateWhenStepIsMarkedNoTransactionThenCreatesIndexesConcurrentlyWithoutDeadlock() {
        Migrator migrator = Migrator.create(database.dataSource())
                .withCatalog(TestSteps.shippedPlus(TestSteps.sql("L901__concurrent_indexes.sql")));

        MigrationReport report = migrator.migrate();

        assertThat(report.applied()).extracting(AppliedStep::version).endsWith("L1", "L901");
        assertThat(sql.column("""
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                 WHERE c.relname LIKE 'test_settings_%' AND i.indisvalid ORDER BY 1
                """)).containsExactly("test_settings_date_added_idx", "test_settings_date_updated_idx");
        assertThat(sql.value("SELECT success FROM phoenix_kit_java_schema_history WHERE version = 'L901'"))
                .isEqualTo("t");
    }

    @Test
    void migrateWhenConcurrentIndexStepLacksNoTransactionHeaderThenFailsNamingTheStep() {
        Migrator migrator = Migrator.create(database.dataSource())
                .withCatalog(TestSteps.shippedPlus(TestSteps.sql("L902__concurrent_index_without_header.sql")));

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.STEP_FAILED))
                .hasMessageContaining("L902")
                .hasMessageContaining("SQLState 25001");
        assertThat(sql.marker("public")).isEqualTo("107");
    }

    @Test
    void infoWhenDatabaseIsEmptyThenReportsVersionZeroAndEveryStepPendingWithoutCreatingAnything() {
        MigrationInfo info = Migrator.create(database.dataSource()).info();

        assertThat(info.currentVersion()).isZero();
        assertThat(info.upToDate()).isFalse();
        assertThat(info.pending())
                .extracting(PendingStep::version)
                .containsExactly(
                        "1", "3", "4", "12", "34", "40", "56", "73", "74", "78", "93", "101", "106", "107", "L1");
        assertThat(info.pending().get(13))
                .isEqualTo(new PendingStep(
                        MigrationTrack.PHOENIX_KIT,
                        "107",
                        "ai endpoints integration uuid",
                        "dev/phoenixkit/migrations/phoenix_kit/V107__ai_endpoints_integration_uuid.sql"));
        assertThat(info.appliedLibrarySteps()).isEmpty();
        assertThat(sql.tableExists("public", "phoenix_kit_java_schema_history")).isFalse();
    }

    @Test
    void infoWhenPartlyMigratedThenListsRemainingChainStepsAndAppliedLibrarySteps() {
        Migrator migrator = Migrator.create(database.dataSource());
        migrator.migrate(34);

        MigrationInfo info = migrator.info();

        assertThat(info.currentVersion()).isEqualTo(34);
        assertThat(info.pending())
                .extracting(PendingStep::version)
                .containsExactly("40", "56", "73", "74", "78", "93", "101", "106", "107");
        assertThat(info.appliedLibrarySteps()).containsExactly("L1");

        migrator.migrate();
        assertThat(migrator.info().upToDate()).isTrue();
    }

    @Test
    void migrateWhenTargetIsOutOfRangeThenFailsWithInvalidTarget() {
        Migrator migrator = Migrator.create(database.dataSource());

        assertThatThrownBy(() -> migrator.migrate(0))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_TARGET))
                .hasMessageContaining("1 and 107");
        assertThatThrownBy(() -> migrator.migrate(108))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_TARGET))
                .hasMessageContaining("108");
        assertThatThrownBy(() -> migrator.rollback(-1))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_TARGET))
                .hasMessageContaining("-1");
        assertThat(sql.tableExists("public", "phoenix_kit")).isFalse();
    }

    private static List<String> tablesSeenElsewhere(StepContext context) throws SQLException {
        try (Connection other = context.dataSource().getConnection();
                PreparedStatement statement = other.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1")) {
            statement.setString(1, context.schema());
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.contains("phoenix_kit_ai_endpoints")) {
                throw new SQLException("phoenix_kit_ai_endpoints is not visible from another connection: " + tables);
            }
            return tables;
        }
    }

    private static String uuidFromAnotherConnection(StepContext context) throws SQLException {
        try (Connection other = context.dataSource().getConnection();
                PreparedStatement statement =
                        other.prepareStatement("SELECT " + context.quotedSchema() + ".uuid_generate_v7()::text");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
