package dev.phoenixkit.benchmarks;

import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Database helpers for the benchmarks, on top of the testkit's {@link PostgresServer}. Thread-safe.
 */
final class Databases {
    private static final AtomicInteger CLONES = new AtomicInteger();

    private Databases() {
    }

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
     * Copies {@code template} into a new database with {@code CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY} (a
     * file copy after a checkpoint, much faster than the WAL-logged default for large databases).
     *
     * @param template a database no session is connected to
     * @return the copy; close it to drop it
     */
    static Clone cloneOf(TestDatabase template) {
        String name = template.name() + "_c" + CLONES.incrementAndGet();
        admin("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(template.name()) + " STRATEGY FILE_COPY");
        String url = template.jdbcUrl().substring(0, template.jdbcUrl().lastIndexOf('/') + 1) + name;
        return new Clone(name, unpooled(url, template.user(), template.password()));
    }

    /**
     * Runs statements on one autocommit connection.
     *
     * @param dataSource where to connect
     * @param sql        the statements, in order
     */
    static void execute(DataSource dataSource, String... sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
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
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
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
