package dev.phoenixkit.migrations.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Small JDBC helpers for test assertions: each call opens its own connection, so what it sees is what any other
 * session would see. Thread-safe.
 */
public final class Sql {

    private final DataSource dataSource;

    /**
     * Wraps a data source.
     *
     * @param dataSource the database under test
     */
    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Executes a statement.
     *
     * @param sql        the statement
     * @param parameters positional parameters
     * @return the update count
     */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
            return Math.max(statement.getUpdateCount(), 0);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rows of a query, each as a list of column values as strings (null stays null).
     *
     * @param sql        the query
     * @param parameters positional parameters
     * @return the rows
     */
    public List<List<String>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first column of every row.
     *
     * @param sql        the query
     * @param parameters positional parameters
     * @return the values
     */
    public List<String> column(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> row.get(0)).toList();
    }

    /**
     * The single value of a one-row, one-column query (null when no row).
     *
     * @param sql        the query
     * @param parameters positional parameters
     * @return the value
     */
    public String value(String sql, Object... parameters) {
        List<String> values = column(sql, parameters);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The version marker (table comment) of {@code schema}.phoenix_kit, null when the table or comment is missing.
     *
     * @param schema the schema
     * @return the comment
     */
    public String marker(String schema) {
        return value("""
                SELECT obj_description(c.oid, 'pg_class') FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relname = 'phoenix_kit'
                """, schema);
    }

    /**
     * Whether a table exists.
     *
     * @param schema the schema
     * @param table  the table
     * @return true when it exists
     */
    public boolean tableExists(String schema, String table) {
        return value(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                        schema,
                        table)
                .equals("1");
    }

    /**
     * Index names of a table, sorted.
     *
     * @param schema the schema
     * @param table  the table
     * @return the index names
     */
    public List<String> indexes(String schema, String table) {
        return column(
                "SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = ? ORDER BY indexname",
                schema,
                table);
    }

    /**
     * The columns of a table as {@code name type [NOT NULL] [DEFAULT expr]} strings, sorted by name.
     *
     * @param schema the schema
     * @param table  the table
     * @return one string per column
     */
    public List<String> columns(String schema, String table) {
        return column("""
                SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                       || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                       || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                       || CASE WHEN a.attidentity = 'a' THEN ' GENERATED ALWAYS AS IDENTITY'
                               WHEN a.attidentity = 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
                  FROM pg_attribute a
                  JOIN pg_class c ON c.oid = a.attrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attname
                """, schema, table);
    }

    /**
     * Index definitions of a table ({@code pg_indexes.indexdef}), sorted by index name.
     *
     * @param schema the schema
     * @param table  the table
     * @return the definitions
     */
    public List<String> indexDefinitions(String schema, String table) {
        return column(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ? ORDER BY indexname",
                schema,
                table);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
