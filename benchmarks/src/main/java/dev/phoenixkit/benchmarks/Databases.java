package dev.phoenixkit.benchmarks;

import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Database helpers for the benchmarks, on top of the testkit's {@link PostgresServer}. Thread-safe.
 */
final class Databases {
    private static final AtomicInteger CLONES = new AtomicInteger();

    private Databases() {}

    /**
     * A non-pooled data source on {@code database}: every {@code getConnection()} opens a new connection, as a cold
     * application pool would. Using it (rather than {@link TestDatabase#dataSource()}) leaves no connection open, so
     * the database can serve as a template.
     *
     * @param database the database
     * @return the data source
     */
    static PGSimpleDataSource unpooled(TestDatabase database) {
        return unpooled(database.jdbcUrl(), database.user(), database.password());
    }

    private static PGSimpleDataSource unpooled(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    /**
     * Copies the database {@code templateName} (on the same server as {@code sibling}) into a new database with
     * {@code CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY}: a file copy after a checkpoint, much faster than the
     * WAL-logged default for large databases.
     *
     * @param templateName a database no session is connected to
     * @param sibling      any database of the server, for the URL and credentials
     * @return the copy; close it to drop it
     */
    static Clone cloneOf(String templateName, TestDatabase sibling) {
        String name = templateName + "_c" + ProcessHandle.current().pid() + "_" + CLONES.incrementAndGet();
        admin("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(templateName) + " STRATEGY FILE_COPY");
        return new Clone(name, unpooled(sibling, name));
    }

    /**
     * A non-pooled data source on another database of {@code sibling}'s server.
     *
     * @param sibling  any database of the server
     * @param database the database to connect to
     * @return the data source
     */
    static PGSimpleDataSource unpooled(TestDatabase sibling, String database) {
        return unpooled(renameDatabase(sibling.jdbcUrl(), database), sibling.user(), sibling.password());
    }

    /**
     * @param jdbcUrl  {@code jdbc:postgresql://host:port/db[?query]}
     * @param database another database name
     * @return the same URL naming {@code database}, query kept
     */
    static String renameDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    /**
     * @param name a database name
     * @return whether the server has it
     */
    static boolean exists(String name) {
        try (Connection connection = PostgresServer.shared().adminDataSource().getConnection();
                var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates an empty database.
     *
     * @param name its name
     */
    static void create(String name) {
        admin("CREATE DATABASE " + quote(name));
    }

    /**
     * Renames a database (no session may be connected to it).
     *
     * @param from its name
     * @param to   the new name
     */
    static void rename(String from, String to) {
        admin("ALTER DATABASE " + quote(from) + " RENAME TO " + quote(to));
    }

    /**
     * Drops every database whose name starts with {@code prefix}.
     *
     * @param prefix a name prefix without LIKE wildcards
     */
    static void dropAllStartingWith(String prefix) {
        List<String> names = new ArrayList<>();
        try (Connection connection = PostgresServer.shared().adminDataSource().getConnection();
                var statement = connection.prepareStatement(
                        "SELECT datname FROM pg_database WHERE left(datname, length(?)) = ?")) {
            statement.setString(1, prefix);
            statement.setString(2, prefix);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list databases: " + e.getMessage(), e);
        }
        names.forEach(name -> admin("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)"));
    }

    /**
     * Runs statements on one autocommit connection.
     *
     * @param dataSource where to connect
     * @param sql        the statements, in order
     */
    static void execute(DataSource dataSource, String... sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark set-up SQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one {@code long} (e.g. a count).
     *
     * @param dataSource where to connect
     * @param sql        a query returning one row with one numeric column
     * @return the value
     */
    static long queryLong(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark check query failed: " + e.getMessage(), e);
        }
    }

    private static void admin(String sql) {
        execute(PostgresServer.shared().adminDataSource(), sql);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * A cloned database.
     *
     * @param name       its name
     * @param dataSource a non-pooled data source on it
     */
    record Clone(String name, PGSimpleDataSource dataSource) implements AutoCloseable {
        /** Drops the database, ending any session still connected to it. */
        @Override
        public void close() {
            admin("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        }
    }
}
