package dev.phoenixkit.integrations.internal.db;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.StorageLayout;
import dev.phoenixkit.migrations.PostgresIdentifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.extension.ExtensionCallback;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The library's own {@link Jdbi}: SQL Objects installed, the {@code schema} attribute defined as a quoted
 * identifier, and statement exceptions rendered without SQL or bound values ({@code MessageRendering.NONE}).
 *
 * <p>Built over the caller's {@link DataSource}, or over the caller's {@code Jdbi} used only as a source of
 * connections; the caller's {@code Jdbi} configuration is never changed. Every JDBI or SQL failure leaving
 * {@link #inTransaction} / {@link #withHandle} becomes an {@link IntegrationException} with
 * {@link IntegrationError#STORAGE_FAILED} and the SQLState, never bound values.
 *
 * <p>Thread-safe.
 */
public final class Database {
    /** Name of the unique index on the settings key. */
    public static final String KEY_UNIQUE_INDEX = "phoenix_kit_settings_key_uidx";

    private static final String UNDEFINED_TABLE = "42P01";
    private static final String INVALID_SCHEMA_NAME = "3F000";

    private final Jdbi jdbi;
    private final ConnectionFactory connections;
    private final String schema;
    private final LayoutDetector.Detected layout;

    private Database(ConnectionFactory connections, String schema, StorageLayout forced) {
        this.connections = connections;
        this.schema = schema;
        this.jdbi = Jdbi.create(connections);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        jdbi.define("schema", quote(schema));
        // Row mappers on the Jdbi, not per DAO: a @RegisterConstructorMapper is re-applied on every call.
        jdbi.registerRowMapper(ConstructorMapper.factory(SettingsRow.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(AuditRow.class));
        LayoutDetector.Detected detected;
        if (forced != null) {
            detected = new LayoutDetector.Detected(forced, "forced by the builder");
        } else {
            try {
                detected = LayoutDetector.detect(jdbi, schema);
            } catch (JdbiException e) {
                throw failure(e);
            }
        }
        this.layout = detected;
        jdbi.define("rows", integrationRows(detected.layout()));
    }

    /**
     * The SQL predicate that selects integration rows in a layout: composite keys by prefix, uuid keys the way
     * PhoenixKit ≥ V114 selects them ({@code module = 'integrations'}, whatever the key).
     *
     * @param layout the layout
     * @return the predicate (no parameters)
     */
    public static String integrationRows(StorageLayout layout) {
        return layout == StorageLayout.UUID_KEY ? "module = 'integrations'" : "key LIKE 'integration:%'";
    }

    /**
     * @param dataSource the connections to use
     * @param schema     the schema holding the PhoenixKit tables
     * @return the database
     */
    public static Database over(DataSource dataSource, String schema) {
        return over(dataSource, schema, null);
    }

    /**
     * @param dataSource the connections to use
     * @param schema     the schema holding the PhoenixKit tables
     * @param layout     the storage layout, or {@code null} to detect it now ({@link LayoutDetector})
     * @return the database
     */
    public static Database over(DataSource dataSource, String schema, StorageLayout layout) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Database(dataSource::getConnection, checkSchema(schema), layout);
    }

    /**
     * @param callerJdbi a caller's {@code Jdbi}, used only to obtain connections
     * @param schema     the schema holding the PhoenixKit tables
     * @return the database
     */
    public static Database over(Jdbi callerJdbi, String schema) {
        return over(callerJdbi, schema, null);
    }

    /**
     * @param callerJdbi a caller's {@code Jdbi}, used only to obtain connections
     * @param schema     the schema holding the PhoenixKit tables
     * @param layout     the storage layout, or {@code null} to detect it now ({@link LayoutDetector})
     * @return the database
     */
    public static Database over(Jdbi callerJdbi, String schema, StorageLayout layout) {
        Objects.requireNonNull(callerJdbi, "jdbi");
        return new Database(new BorrowedConnectionFactory(callerJdbi), checkSchema(schema), layout);
    }

    /**
     * The schema rule, shared with the {@code Migrator}: {@link PostgresIdentifier} (the name is always quoted).
     *
     * @param schema a schema name
     * @return the name
     * @throws IllegalArgumentException when it is blank, contains NUL or is longer than 63 bytes
     */
    public static String checkSchema(String schema) {
        return PostgresIdentifier.check("schema", schema);
    }

    /**
     * @param identifier a plain identifier
     * @return it as a double-quoted SQL identifier
     */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** @return the storage layout this instance reads and writes */
    public StorageLayout layout() {
        return layout.layout();
    }

    /** @return what decided {@link #layout()}, for the log line */
    public String layoutReason() {
        return layout.reason();
    }

    /** @return the unquoted schema name */
    public String schema() {
        return schema;
    }

    /** @return the configured {@code Jdbi}, for DAOs of other internal packages */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Opens a raw connection from the same source (for the LISTEN session), outside any handle.
     *
     * @return a connection the caller must give back with {@link #closeRawConnection(Connection)}
     * @throws SQLException if none can be had
     */
    public Connection openRawConnection() throws SQLException {
        return connections.openConnection();
    }

    /**
     * @param connection a connection from {@link #openRawConnection()}
     */
    public void closeRawConnection(Connection connection) {
        try {
            connections.closeConnection(connection);
        } catch (SQLException | RuntimeException e) {
            // a broken connection is expected here (for example after the backend was terminated)
        }
    }

    /**
     * Runs a callback in one transaction (READ COMMITTED).
     *
     * @param callback the work
     * @param <R>      result type
     * @return the callback's result
     * @throws IntegrationException the callback's own, or {@code STORAGE_FAILED} for database failures
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.inTransaction(callback);
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /**
     * Runs a callback on one SQL Object on its own handle in auto-commit mode. Unlike
     * {@code withHandle(h -> h.attach(type)...)}, this reuses the SQL Object metadata Jdbi computed on first use:
     * {@code Handle.attach} recomputes it for every new handle (jdbi/jdbi#2991), which cost more than the query.
     *
     * @param type     the SQL Object type
     * @param callback the work
     * @param <D>      the SQL Object type
     * @param <R>      result type
     * @return the callback's result
     * @throws IntegrationException the callback's own, or {@code STORAGE_FAILED} for database failures
     */
    public <D, R> R withDao(Class<D> type, ExtensionCallback<R, D, RuntimeException> callback) {
        try {
            return jdbi.withExtension(type, callback);
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /**
     * Runs a callback on one handle in auto-commit mode.
     *
     * @param callback the work
     * @param <R>      result type
     * @return the callback's result
     * @throws IntegrationException the callback's own, or {@code STORAGE_FAILED} for database failures
     */
    public <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /**
     * @param failure a failure thrown by JDBI or the driver
     * @param index   a unique index name
     * @return whether it is a unique violation of that index
     */
    public static boolean isUniqueViolation(Throwable failure, String index) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && "23505".equals(psql.getSQLState())) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return message == null || index.equals(message.getConstraint());
            }
        }
        return false;
    }

    /**
     * Runs plain JDBC work on a connection of the configured source, in auto-commit mode; see {@link SettingsReads}
     * for why it exists.
     *
     * @param work the JDBC work
     * @param <R>  result type
     * @return the work's result
     * @throws IntegrationException {@code STORAGE_FAILED} for database failures, naming only the SQLState
     */
    <R> R withConnection(JdbcWork<R> work) {
        Connection connection = null;
        try {
            connection = connections.openConnection();
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            if (connection != null) {
                closeRawConnection(connection);
            }
        }
    }

    /**
     * JDBC work on one connection.
     *
     * @param <R> result type
     */
    @FunctionalInterface
    interface JdbcWork<R> {
        /**
         * @param connection the connection, in auto-commit mode
         * @return the result
         * @throws SQLException on database failures
         */
        R run(Connection connection) throws SQLException;
    }

    /**
     * @param failure a JDBI or JDBC failure
     * @return {@code SCHEMA_NOT_MIGRATED} with the remedy for a missing table or schema, otherwise
     *         {@code STORAGE_FAILED}; either names the SQLState but no SQL or values
     */
    public IntegrationException failure(Exception failure) {
        String sqlState = sqlState(failure).orElse("none");
        if (UNDEFINED_TABLE.equals(sqlState) || INVALID_SCHEMA_NAME.equals(sqlState)) {
            return new IntegrationException(
                    IntegrationError.SCHEMA_NOT_MIGRATED,
                    "The PhoenixKit tables are"
                            + " missing in schema \"" + schema + "\" (SQLState " + sqlState + "): migrate it first with"
                            + " Migrator.create(dataSource).schema(\"" + schema
                            + "\").migrate() from phoenixkit-migrations,"
                            + " or 'phoenixkit-cli migrate --schema " + schema + "', or point Integrations.builder()"
                            + ".schema(...) at the schema you migrated",
                    sanitizedCause(failure));
        }
        return new IntegrationException(
                IntegrationError.STORAGE_FAILED,
                "Database operation failed (SQLState " + sqlState + ", "
                        + failure.getClass().getSimpleName() + ")",
                sanitizedCause(failure));
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /**
     * PostgreSQL's own error text can echo a value ({@code Key (key)=(...) already exists}); the cause chain is
     * therefore replaced by a summary carrying only exception types and SQLStates.
     */
    private static Throwable sanitizedCause(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(cause.getClass().getName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                chain.append('[').append(sql.getSQLState()).append(']');
            }
        }
        RuntimeException summary = new RuntimeException("cause chain: " + chain);
        summary.setStackTrace(failure.getStackTrace());
        return summary;
    }
}
