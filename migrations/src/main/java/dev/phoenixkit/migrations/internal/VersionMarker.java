package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PhoenixKit's schema version marker: the comment on {@code <schema>.phoenix_kit}. No table means version 0, a
 * table without a comment means 1 (a legacy V01 install). Stateless and thread-safe.
 */
public final class VersionMarker {

    private static final String READ = """
            SELECT obj_description(c.oid, 'pg_class')
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ?
               AND c.relname = 'phoenix_kit'
               AND c.relkind IN ('r', 'p')
            """;

    private VersionMarker() {}

    /**
     * Reads the marker.
     *
     * @param connection any connection to the database
     * @param schema     the unquoted schema name
     * @return the version (0 or more)
     * @throws SQLException on a database error
     * @throws MigrationException {@link MigrationError#INVALID_VERSION_MARKER} when the comment is not a number
     */
    public static int read(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return 0;
                }
                String comment = rows.getString(1);
                if (comment == null) {
                    return 1;
                }
                try {
                    return Integer.parseInt(comment.strip());
                } catch (NumberFormatException e) {
                    throw new MigrationException(
                            MigrationError.INVALID_VERSION_MARKER,
                            "The comment on table "
                                    + StepContext.quoteIdentifier(schema) + ".phoenix_kit is '" + comment
                                    + "', which is not a version number",
                            e);
                }
            }
        }
    }

    /**
     * Writes the marker as PhoenixKit does ({@code COMMENT ON TABLE <schema>.phoenix_kit IS '<n>'}).
     *
     * @param connection the step connection (joins its transaction, if any)
     * @param context    the run's schema
     * @param version    the version to record
     * @throws SQLException on a database error
     */
    public static void write(Connection connection, StepContext context, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMENT ON TABLE " + context.quotedSchema() + ".phoenix_kit IS '" + version + "'");
        }
    }
}
