package dev.phoenixkit.benchmarks;

import dev.phoenixkit.migrations.MigrationTrack;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.migrations.internal.SqlStepScript;
import dev.phoenixkit.migrations.internal.Step;
import dev.phoenixkit.migrations.internal.StepCatalog;
import dev.phoenixkit.migrations.internal.StepContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The library's shipped up scripts (PhoenixKit chain up to {@link Migrator#LATEST}, then the library track), with the schema placeholders
 * substituted exactly as the migrator substitutes them, written out for the baselines of P3: a Flyway location and
 * one concatenated file for {@code psql -f}. Stateless.
 */
final class ShippedScripts {
    /** Flyway version offset of the library track, so {@code L1} runs after {@code V107} as in the migrator. */
    static final int LIBRARY_VERSION_OFFSET = 1000;

    private ShippedScripts() {}

    /** One substituted script with a Flyway-style file name. */
    record Script(String flywayFileName, String sql) {}

    /**
     * @param schema the unquoted schema name
     * @return every shipped up script, in the migrator's order
     */
    static List<Script> substituted(String schema) {
        StepContext context = new StepContext(schema, new PGSimpleDataSource());
        // the chain up to what migrate() applies by default (the shipped chain also holds later versions)
        List<Step> steps = new ArrayList<>(StepCatalog.shipped().chain().stream()
                .filter(step -> step.order() <= Migrator.LATEST)
                .toList());
        steps.addAll(StepCatalog.shipped().library());
        List<Script> scripts = new ArrayList<>();
        for (Step step : steps) {
            String resource = step.up().name();
            boolean library = step.track() == MigrationTrack.LIBRARY;
            int version = library ? LIBRARY_VERSION_OFFSET + step.order() : step.order();
            String fileName = "V" + version + "__" + (library ? "library_" : "")
                    + step.description().replace(' ', '_') + ".sql";
            scripts.add(new Script(fileName, context.substitute(read(resource), resource)));
        }
        return scripts;
    }

    /**
     * Writes the scripts as a Flyway location ({@code V1__…}, …, {@code V107__…}, {@code V1001__library_…}).
     *
     * @param directory an empty directory
     * @param scripts   the scripts
     */
    static void writeFlywayLocation(Path directory, List<Script> scripts) {
        try {
            for (Script script : scripts) {
                Files.writeString(directory.resolve(script.flywayFileName()), script.sql());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the scripts into one file, in order.
     *
     * @param file    the file to write
     * @param scripts the scripts
     */
    static void writeConcatenated(Path file, List<Script> scripts) {
        StringBuilder all = new StringBuilder();
        scripts.forEach(script -> all.append(script.sql()).append("\n;\n"));
        try {
            Files.writeString(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * V107's own work statements, split and substituted as the migrator runs them: the two backfill UPDATEs and the
     * two index builds, in the script's order (without the column, which a baseline adds untimed, and the version
     * comment).
     *
     * @param schema the unquoted schema name
     * @return the two UPDATEs and the two {@code CREATE [UNIQUE] INDEX} statements, in order
     */
    static List<String> backfillAndIndexStatementsOfV107(String schema) {
        List<String> statements = v107Statements(schema).stream()
                .filter(sql -> withoutLeadingComments(sql).matches("(?s)(UPDATE|WITH|CREATE (UNIQUE )?INDEX)\\b.*"))
                .toList();
        if (statements.size() != 4) {
            throw new IllegalStateException(
                    "Expected two UPDATEs and two index builds in V107, found " + statements.size());
        }
        return statements;
    }

    private static List<String> v107Statements(String schema) {
        Step v107 = StepCatalog.shipped().chain().stream()
                .filter(step -> step.order() == 107)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The shipped chain has no V107"));
        return ((SqlStepScript) v107.up()).statements(new StepContext(schema, new PGSimpleDataSource()));
    }

    private static String withoutLeadingComments(String sql) {
        String rest = sql.strip();
        while (rest.startsWith("--")) {
            int newline = rest.indexOf('\n');
            rest = newline < 0 ? "" : rest.substring(newline + 1).strip();
        }
        return rest;
    }

    private static String read(String resource) {
        try (InputStream in = StepCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Shipped step " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
