package dev.phoenixkit.migrations.internal;

import dev.phoenixkit.migrations.MigrationError;
import dev.phoenixkit.migrations.MigrationException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What a step needs to know about the run: the target schema (and its spellings for SQL) and the data source,
 * for steps that must look at the database from another connection. Immutable.
 *
 * <p>Placeholders substituted in SQL scripts:
 * <ul>
 *   <li>{@code ${schema}}: the schema as a quoted identifier, e.g. {@code "public"};</li>
 *   <li>{@code ${schema_literal}}: the schema as a string literal, e.g. {@code 'public'};</li>
 *   <li>{@code ${index_prefix}}: empty for {@code public}, else the schema name and {@code _}, for use inside a
 *       quoted identifier (PhoenixKit V56's {@code <prefix>_<table>_uuid_idx} naming).</li>
 * </ul>
 *
 * @param schema     the unquoted schema name
 * @param dataSource where the run's connections come from
 */
public record StepContext(String schema, DataSource dataSource) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    /**
     * Validates the components.
     *
     * @param schema see the record description
     * @param dataSource see the record description
     */
    public StepContext {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The schema as a quoted SQL identifier.
     *
     * @return e.g. {@code "public"}, with embedded double quotes doubled
     */
    public String quotedSchema() {
        return quoteIdentifier(schema);
    }

    /**
     * The schema name as a SQL string literal.
     *
     * @return e.g. {@code 'public'}, with embedded single quotes doubled
     */
    public String schemaLiteral() {
        return "'" + schema.replace("'", "''") + "'";
    }

    /**
     * The index-name prefix PhoenixKit's V56 uses, safe inside a double-quoted identifier.
     *
     * @return {@code ""} for {@code public}, else {@code <schema>_}
     */
    public String indexPrefix() {
        return "public".equals(schema) ? "" : schema.replace("\"", "\"\"") + "_";
    }

    /**
     * Replaces every known placeholder in {@code sql}.
     *
     * @param sql        the script text
     * @param scriptName the script's name, for the error message
     * @return the substituted text
     * @throws MigrationException {@link MigrationError#INVALID_STEP} on an unknown placeholder
     */
    public String substitute(String sql, String scriptName) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder result = new StringBuilder(sql.length() + 64);
        while (matcher.find()) {
            String replacement = switch (matcher.group(1)) {
                case "schema" -> quotedSchema();
                case "schema_literal" -> schemaLiteral();
                case "index_prefix" -> indexPrefix();
                default ->
                    throw new MigrationException(
                            MigrationError.INVALID_STEP,
                            "Unknown placeholder ${" + matcher.group(1) + "} in " + scriptName
                                    + "; known: ${schema}, ${schema_literal}, ${index_prefix}");
            };
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /**
     * Quotes an identifier for SQL.
     *
     * @param identifier the raw identifier
     * @return the identifier in double quotes, embedded double quotes doubled
     */
    public static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
