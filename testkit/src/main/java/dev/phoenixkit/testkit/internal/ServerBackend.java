package dev.phoenixkit.testkit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A PostgreSQL server the testkit can create and drop databases on. */
public abstract class ServerBackend implements AutoCloseable {

    /** @return a short description for logs, such as {@code "embedded PostgreSQL 17.6"} */
    public abstract String description();

    /** @return a data source on the maintenance database, allowed to create databases */
    public abstract DataSource adminDataSource();

    /**
     * @param database a database name
     * @return a JDBC URL to that database, without credentials
     */
    public abstract String jdbcUrl(String database);

    /** @return the user to connect as */
    public abstract String user();

    /** @return the password, possibly {@code null} */
    public abstract String password();

    /**
     * Creates a database, optionally as a clone of a template.
     *
     * @param name     the new database's name (a plain identifier)
     * @param template the template database, or {@code null} for an empty database
     */
    public void createDatabase(String name, String template) {
        String sql = "CREATE DATABASE " + quote(name) + (template == null ? "" : " TEMPLATE " + quote(template));
        execute(sql);
    }

    /**
     * Drops a database, disconnecting whoever is still on it.
     *
     * @param name the database's name
     */
    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = adminDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Testkit could not run '" + sql + "' on " + description() + ": " + e.getMessage(), e);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * @return whether this backend started the server (and so discards everything on it when it stops); databases
     *         on a server it does not own must be dropped explicitly
     */
    public abstract boolean ownsServer();

    /** Stops the server if this backend started it. */
    @Override
    public abstract void close();
}
