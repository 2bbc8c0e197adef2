package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PhoenixKit's schema version marker: the comment on {@code <schema>.phoenix_kit}. No table means version 0; a
 * table without a comment, or with one that is not a number, is refused as PhoenixKit 2.x refuses it
 * ({@code migrated_version/1} in {@code postgres.ex}): the marker decides which steps run, so it is never guessed.
 * Stateless and thread-safe.
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
     * @throws MigrationException {@link MigrationError#MISSING_VERSION_MARKER} when the table has no comment,
     *                            {@link MigrationError#INVALID_VERSION_MARKER} when the comment is not a number
     */
    public static int read(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return 0;
                }
                String comment = rows.getString(1);
                String table = StepContext.quoteIdentifier(schema) + ".phoenix_kit";
                if (comment == null) {
                    throw new MigrationException(
                            MigrationError.MISSING_VERSION_MARKER,
                            "Table " + table + " exists but has no version comment, the only record of which"
                                    + " migrations this schema has. Nothing was changed: PhoenixKit 2.x refuses such a"
                                    + " schema too (it no longer reads it as version 1). Establish the real version"
                                    + " with mix phoenix_kit.doctor (or, on a database only this library manages,"
                                    + " Migrator.history()) and restamp it: COMMENT ON TABLE " + table
                                    + " IS '<version>'");
                }
                try {
                    int version = Integer.parseInt(comment.strip());
                    if (version < 0) {
                        throw new NumberFormatException("negative");
                    }
                    return version;
                } catch (NumberFormatException e) {
                    throw new MigrationException(
                            MigrationError.INVALID_VERSION_MARKER,
                            "The comment on table " + table + " is '" + comment + "', which is not a version"
                                    + " number. Nothing was changed: PhoenixKit refuses such a schema too, because the"
                                    + " comment decides which migrations run. Establish the real version with mix"
                                    + " phoenix_kit.doctor and restamp it: COMMENT ON TABLE " + table
                                    + " IS '<version>'",
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
