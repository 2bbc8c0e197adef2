package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.internal.JavaStepScript;
import dev.phoenixkit.migrations.internal.Step;
import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rollback runs down steps newest first and leaves the marker where PhoenixKit would.
 */
class RollbackTest {

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
    void rollbackWhenTargetIsZeroThenRunsEveryDownInReverseAndDropsTheTables() {
        MigrationReport report = migrator.rollback(0);

        assertThat(report.fromVersion()).isEqualTo(107);
        assertThat(report.toVersion()).isZero();
        assertThat(report.applied())
                .extracting(AppliedStep::version)
                .containsExactly(
                        "L1", "107", "106", "101", "93", "78", "74", "73", "56", "40", "34", "12", "4", "3", "1");
        assertThat(report.applied()).extracting(AppliedStep::direction).containsOnly(MigrationDirection.DOWN);
        assertThat(sql.column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                .containsExactly("phoenix_kit_java_schema_history");
        assertThat(sql.value("SELECT count(*) FROM phoenix_kit_java_schema_history WHERE direction = 'down'"))
                .isEqualTo(String.valueOf(TestSteps.defaultStepCount()));
        assertThat(migrator.info().currentVersion()).isZero();

        MigrationReport again = migrator.migrate();

        assertThat(again.applied()).hasSize(TestSteps.defaultStepCount());
        assertThat(sql.marker("public")).isEqualTo("107");
    }

    @Test
    void rollbackWhenTargetIsBetweenShippedStepsThenMarkerIsTheTarget() {
        MigrationReport report = migrator.rollback(103);

        assertThat(report.applied()).extracting(AppliedStep::version).containsExactly("107", "106");
        assertThat(report.toVersion()).isEqualTo(103);
        assertThat(sql.marker("public")).isEqualTo("103");
        assertThat(sql.indexes("public", "phoenix_kit_projects")).contains("phoenix_kit_projects_name_index");
        assertThat(sql.tableExists("public", "phoenix_kit_integration_audit"))
                .as("library track kept")
                .isTrue();
    }

    @Test
    void rollbackWhenTargetIsCurrentOrHigherThenDoesNothing() {
        assertThat(migrator.rollback(107).applied()).isEmpty();
        assertThat(migrator.rollback(200).applied()).isEmpty();
        assertThat(sql.marker("public")).isEqualTo("107");
    }

    @ParameterizedTest(name = "rollback to {0}, then migrate again, restores the same schema")
    @ValueSource(ints = {106, 105, 101, 100, 93, 92, 78, 77, 74, 73, 72, 56, 55, 40, 39, 34, 33, 12, 11, 4, 3, 2, 1})
    void rollbackWhenTargetIsAnyVersionThenMarkerIsTargetAndMigrateRestoresIdenticalSchema(int target) {
        List<String> original = snapshot();

        MigrationReport report = migrator.rollback(target);

        assertThat(report.toVersion()).isEqualTo(target);
        assertThat(sql.marker("public")).isEqualTo(Integer.toString(target));
        assertThat(report.applied())
                .extracting(step -> Integer.parseInt(step.version()))
                .allSatisfy(version -> assertThat(version).isGreaterThan(target))
                .isSortedAccordingTo((a, b) -> Integer.compare(b, a));

        migrator.migrate();

        assertThat(snapshot()).isEqualTo(original);
    }

    @Test
    void rollbackWhenAStepHasNoDownScriptThenRefusesBeforeRunningAnything() {
        Migrator withIrreversible = migrator.withCatalog(
                TestSteps.shippedPlus(TestSteps.javaChainStep(60, "irreversible", (connection, context) -> {})));
        migrator.rollback(50);
        assertThat(withIrreversible.migrate().applied())
                .extracting(AppliedStep::version)
                .contains("60");

        assertThatThrownBy(() -> withIrreversible.rollback(50))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED))
                .hasMessageContaining("V60 (irreversible)")
                .hasMessageContaining("no down script");
        assertThat(sql.marker("public")).isEqualTo("107");
    }

    @Test
    void rollbackWhenADownStepRefusesAfterOthersRanThenTheMessageListsWhatWasUndone() {
        Step refusesLate = new Step(
                MigrationTrack.PHOENIX_KIT,
                60,
                "refuses late",
                new JavaStepScript("test:refuses-late-up", "1", true, (connection, context) -> {}),
                new JavaStepScript("test:refuses-late-down", "1", true, (connection, context) -> {
                    throw new SQLException("the data changed while the rollback ran", "PKR01");
                }));
        Migrator withLateRefusal = migrator.withCatalog(TestSteps.shippedPlus(refusesLate));
        migrator.rollback(50);
        withLateRefusal.migrate();

        assertThatThrownBy(() -> withLateRefusal.rollback(50))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED))
                .hasMessageContaining("V60 (refuses late)")
                .hasMessageContaining("already undone 7 step(s) (V107, V106, V101, V93, V78, V74, V73)")
                .hasMessageContaining("the version marker is now 72")
                .hasMessageContaining("migrate(107)");
        assertThat(sql.marker("public")).isEqualTo("72");
    }

    private List<String> snapshot() {
        List<String> snapshot = new ArrayList<>();
        snapshot.add("marker " + sql.marker("public"));
        for (String table : sql.column(
                "SELECT table_name FROM information_schema.tables" + " WHERE table_schema = 'public' ORDER BY 1")) {
            snapshot.add("table " + table);
            sql.columns("public", table).forEach(column -> snapshot.add("  " + column));
            sql.indexDefinitions("public", table).forEach(index -> snapshot.add("  " + index));
        }
        snapshot.addAll(sql.column("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE connamespace = 'public'::regnamespace ORDER BY 1"));
        snapshot.addAll(sql.column("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"));
        return snapshot;
    }
}
