package dev.phoenixkit.migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Child-process entry point of {@link ConcurrencyTest}'s two-JVM test. Arguments: JDBC URL, user, password (""
 * for none), a ready file to create, and a go file to wait for (so both processes start migrating together).
 * Prints {@code APPLIED <versions>} and exits 0 on success; prints the error and exits 1 otherwise.
 */
public final class ConcurrentMigrationMain {

    private static final Duration GO_WAIT = Duration.ofMinutes(2);

    private ConcurrentMigrationMain() {}

    /**
     * Runs one migration.
     *
     * @param args url, user, password, ready file, go file
     * @throws Exception never on purpose; any escape fails the process
     */
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        if (!args[2].isEmpty()) {
            dataSource.setPassword(args[2]);
        }
        Files.createFile(Path.of(args[3]));
        Path go = Path.of(args[4]);
        long deadline = System.nanoTime() + GO_WAIT.toNanos();
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                System.out.println("ERROR go file never appeared");
                System.exit(2);
            }
            Thread.sleep(5);
        }
        try {
            MigrationReport report = Migrator.create(dataSource)
                    .withCatalog(TestSteps.withProbes())
                    .migrate();
            System.out.println("APPLIED "
                    + report.applied().stream().map(AppliedStep::version).collect(Collectors.joining(",")));
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e);
            System.exit(1);
        }
    }
}
