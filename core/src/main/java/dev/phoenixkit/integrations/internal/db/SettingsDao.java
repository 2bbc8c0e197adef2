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
     * @param uuid a row uuid
     * @return the integration row ({@code key} starting with {@code integration:}) with that uuid
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE uuid = :uuid AND key LIKE 'integration:%'""")
    Optional<SettingsRow> findIntegrationByUuid(@Bind("uuid") UUID uuid);

    /**
     * Same as {@link #findIntegrationByUuid(UUID)}, locking the row until the transaction ends.
     *
     * @param uuid a row uuid
     * @return the locked row
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE uuid = :uuid AND key LIKE 'integration:%'
            FOR UPDATE""")
    Optional<SettingsRow> lockIntegrationByUuid(@Bind("uuid") UUID uuid);

    /**
     * Finds and locks the integration row holding a pending library-issued OAuth state (one with an expiry), in one
     * query over the key-prefix index. The caller still compares the state in constant time.
     *
     * @param state the callback's state
     * @return the locked row (at most one: states are 32 random bytes)
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE key LIKE 'integration:%' AND value_json -> 'oauth_state_expires_at' IS NOT NULL
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
    int insertIfAbsent(@Bind("uuid") UUID uuid, @Bind("key") String key, @Bind("json") String json,
            @Bind("now") String now);

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
    int updateKeyAndData(@Bind("uuid") UUID uuid, @Bind("key") String key, @Bind("json") String json,
            @Bind("now") String now);

    /**
     * Deletes an integration row.
     *
     * @param uuid the row uuid
     * @return the deleted row's key, if a row was deleted
     */
    @SqlQuery("""
            DELETE FROM <schema>.phoenix_kit_settings
            WHERE uuid = :uuid AND key LIKE 'integration:%'
            RETURNING key""")
    Optional<String> deleteIntegration(@Bind("uuid") UUID uuid);

    /**
     * @param pattern an escaped {@code LIKE} pattern
     * @return rows with data whose key matches, ordered by key
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE key LIKE :pattern AND value_json IS NOT NULL
            ORDER BY key""")
    List<SettingsRow> listByKeyPattern(@Bind("pattern") String pattern);

    /**
     * @param patterns escaped {@code LIKE} patterns
     * @return rows with data whose key matches any pattern, in one query
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE key LIKE ANY(:patterns) AND value_json IS NOT NULL
            ORDER BY key""")
    List<SettingsRow> listByKeyPatterns(@Bind("patterns") String[] patterns);

    /**
     * A batch of integration rows after a uuid, locked until the transaction ends (for re-encryption).
     *
     * @param after the last uuid of the previous batch (the nil uuid to start)
     * @param limit the batch size
     * @return up to {@code limit} rows in uuid order
     */
    @SqlQuery("""
            SELECT uuid, key, value_json::text AS value_json FROM <schema>.phoenix_kit_settings
            WHERE key LIKE 'integration:%' AND value_json IS NOT NULL AND uuid > :after
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
            WHERE key LIKE 'integration:%' AND value_json IS NOT NULL AND uuid > :after
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
