package dev.phoenixkit.migrations;

import dev.phoenixkit.migrations.internal.JavaStepScript;
import dev.phoenixkit.migrations.internal.Step;
import dev.phoenixkit.migrations.internal.StepCatalog;
import java.util.List;

/**
 * Test-only steps and catalogs, loaded from {@code dev/phoenixkit/migrations/test_steps} on the test classpath.
 */
final class TestSteps {

    static final String FOLDER = "dev/phoenixkit/migrations/test_steps";

    private TestSteps() {}

    /**
     * A test SQL step by file name.
     */
    static Step sql(String fileName) {
        return StepCatalog.load(FOLDER, fileName);
    }

    /**
     * How many steps a default {@code migrate()} applies to an empty schema: the shipped chain steps up to
     * {@link Migrator#LATEST} plus the whole library track. Derived from the catalog, so adding a step changes no
     * test (see the recipe in {@code package-info.java}).
     */
    static int defaultStepCount() {
        StepCatalog shipped = StepCatalog.shipped();
        long chain = shipped.chain().stream()
                .filter(step -> step.order() <= Migrator.LATEST)
                .count();
        return Math.toIntExact(chain + shipped.library().size());
    }

    /**
     * The shipped catalog plus the given steps.
     */
    static StepCatalog shippedPlus(Step... steps) {
        return StepCatalog.shipped().withSteps(List.of(steps));
    }

    /**
     * The shipped steps plus a non-idempotent chain probe (V02) and library probe (L900).
     */
    static StepCatalog withProbes() {
        return shippedPlus(sql("V02__chain_probe.sql"), sql("L900__library_probe.sql"));
    }

    /**
     * A Java chain step.
     */
    static Step javaChainStep(int version, String description, JavaStepScript.Body body) {
        return new Step(
                MigrationTrack.PHOENIX_KIT,
                version,
                description,
                new JavaStepScript("test:" + description, "1", true, body),
                null);
    }
}
