package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Port of PhoenixKit's {@code test/phoenix_kit/migrations/v106_test.exs} (docs/phoenixkit-reference.md#11-7), run through the real
 * steps and the runner rather than copies of their SQL.
 */
class V106MigrationTest {

    private static final String TEMPLATE_INDEX = "phoenix_kit_projects_name_template_index";
    private static final String PROJECT_INDEX = "phoenix_kit_projects_name_project_index";
    private static final String GLOBAL_INDEX = "phoenix_kit_projects_name_index";

    private Sql sql;
    private Migrator migrator;

    @BeforeEach
    void freshDatabase() {
        TestDatabases.TestDatabase database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
        migrator = Migrator.create(database.dataSource());
    }

    private void insertProject(String name, boolean template) {
        sql.execute("INSERT INTO phoenix_kit_projects (name, is_template) VALUES (?, ?)", name, template);
    }

    @Nested
    @DisplayName("schema state after V106")
    class SchemaState {

        @BeforeEach
        void migrateTo106() {
            migrator.migrate(106);
        }

        @Test
        void templateIndexExists() {
            assertThat(sql.indexes("public", "phoenix_kit_projects")).contains(TEMPLATE_INDEX);
        }

        @Test
        void projectIndexExists() {
            assertThat(sql.indexes("public", "phoenix_kit_projects")).contains(PROJECT_INDEX);
        }

        @Test
        void globalNameIndexDoesNotExist() {
            assertThat(sql.indexes("public", "phoenix_kit_projects")).doesNotContain(GLOBAL_INDEX);
        }

        @Test
        void templateAndProjectCanShareAName() {
            insertProject("Shared Name", true);
            insertProject("Shared Name", false);

            assertThat(sql.value("SELECT count(*) FROM phoenix_kit_projects WHERE name = 'Shared Name'"))
                    .isEqualTo("2");
        }

        @Test
        void twoTemplatesWithTheSameNameRaise() {
            insertProject("Onboarding", true);

            assertThatThrownBy(() -> insertProject("Onboarding", true))
                    .hasMessageContaining("duplicate key value violates")
                    .hasMessageContaining(TEMPLATE_INDEX);
        }

        @Test
        void twoProjectsWithTheSameNameRaise() {
            insertProject("Website", false);

            assertThatThrownBy(() -> insertProject("Website", false))
                    .hasMessageContaining("duplicate key value violates")
                    .hasMessageContaining(PROJECT_INDEX);
        }

        @Test
        void uniquenessIsCaseInsensitiveWithinEachMode() {
            insertProject("Onboarding", true);
            insertProject("Website", false);

            assertThatThrownBy(() -> insertProject("ONBOARDING", true))
                    .hasMessageContaining("duplicate key value violates");
            assertThatThrownBy(() -> insertProject("website", false))
                    .hasMessageContaining("duplicate key value violates");
        }
    }

    @Nested
    @DisplayName("down pre-check (rollback from 106 to 105)")
    class DownPreCheck {

        @BeforeEach
        void migrateTo106() {
            migrator.migrate(106);
        }

        @Test
        void emptyTableRollsBackAndRestoresGlobalIndex() {
            MigrationReport report = migrator.rollback(105);

            assertThat(report.applied()).extracting(AppliedStep::version).containsExactly("106");
            assertThat(sql.indexes("public", "phoenix_kit_projects"))
                    .contains(GLOBAL_INDEX)
                    .doesNotContain(TEMPLATE_INDEX, PROJECT_INDEX);
            assertThat(sql.marker("public")).isEqualTo("105");
        }

        @Test
        void templateAndProjectNamedSharedNameAreReportedBeforeAnythingIsDropped() {
            insertProject("Shared Name", true);
            insertProject("Shared Name", false);

            assertRefusedNaming("shared name");
        }

        @Test
        void caseOnlyDifferenceIsDetected() {
            insertProject("Onboarding", true);
            insertProject("onboarding", false);

            assertRefusedNaming("onboarding");
        }

        @Test
        void severalDuplicatesReportExactlyOne() {
            insertProject("Alpha", true);
            insertProject("alpha", false);
            insertProject("Beta", true);
            insertProject("BETA", false);

            MigrationException refusal = catchThrowableOfType(MigrationException.class, () -> migrator.rollback(105));

            assertThat(refusal.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED);
            assertThat(Stream.of("\"alpha\"", "\"beta\"").filter(refusal.getMessage()::contains))
                    .hasSize(1);
            assertPartialIndexesKept();
        }

        @Test
        void distinctNamesRollBack() {
            insertProject("Alpha", true);
            insertProject("Beta", false);

            migrator.rollback(105);

            assertThat(sql.indexes("public", "phoenix_kit_projects")).contains(GLOBAL_INDEX);
            assertThat(sql.marker("public")).isEqualTo("105");
        }

