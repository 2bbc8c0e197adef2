package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.internal.SqlStepScript;
import dev.phoenixkit.migrations.internal.Step;
import dev.phoenixkit.migrations.internal.StepCatalog;
import dev.phoenixkit.migrations.internal.StepContext;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Step loading, naming, placeholders and the shipped catalog.
 */
class StepDefinitionTest {

    private final StepContext publicContext =
            new StepContext("public", TestDatabases.newDatabase().dataSource());

    @Test
    void shippedCatalogWhenLoadedThenHasEveryShippedVersionWithDownScripts() {
        StepCatalog catalog = StepCatalog.shipped();

        assertThat(catalog.chain())
                .extracting(Step::order)
                .containsExactly(1, 3, 4, 12, 34, 40, 56, 73, 74, 78, 93, 101, 106, 107, 114);
        assertThat(catalog.library()).extracting(Step::version).containsExactly("L1");
        assertThat(catalog.latestChainVersion()).isEqualTo(Migrator.UUID_KEYS);
        assertThat(catalog.defaultChainVersion()).isEqualTo(Migrator.LATEST);
        assertThat(catalog.chain()).allSatisfy(step -> assertThat(step.down()).isNotNull());
        assertThat(catalog.library()).allSatisfy(step -> assertThat(step.down()).isNotNull());
    }

    @Test
    void shippedChainScriptsWhenReadThenEachWritesItsMarkerAndItsDownWritesThePreviousNumber() {
        for (Step step : StepCatalog.shipped().chain()) {
            List<String> up = code((SqlStepScript) step.up());
            List<String> down = code((SqlStepScript) step.down());
            String marker = "COMMENT ON TABLE \"public\".phoenix_kit IS '%d'";
            if (step.order() > 1) {
                assertThat(up).as(step.label()).last().isEqualTo(marker.formatted(step.order()));
                assertThat(down).as(step.label() + " down").last().isEqualTo(marker.formatted(step.order() - 1));
            } else {
                assertThat(up).last().isEqualTo(marker.formatted(1));
                assertThat(down).noneMatch(sql -> sql.startsWith("COMMENT ON TABLE"));
            }
        }
    }

    @Test
    void shippedScriptsWhenReadThenNoneReferencesAnUnqualifiedTableOrGenRandomUuid() {
        List<Step> all = new ArrayList<>(StepCatalog.shipped().chain());
        all.addAll(StepCatalog.shipped().library());
        for (Step step : all) {
            for (String sql : code((SqlStepScript) step.up())) {
                assertThat(sql)
                        .as(step.label())
                        .doesNotContain("gen_random_uuid")
                        .doesNotContainPattern("(?i)(TABLE|ON|FROM|INTO|UPDATE)\\s+phoenix_kit");
            }
        }
    }

    @Test
    void substituteWhenSchemaNeedsQuotingThenQuotesIdentifierLiteralAndIndexPrefix() {
        StepContext context = new StepContext("we\"ird'one", publicContext.dataSource());

        assertThat(context.substitute("${schema}|${schema_literal}|\"${index_prefix}t_idx\"", "x.sql"))
                .isEqualTo("\"we\"\"ird'one\"|'we\"ird''one'|\"we\"\"ird'one_t_idx\"");
        assertThat(publicContext.indexPrefix()).isEmpty();
    }

    @Test
    void substituteWhenPlaceholderIsUnknownThenInvalidStepNamingScript() {
        assertThatThrownBy(() -> publicContext.substitute("SELECT ${nope}", "V9__x.sql"))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_STEP))
                .hasMessageContaining("${nope}")
                .hasMessageContaining("V9__x.sql");
    }

    @Test
    void loadWhenNameOrResourceIsBadThenInvalidStep() {
        assertThatThrownBy(() -> StepCatalog.load(TestSteps.FOLDER, "V1-bad.sql"))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_STEP))
                .hasMessageContaining("V1-bad.sql");
        assertThatThrownBy(() -> StepCatalog.load(TestSteps.FOLDER, "V99__missing.sql"))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_STEP))
                .hasMessageContaining("test_steps/V99__missing.sql");
    }

    @Test
    void withStepsWhenVersionIsDuplicatedThenInvalidStepNamingBothScripts() {
        Step duplicate = TestSteps.javaChainStep(107, "duplicate", (connection, context) -> {});

        assertThatThrownBy(() -> TestSteps.shippedPlus(duplicate))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_STEP))
                .hasMessageContaining("107")
                .hasMessageContaining("V107__ai_endpoints_integration_uuid.sql");
    }

    @Test
    void noTransactionHeaderWhenInLeadingCommentsThenScriptIsNonTransactional() {
        assertThat(new SqlStepScript("a", "-- x\n-- phoenixkit:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);")
                        .transactional())
                .isFalse();
        assertThat(new SqlStepScript("b", "SELECT 1;\n-- phoenixkit:no-transaction\n").transactional())
                .isTrue();
        assertThat(StepCatalog.shipped().chain())
                .allSatisfy(step -> assertThat(step.up().transactional()).isTrue());
    }

    /** The statements of a script with their leading comment lines removed. */
    private List<String> code(SqlStepScript script) {
        return script.statements(publicContext).stream()
                .map(sql -> sql.lines()
                        .filter(line -> !line.strip().startsWith("--"))
                        .collect(java.util.stream.Collectors.joining("\n"))
                        .strip())
                .toList();
    }
}
