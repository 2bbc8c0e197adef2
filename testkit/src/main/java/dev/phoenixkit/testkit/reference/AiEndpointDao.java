package dev.phoenixkit.testkit.reference;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The AI module's own tables: {@code <schema>.phoenix_kit_ai_endpoints} and its completion flag in
 * {@code <schema>.phoenix_kit_settings}. The {@code schema} attribute is defined by {@link ReferenceAiModule}.
 */
@RegisterConstructorMapper(AiEndpoint.class)
public interface AiEndpointDao {
    /**
     * @param uuid an endpoint uuid
     * @return the endpoint
     */
    @SqlQuery("""
            SELECT uuid, name, provider, api_key, integration_uuid FROM <schema>.phoenix_kit_ai_endpoints
            WHERE uuid = :uuid""")
    Optional<AiEndpoint> find(@Bind("uuid") UUID uuid);

    /** @return endpoints of the bare {@code openrouter} provider that still hold a legacy key, oldest first */
    @SqlQuery("""
            SELECT uuid, name, provider, api_key, integration_uuid FROM <schema>.phoenix_kit_ai_endpoints
            WHERE provider = 'openrouter' AND api_key <> ''
            ORDER BY inserted_at, uuid""")
    List<AiEndpoint> legacyOpenRouterEndpoints();

    /** @return endpoints without a connection uuid whose provider names a connection ({@code provider:name}) */
    @SqlQuery("""
            SELECT uuid, name, provider, api_key, integration_uuid FROM <schema>.phoenix_kit_ai_endpoints
            WHERE integration_uuid IS NULL AND provider <> '' AND provider <> 'openrouter'
            ORDER BY inserted_at, uuid""")
    List<AiEndpoint> unpinnedEndpoints();

    /**
     * Points migrated endpoints at their connection and clears their legacy key.
     *
     * @param uuids           the endpoints
     * @param provider        the new {@code openrouter:<name>} text
     * @param integrationUuid the connection
     * @return rows changed
     */
    @SqlUpdate("""
            UPDATE <schema>.phoenix_kit_ai_endpoints
            SET provider = :provider, api_key = '', integration_uuid = :integrationUuid, updated_at = now()
            WHERE uuid IN (<uuids>)""")
    int pinMigrated(
            @BindList("uuids") List<UUID> uuids,
            @Bind("provider") String provider,
            @Bind("integrationUuid") UUID integrationUuid);

    /**
     * Sets the connection uuid unless one is set already (the guard makes concurrent promotions harmless).
     *
     * @param uuid            the endpoint
     * @param integrationUuid the connection
     * @return 1 if promoted, 0 if it already had one
     */
    @SqlUpdate("""
            UPDATE <schema>.phoenix_kit_ai_endpoints SET integration_uuid = :integrationUuid, updated_at = now()
            WHERE uuid = :uuid AND integration_uuid IS NULL""")
    int promote(@Bind("uuid") UUID uuid, @Bind("integrationUuid") UUID integrationUuid);

    /**
     * @param key a settings key
     * @return whether the settings row exists
     */
    @SqlQuery("SELECT count(*) > 0 FROM <schema>.phoenix_kit_settings WHERE key = :key")
    boolean settingExists(@Bind("key") String key);

    /**
     * Writes a plain settings row unless it exists.
     *
     * @param key   the settings key
     * @param value the value (at most 255 characters)
     * @return 1 if written
     */
    @SqlUpdate("""
            INSERT INTO <schema>.phoenix_kit_settings (key, value, module) VALUES (:key, :value, 'ai')
            ON CONFLICT (key) DO NOTHING""")
    int insertSetting(@Bind("key") String key, @Bind("value") String value);
}
