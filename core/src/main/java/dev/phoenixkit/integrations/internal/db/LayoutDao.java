package dev.phoenixkit.integrations.internal.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The reads {@link LayoutDetector} decides from: whether the tables exist, PhoenixKit's version marker and which
 * kinds of integration rows are present. Names are bound as text ({@code to_regclass} of a quoted name), so a
 * missing schema or table reads as absent instead of failing.
 */
public interface LayoutDao {
    /**
     * @param qualifiedName a quoted {@code "schema".table} name
     * @return whether the relation exists
     */
    @SqlQuery("SELECT to_regclass(:name) IS NOT NULL")
    boolean exists(@Bind("name") String qualifiedName);

    /**
     * @param qualifiedName the quoted {@code "schema".phoenix_kit} name (it must exist)
     * @return the table's comment (PhoenixKit's version marker), if it has one
     */
    @SqlQuery("SELECT obj_description(to_regclass(:name), 'pg_class')")
    Optional<String> marker(@Bind("name") String qualifiedName);

    /** @return whether a row is keyed by its uuid in PhoenixKit's V114 layout */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM <schema>.phoenix_kit_settings
                           WHERE module = 'integrations' AND key = uuid::text)""")
    boolean hasUuidKeyedRows();

    /** @return whether a row has a composite {@code integration:} key */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM <schema>.phoenix_kit_settings WHERE key LIKE 'integration:%')""")
    boolean hasCompositeKeyedRows();
}
