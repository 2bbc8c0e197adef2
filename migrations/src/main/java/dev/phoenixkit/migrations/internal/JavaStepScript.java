package dev.phoenixkit.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A step direction implemented in Java, for logic SQL cannot express. Its checksum is derived from its name
 * and a revision string: bump the revision when the behaviour changes. Immutable and thread-safe if the body is.
 */
public final class JavaStepScript implements StepScript {

    /**
     * The code of a Java step.
     */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the step.
         *
         * @param connection the step connection (transaction owned by the runner)
         * @param context    the run's schema and data source
         * @throws SQLException when a statement fails
         */
        void run(Connection connection, StepContext context) throws SQLException;
    }

    private final String name;
    private final String checksum;
    private final boolean transactional;
    private final Body body;

    /**
     * Creates a Java step direction.
     *
     * @param name          a stable name, recorded in the history
     * @param revision      changes whenever the behaviour changes (feeds the checksum)
     * @param transactional whether the runner wraps it in a transaction
     * @param body          the code
     */
    public JavaStepScript(String name, String revision, boolean transactional, Body body) {
        this.name = Objects.requireNonNull(name, "name");
        this.checksum = Checksums.sha256("java:" + name + ":" + Objects.requireNonNull(revision, "revision"));
        this.transactional = transactional;
        this.body = Objects.requireNonNull(body, "body");
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

    @Override
    public void execute(Connection connection, StepContext context) throws SQLException {
        body.run(connection, context);
    }

    @Override
    public String toString() {
        return "JavaStepScript[" + name + "]";
    }
}
