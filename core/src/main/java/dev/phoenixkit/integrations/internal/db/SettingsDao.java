package dev.phoenixkit.integrations.internal.db;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Integration rows of {@code <schema>.phoenix_kit_settings}. The {@code schema} attribute (a quoted identifier) is
 * defined on the {@code Jdbi} that {@link Database} owns. Timestamps are bound as ISO-8601 text from the injected
 * clock.
 */
public interface SettingsDao {
    /**
     * The owner scope of a listing ({@code :ownerType}, {@code :ownerUuid}; both {@code null} for the system), as
     * PhoenixKit's {@code owner_where}: system rows have no {@code owner_uuid}; a typed owner's rows have its uuid
     * and its type, a missing type reading as {@code user}.
     */
    String OWNER_FILTER = """
            (CASE WHEN CAST(:ownerUuid AS text) IS NULL THEN value_json ->> 'owner_uuid' IS NULL
                  ELSE lower(value_json ->> 'owner_uuid') = CAST(:ownerUuid AS text)
                       AND COALESCE(value_json ->> 'owner_type', 'user') = CAST(:ownerType AS text) END)""";

    /**
     * @param uuid a row uuid
     * @return the integration row (in the layout's sense, {@code <rows>}: {@link Database#integrationRows}) with
     *         that uuid
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE uuid = :uuid AND <rows>""")
    Optional<SettingsRow> findIntegrationByUuid(@Bind("uuid") UUID uuid);

    /**
     * Same as {@link #findIntegrationByUuid(UUID)}, locking the row until the transaction ends.
     *
     * @param uuid a row uuid
     * @return the locked row
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE uuid = :uuid AND <rows>
            FOR UPDATE""")
    Optional<SettingsRow> lockIntegrationByUuid(@Bind("uuid") UUID uuid);

    /**
     * Finds and locks the integration row holding a pending library-issued OAuth state (one with an expiry), in one
     * query. The caller still compares the state in constant time.
     *
     * @param state the callback's state
     * @return the locked row (at most one: states are 32 random bytes)
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE <rows> AND value_json -> 'oauth_state_expires_at' IS NOT NULL
              AND value_json ->> 'oauth_state' = :state
            LIMIT 1
            FOR UPDATE""")
    Optional<SettingsRow> lockIntegrationByPendingState(@Bind("state") String state);

    /**
     * Inserts an integration row unless the key is taken.
     *
     * @param uuid the new uuid (UUIDv7)
     * @param key  the storage key
     * @param json the {@code value_json} text
     * @param now  ISO-8601 instant for {@code date_added} and {@code date_updated}
     * @return 1 if inserted, 0 if the key already existed
     */
    @SqlUpdate("""
            INSERT INTO <schema>.phoenix_kit_settings (uuid, key, value, value_json, module, date_added, date_updated)
            VALUES (:uuid, :key, NULL, CAST(:json AS jsonb), 'integrations',
                    CAST(:now AS timestamptz), CAST(:now AS timestamptz))
            ON CONFLICT (key) DO NOTHING""")
    int insertIfAbsent(
            @Bind("uuid") UUID uuid, @Bind("key") String key, @Bind("json") String json, @Bind("now") String now);

    /**
     * Replaces a row's data.
     *
     * @param uuid the row uuid
     * @param json the new {@code value_json} text
     * @param now  ISO-8601 instant for {@code date_updated}
     * @return rows changed
     */
    @SqlUpdate("""
            UPDATE <schema>.phoenix_kit_settings
            SET value_json = CAST(:json AS jsonb), value = NULL, module = 'integrations',
                date_updated = CAST(:now AS timestamptz)
            WHERE uuid = :uuid""")
    int updateData(@Bind("uuid") UUID uuid, @Bind("json") String json, @Bind("now") String now);

    /**
     * Rewrites a row's key and data in place (rename); a key clash raises a unique violation.
     *
     * @param uuid the row uuid
     * @param key  the new storage key
     * @param json the new {@code value_json} text
     * @param now  ISO-8601 instant for {@code date_updated}
     * @return rows changed
     */
    @SqlUpdate("""
            UPDATE <schema>.phoenix_kit_settings
            SET key = :key, value_json = CAST(:json AS jsonb), date_updated = CAST(:now AS timestamptz)
            WHERE uuid = :uuid""")
    int updateKeyAndData(
            @Bind("uuid") UUID uuid, @Bind("key") String key, @Bind("json") String json, @Bind("now") String now);

    /**
     * Deletes an integration row.
     *
     * @param uuid the row uuid
     * @return the deleted row as it was, if a row was deleted
     */
    @SqlQuery("""
            DELETE FROM <schema>.phoenix_kit_settings
            WHERE uuid = :uuid AND <rows>
            RETURNING uuid, key, value_json::text AS value_json""")
    Optional<SettingsRow> deleteIntegration(@Bind("uuid") UUID uuid);

