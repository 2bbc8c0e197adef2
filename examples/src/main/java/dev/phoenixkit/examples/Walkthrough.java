package dev.phoenixkit.examples;

import dev.phoenixkit.migrations.AppliedStep;
import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The README's walk-through: everything the library does, end to end, on an embedded PostgreSQL that needs
 * nothing installed. Run it with {@code mvn -B -q -Pwalkthrough -DskipTests package}.
 */
public final class Walkthrough {

    private Walkthrough() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        PostgresServer server = PostgresServer.shared();
        System.out.println("== PhoenixKit Integrations for Java: walk-through");
        System.out.println("PostgreSQL: " + server.description());
        try (TestDatabase database = server.createEmptyDatabase()) {
            migrate(database);
            ConnectionsWalkthrough.run(database);
        }
        System.out.println();
        System.out.println("== done");
    }

    private static void migrate(TestDatabase database) {
        section("1. Migrate an empty database (PhoenixKit chain to " + Migrator.LATEST + " + the library's own track)");
        Migrator migrator = Migrator.create(database.dataSource());
        MigrationReport report = migrator.migrate();
        System.out.printf(Locale.ROOT, "version %d -> %d, %d steps applied:%n", report.fromVersion(),
                report.toVersion(), report.applied().size());
        long total = 0;
        for (AppliedStep step : report.applied()) {
            total += step.duration().toMillis();
            System.out.printf(Locale.ROOT, "  %-11s %-5s %-45s %4d ms%n", step.track(), step.version(),
                    step.description(), step.duration().toMillis());
        }
        System.out.printf(Locale.ROOT, "  total %d ms%n", total);
        MigrationReport again = migrator.migrate();
        System.out.println("migrate() again: " + (again.nothingToDo() ? "nothing to do" : again.applied()));

        Jdbi jdbi = database.jdbi();
        List<String> tables = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT c.table_name || ' (' || count(*) || ' columns)'
                FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                GROUP BY c.table_name ORDER BY c.table_name""").mapTo(String.class).list());
        System.out.println("tables:");
        tables.forEach(table -> System.out.println("  " + table));
        List<String> indexes = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT tablename || '.' || indexname FROM pg_indexes
                WHERE schemaname = 'public' ORDER BY tablename, indexname""").mapTo(String.class).list());
        System.out.println("indexes:");
        indexes.forEach(index -> System.out.println("  " + index));
        String marker = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT obj_description('public.phoenix_kit'::regclass, 'pg_class')").mapTo(String.class).one());
        System.out.println("version marker (COMMENT ON TABLE public.phoenix_kit): '" + marker + "'");
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("-- " + title);
    }
}
