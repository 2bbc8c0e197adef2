package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import dev.phoenixkit.migrations.Migrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this library needs of a schema PhoenixKit owns (marker at or above {@value Migrator#PHOENIX_KIT_FLOOR}):
 * {@code phoenix_kit_settings} with the columns the integrations store reads and writes, in the types of PhoenixKit's
 * V135 baseline plus V160 ({@code value} is {@code text} from V160 on, {@code varchar(255)} before), {@code value}
 * nullable (uuid-keyed rows store NULL there) and a unique index on {@code key} alone (the store's
 * {@code ON CONFLICT (key)}). Read-only; stateless and thread-safe.
 */
final class PhoenixKitSchema {

    /** PhoenixKit's V160 turns {@code phoenix_kit_settings.value} into {@code text}. */
    static final int VALUE_IS_TEXT_SINCE = 160;

    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relname = 'phoenix_kit_settings' AND c.relkind IN ('r', 'p')
               AND a.attnum > 0 AND NOT a.attisdropped
            """;

    private static final String UNIQUE_KEY_INDEX = """
            SELECT count(*)
              FROM pg_index i
              JOIN pg_class c ON c.oid = i.indrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
             WHERE n.nspname = ? AND c.relname = 'phoenix_kit_settings'
               AND i.indisunique AND i.indnatts = 1 AND i.indpred IS NULL AND i.indexprs IS NULL
               AND a.attname = 'key'
            """;

    private PhoenixKitSchema() {}

    /**
     * Checks the schema, throwing when anything is missing or of another type.
     *
     * @param connection any connection
     * @param context    the run's schema
     * @param marker     the version PhoenixKit's marker says
     * @throws SQLException       on a database error
     * @throws MigrationException {@link MigrationError#SCHEMA_MISMATCH} listing every problem found
     */
    static void verify(Connection connection, StepContext context, int marker) throws SQLException {
        // column -> accepted types (the first is what PhoenixKit's V135 baseline, plus V160, creates)
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("uuid", List.of("uuid"));
        expected.put("key", List.of("character varying(255)", "character varying", "text"));
        expected.put(
                "value",
                marker >= VALUE_IS_TEXT_SINCE
                        ? List.of("text")
                        : List.of("character varying(255)", "character varying", "text"));
        expected.put("module", List.of("character varying(255)", "character varying", "text"));
        expected.put("value_json", List.of("jsonb"));
        expected.put("date_added", List.of("timestamp with time zone"));
        expected.put("date_updated", List.of("timestamp with time zone"));

        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Boolean> notNull = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, context.schema());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                    notNull.put(rows.getString(1), rows.getBoolean(3));
                }
            }
        }
        String table = context.quotedSchema() + ".phoenix_kit_settings";
        List<String> problems = new ArrayList<>();
        if (types.isEmpty()) {
            problems.add("table " + table + " is missing");
        } else {
            expected.forEach((column, accepted) -> {
                String actual = types.get(column);
                String type = accepted.get(0);
                if (actual == null) {
                    problems.add("column " + column + " is missing (expected " + type + ")");
                } else if (!accepted.contains(actual)) {
                    problems.add("column " + column + " is " + actual + ", expected " + type
                            + (column.equals("value") && marker >= VALUE_IS_TEXT_SINCE
                                    ? " (PhoenixKit's V" + VALUE_IS_TEXT_SINCE + " made it text)"
                                    : ""));
                }
            });
            if (Boolean.TRUE.equals(notNull.get("value"))) {
                problems.add("column value is NOT NULL, but integration rows store NULL there");
            }
            if (!hasUniqueKeyIndex(connection, context)) {
                problems.add("no unique index on (key) alone (PhoenixKit's phoenix_kit_settings_key_uidx)");
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationException(
                    MigrationError.SCHEMA_MISMATCH,
                    "Schema " + context.quotedSchema() + " is at PhoenixKit version " + marker + " (at or above its"
                            + " V" + Migrator.PHOENIX_KIT_FLOOR + " baseline, so PhoenixKit owns the chain and this"
                            + " library runs none of its steps), but " + table + " is not what that version has: "
                            + String.join("; ", problems) + ". Nothing was changed. Let PhoenixKit repair it (mix"
                            + " phoenix_kit.doctor, then mix phoenix_kit.repair) or migrate it with PhoenixKit, then"
                            + " run this migrator again");
        }
    }

    private static boolean hasUniqueKeyIndex(Connection connection, StepContext context) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UNIQUE_KEY_INDEX)) {
            statement.setString(1, context.schema());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) > 0;
            }
        }
    }
}
