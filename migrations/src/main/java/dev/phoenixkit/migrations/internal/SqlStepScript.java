package dev.phoenixkit.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * A step direction written in SQL, loaded from the classpath. A script whose leading comment block contains
 * {@value #NO_TRANSACTION_HEADER} runs outside a transaction. Immutable and thread-safe.
 */
public final class SqlStepScript implements StepScript {

    /** Header line that marks a script as non-transactional. */
    public static final String NO_TRANSACTION_HEADER = "-- phoenixkit:no-transaction";

    private final String name;
    private final String text;
    private final String checksum;
    private final boolean transactional;

    /**
     * Wraps a script's text.
     *
     * @param name the resource path it was loaded from
     * @param text the script text, placeholders unsubstituted
     */
    public SqlStepScript(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Checksums.normalise(Objects.requireNonNull(text, "text"));
        this.checksum = Checksums.sha256(text);
        this.transactional = !hasNoTransactionHeader(this.text);
    }

    private static boolean hasNoTransactionHeader(String text) {
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (!stripped.startsWith("--")) {
                return false;
            }
            if (stripped.equalsIgnoreCase(NO_TRANSACTION_HEADER)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String checksum() {
        return checksum;
    }

    @Override
    public boolean transactional() {
        return transactional;
    }

    /**
     * The statements of this script for {@code context}, placeholders substituted.
     *
     * @param context the run's schema
     * @return the statements, in order
     */
    public List<String> statements(StepContext context) {
        return SqlStatementSplitter.split(context.substitute(text, name));
    }

    @Override
    public void execute(Connection connection, StepContext context) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(context)) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public String toString() {
        return "SqlStepScript[" + name + (transactional ? "" : ", no-transaction") + "]";
    }
}
