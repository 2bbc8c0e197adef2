package dev.phoenixkit.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One throw-away database on the {@link PostgresServer}, with pooled access to it.
 *
 * <p>{@link #dataSource()} and {@link #jdbi()} are created on first use and shared; {@link #newDataSource()} opens an
 * independent pool, for example to act as a second application node. {@link #close()} closes every pool and drops
 * the database.
 *
 * <p>Thread-safe.
 */
public final class TestDatabase implements AutoCloseable {
    /** Maximum connections of each pool this class opens. */
    public static final int MAX_POOL_SIZE = 24;

    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Consumer<String> dropper;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private HikariDataSource dataSource;
    private Jdbi jdbi;
    private boolean closed;

    TestDatabase(String name, String jdbcUrl, String user, String password, Consumer<String> dropper) {
        this.name = Objects.requireNonNull(name, "name");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = user;
        this.password = password;
        this.dropper = Objects.requireNonNull(dropper, "dropper");
    }

    /** @return the database name */
    public String name() {
        return name;
    }

    /** @return a JDBC URL of this database, without credentials */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** @return the user to connect as */
    public String user() {
        return user;
    }

    /** @return the password to connect with, possibly {@code null} */
    public String password() {
        return password;
    }

    /** @return the shared HikariCP pool on this database */
    public synchronized DataSource dataSource() {
        ensureOpen();
        if (dataSource == null) {
            dataSource = openPool("main");
        }
        return dataSource;
    }

    /** @return a {@link Jdbi} over {@link #dataSource()} */
    public synchronized Jdbi jdbi() {
        if (jdbi == null) {
            jdbi = Jdbi.create(dataSource());
        }
        return jdbi;
    }

    /**
     * Opens a new, independent pool on this database; it is closed with the database.
     *
     * @return the new pool
     */
    public synchronized DataSource newDataSource() {
        ensureOpen();
        return openPool("extra" + pools.size());
    }

    private HikariDataSource openPool(String suffix) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name + "-" + suffix);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Test database " + name + " is closed");
        }
    }

    /** Closes every pool opened on this database and drops it. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pools.forEach(HikariDataSource::close);
        pools.clear();
        dropper.accept(name);
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + "]";
    }
}