    /**
     * Composite-key layout: the rows with data whose key matches, of one owner.
     *
     * @param pattern   an escaped {@code LIKE} pattern
     * @param ownerType the owner type, or {@code null} for the system
     * @param ownerUuid the owner uuid as lowercase text, or {@code null} for the system
     * @return the rows, ordered by key
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE key LIKE :pattern AND value_json IS NOT NULL""" + " AND " + OWNER_FILTER + """
             ORDER BY key""")
    List<SettingsRow> listByKeyPattern(
            @Bind("pattern") String pattern, @Bind("ownerType") String ownerType, @Bind("ownerUuid") String ownerUuid);

    /**
     * Composite-key layout: the rows with data whose key matches any pattern, of one owner, in one query.
     *
     * @param patterns  escaped {@code LIKE} patterns
     * @param ownerType the owner type, or {@code null} for the system
     * @param ownerUuid the owner uuid as lowercase text, or {@code null} for the system
     * @return the rows, ordered by key
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE key LIKE ANY(:patterns) AND value_json IS NOT NULL""" + " AND " + OWNER_FILTER + """
             ORDER BY key""")
    List<SettingsRow> listByKeyPatterns(
            @Bind("patterns") String[] patterns,
            @Bind("ownerType") String ownerType,
            @Bind("ownerUuid") String ownerUuid);

    /**
     * Uuid-key layout: the integration rows of some providers and one owner, PhoenixKit's {@code list_connections}
     * query (no {@code ORDER BY}: the caller sorts by lowercased name, stably, as PhoenixKit does).
     *
     * @param providers the provider keys
     * @param ownerType the owner type, or {@code null} for the system
     * @param ownerUuid the owner uuid as lowercase text, or {@code null} for the system
     * @return the rows, in the order PostgreSQL returns them
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE module = 'integrations' AND value_json ->> 'provider' = ANY(:providers)""" + " AND " + OWNER_FILTER)
    List<SettingsRow> listByProviders(
            @Bind("providers") String[] providers,
            @Bind("ownerType") String ownerType,
            @Bind("ownerUuid") String ownerUuid);

    /**
     * Uuid-key layout: waits for, then holds until the transaction ends, the advisory lock of one provider and
     * lowercased name (two-{@code int} form, class {@code classId}), so that the duplicate check and the write of
     * an add or rename are atomic without a unique index.
     *
     * @param classId  the lock class
     * @param provider the provider key
     * @param name     the connection name
     * @return 1
     */
    @SqlQuery("""
            SELECT 1 FROM pg_advisory_xact_lock(:classId, hashtext(:provider || ':' || lower(:name)))""")
    int lockName(@Bind("classId") int classId, @Bind("provider") String provider, @Bind("name") String name);

    /**
     * Uuid-key layout: whether another integration row of this provider and owner has the name, ignoring case.
     *
     * @param provider  the provider key
     * @param name      the name
     * @param ownerType the owner type, or {@code null} for the system
     * @param ownerUuid the owner uuid as lowercase text, or {@code null} for the system
     * @param self      the row being renamed (excluded), or the nil uuid
     * @return whether such a row exists
     */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM <schema>.phoenix_kit_settings
            WHERE module = 'integrations' AND value_json ->> 'provider' = :provider
              AND lower(value_json ->> 'name') = lower(:name) AND uuid <> :self""" + " AND " + OWNER_FILTER + ")")
    boolean nameTaken(
            @Bind("provider") String provider,
            @Bind("name") String name,
            @Bind("ownerType") String ownerType,
            @Bind("ownerUuid") String ownerUuid,
            @Bind("self") UUID self);

    /**
     * A batch of integration rows after a uuid, locked until the transaction ends (for re-encryption).
     *
     * @param after the last uuid of the previous batch (the nil uuid to start)
     * @param limit the batch size
     * @return up to {@code limit} rows in uuid order
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE <rows> AND value_json IS NOT NULL AND uuid > :after
            ORDER BY uuid
            LIMIT :limit
            FOR UPDATE""")
    List<SettingsRow> lockBatchAfter(@Bind("after") UUID after, @Bind("limit") int limit);

    /**
     * A batch of integration rows after a uuid, without locks (for the encryption status report).
     *
     * @param after the last uuid of the previous batch (the nil uuid to start)
     * @param limit the batch size
     * @return up to {@code limit} rows in uuid order
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE <rows> AND value_json IS NOT NULL AND uuid > :after
            ORDER BY uuid
            LIMIT :limit""")
    List<SettingsRow> batchAfter(@Bind("after") UUID after, @Bind("limit") int limit);

    /**
     * Writes re-encrypted data without touching anything else.
     *
     * @param uuid the row uuid
     * @param json the new {@code value_json} text
     * @return rows changed
     */
    @SqlUpdate("""
            UPDATE <schema>.phoenix_kit_settings SET value_json = CAST(:json AS jsonb)
            WHERE uuid = :uuid""")
    int updateDataOnly(@Bind("uuid") UUID uuid, @Bind("json") String json);
}
