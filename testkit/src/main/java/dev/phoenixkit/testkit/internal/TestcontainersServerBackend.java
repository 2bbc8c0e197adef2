package dev.phoenixkit.testkit.internal;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A PostgreSQL container started through Testcontainers. Used only when asked for; needs
 * {@code org.testcontainers:postgresql} on the class path (an optional dependency of the testkit) and Docker.
 */
public final class TestcontainersServerBackend extends ServerBackend {
    /** The image used, a PostgreSQL major version PhoenixKit supports. */
    public static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer<?> container;

    private TestcontainersServerBackend(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    /** @return a backend over a started container */
    public static ServerBackend start() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new IllegalStateException("PHOENIXKIT_TEST_DB=testcontainers, but Docker is not available; "
                        + "unset it to use the embedded PostgreSQL");
            }
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "PHOENIXKIT_TEST_DB=testcontainers needs org.testcontainers:postgresql " + "on the test class path",
                    e);
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        return new TestcontainersServerBackend(container);
    }

    @Override
    public String description() {
        return "Testcontainers " + IMAGE + " at " + container.getHost() + ":" + container.getFirstMappedPort();
    }

    @Override
    public DataSource adminDataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl("postgres"));
        dataSource.setUser(container.getUsername());
        dataSource.setPassword(container.getPassword());
        return dataSource;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
    }

    @Override
    public String user() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public boolean ownsServer() {
        return true;
    }

    @Override
    public void close() {
        container.stop();
    }
}
