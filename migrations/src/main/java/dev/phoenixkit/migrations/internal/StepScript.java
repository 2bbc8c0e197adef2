package dev.phoenixkit.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One direction (up or down) of a step: a SQL resource or Java code. Implementations are immutable and
 * thread-safe.
 */
public interface StepScript {

    /**
     * The script's name as recorded in the history: the classpath resource path of a SQL script, or the name
     * of a Java step.
     *
     * @return the name, never null
     */
    String name();

    /**
     * SHA-256 (lowercase hex) of the script text with a BOM stripped and CRLF turned into LF; for Java steps a
     * hash of their declared name and revision.
     *
     * @return the checksum, never null
     */
    String checksum();

    /**
     * Whether the runner wraps the script in a transaction. {@code false} for scripts that cannot run in one
     * (e.g. {@code CREATE INDEX CONCURRENTLY}); their statements run one by one in autocommit mode.
     *
     * @return {@code true} for the usual transactional script
     */
    boolean transactional();

    /**
     * Runs the script on {@code connection}. The runner owns the transaction: the script must not commit,
     * roll back or change the auto-commit mode.
     *
     * @param connection the step connection
     * @param context    the run's schema and data source
     * @throws SQLException when a statement fails
     */
    void execute(Connection connection, StepContext context) throws SQLException;
}