        private void assertRefusedNaming(String duplicate) {
            assertThatThrownBy(() -> migrator.rollback(105))
                    .isInstanceOfSatisfying(
                            MigrationException.class,
                            e -> assertThat(e.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED))
                    .hasMessageContaining("Cannot roll back V106")
                    .hasMessageContaining("\"" + duplicate + "\"")
                    .hasMessageContaining("delete or rename one");
            assertPartialIndexesKept();
        }
    }

    private void insertPinnedEndpoints() {
        for (int i = 1; i <= 3; i++) {
            sql.execute(
                    "INSERT INTO phoenix_kit_ai_endpoints (name, provider, api_key, model, inserted_at, updated_at,"
                            + " integration_uuid) VALUES (?, 'openrouter', 'k', 'm', now(), now(), ?::uuid)",
                    "pinned-" + i,
                    "0190f0f0-0000-7000-8000-00000000000" + i);
        }
    }

    private java.util.List<java.util.List<String>> pins() {
        return sql.rows("SELECT name, integration_uuid::text FROM phoenix_kit_ai_endpoints ORDER BY name");
    }

    @Test
    @DisplayName("from 107, a refused rollback(105) leaves every endpoint's pin and the marker as they were; the"
            + " message names V106 and claims no undone step (issue 9 item 2)")
    void rollbackFrom107WhenV106PrecheckRefusesThenEveryPinIsIntactAndTheMessageIsTrue() {
        migrator.migrate();
        insertPinnedEndpoints();
        insertProject("Shared Name", true);
        insertProject("Shared Name", false);
        java.util.List<java.util.List<String>> before = pins();

        MigrationException refusal = catchThrowableOfType(MigrationException.class, () -> migrator.rollback(105));

        assertThat(refusal.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED);
        assertThat(refusal.getMessage())
                .contains("V106")
                .contains("before any step was undone")
                .contains("version marker stays at 107")
                .doesNotContain("already undone")
                .doesNotContain("V107");
        assertThat(sql.marker("public")).isEqualTo("107");
        assertThat(pins())
                .as("every endpoint's integration_uuid pin")
                .isEqualTo(before)
                .hasSize(3);
        assertThat(pins()).allSatisfy(row -> assertThat(row.get(1)).isNotNull());
    }

    @Test
    @DisplayName("from 107, rollback(105) whose pre-checks pass undoes V107 and V106")
    void rollbackFrom107WhenPrechecksPassThenReaches105() {
        migrator.migrate();
        insertPinnedEndpoints();
        insertProject("Shared Name", true);
        insertProject("Other Name", false);

        MigrationReport report = migrator.rollback(105);

        assertThat(sql.marker("public")).isEqualTo("105");
        assertThat(report.applied()).extracting(AppliedStep::version).containsExactly("107", "106");
        assertThat(sql.columns("public", "phoenix_kit_ai_endpoints")).doesNotContain("integration_uuid");
        assertThat(sql.indexes("public", "phoenix_kit_projects")).contains(GLOBAL_INDEX);
    }

    @Test
    @DisplayName("from 107, rollback(105) with a duplicate name refuses before V107's down step runs (issue 9 item 2)")
    void rollbackFrom107WhenDuplicateExistsThenRefusesBeforeUndoingV107() {
        migrator.migrate();
        String pin = "0190f0f0-0000-7000-8000-000000000001";
        sql.execute(
                "INSERT INTO phoenix_kit_ai_endpoints (name, provider, api_key, model, inserted_at, updated_at, integration_uuid)"
                        + " VALUES ('pinned', 'openrouter', 'k', 'm', now(), now(), ?::uuid)",
                pin);
        insertProject("Shared Name", true);
        insertProject("Shared Name", false);

        assertThatThrownBy(() -> migrator.rollback(105))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED))
                .hasMessageContaining("\"shared name\"")
                .hasMessageContaining("before any step was undone")
                .hasMessageContaining("nothing was changed; version marker stays at 107");
        assertThat(sql.marker("public")).isEqualTo("107");
        assertThat(sql.value("SELECT integration_uuid::text FROM phoenix_kit_ai_endpoints WHERE name = 'pinned'"))
                .as("V107's pin survives")
                .isEqualTo(pin);
        assertThat(sql.value("SELECT count(*) FROM phoenix_kit_java_schema_history WHERE direction = 'down'"))
                .as("no down step ran")
                .isEqualTo("0");
        assertPartialIndexesKept();
    }

    private void assertPartialIndexesKept() {
        assertThat(sql.indexes("public", "phoenix_kit_projects"))
                .contains(TEMPLATE_INDEX, PROJECT_INDEX)
                .doesNotContain(GLOBAL_INDEX);
    }
}
