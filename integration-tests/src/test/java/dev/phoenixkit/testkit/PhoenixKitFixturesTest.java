package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The PhoenixKit-shaped databases of {@link PhoenixKitFixtures} are what PhoenixKit leaves behind. */
class PhoenixKitFixturesTest {

    @Test
    void v180HasTheCurrentShapesMarkerAndUuidKeyedRows() throws SQLException {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            DataSource ds = database.dataSource();
            PhoenixKitFixtures.v180(ds);

            assertThat(one(ds, "SELECT obj_description('public.phoenix_kit'::regclass, 'pg_class')"))
                    .isEqualTo("180");
            assertThat(one(
                            ds,
                            "SELECT data_type FROM information_schema.columns WHERE table_name = 'phoenix_kit_settings'"
                                    + " AND column_name = 'value'"))
                    .isEqualTo("text");
            assertThat(one(
                            ds,
                            "SELECT count(*) FROM phoenix_kit_settings WHERE module = 'integrations'"
                                    + " AND key = uuid::text AND value IS NULL"))
                    .isEqualTo(Integer.toString(PhoenixKitFixtures.V180_INTEGRATIONS.size()));
            assertThat(one(ds, "SELECT count(*) FROM phoenix_kit_settings WHERE key LIKE 'integration:%'"))
                    .isEqualTo("0");
            assertThat(rows(
                            ds,
                            "SELECT value_json->>'name' FROM phoenix_kit_settings WHERE value_json->>'provider'"
                                    + " = 'openrouter' AND value_json->>'owner_uuid' IS NULL ORDER BY date_added"))
                    .containsExactly("Team Key", "team key", "team key");
            String stored = one(
                    ds,
                    "SELECT value_json->>'api_key' FROM phoenix_kit_settings WHERE uuid = ?",
                    PhoenixKitFixtures.OPENAI_PRODUCTION);
            assertThat(stored).startsWith("enc:v1:");
            assertThat(PhoenixKitFixtures.decrypt(stored)).isEqualTo("sk-openai-production-0001");
            assertThat(one(
                            ds,
                            "SELECT integration_uuid::text FROM phoenix_kit_ai_endpoints WHERE uuid = ?",
                            PhoenixKitFixtures.AI_ENDPOINT_PINNED))
                    .isEqualTo(PhoenixKitFixtures.OPENROUTER_TEAM_KEY.toString());
            assertThat(one(
                            ds,
                            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'phoenix_kit_buckets'"
                                    + " AND column_name = 'integration_uuid'"))
                    .isEqualTo("1");
        }
    }

    @Test
    void v114IsV113AfterPhoenixKitsV114Step() throws SQLException {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            DataSource ds = database.dataSource();
            PhoenixKitFixtures.v113(ds, "pk");
            assertThat(one(ds, "SELECT obj_description('pk.phoenix_kit'::regclass, 'pg_class')"))
                    .isEqualTo("113");
            assertThat(one(
                            ds,
                            "SELECT key FROM pk.phoenix_kit_settings WHERE uuid = ?",
                            PhoenixKitFixtures.V113_GOOGLE_LEGACY))
                    .isEqualTo("integration:google");
        }
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            DataSource ds = database.dataSource();
            PhoenixKitFixtures.v114(ds, "pk");

            assertThat(one(ds, "SELECT obj_description('pk.phoenix_kit'::regclass, 'pg_class')"))
                    .isEqualTo("114");
            assertThat(one(ds, "SELECT count(*) FROM pk.phoenix_kit_settings WHERE key = uuid::text"))
                    .isEqualTo(Integer.toString(PhoenixKitFixtures.V113_INTEGRATIONS.size()));
            assertThat(one(
                            ds,
                            "SELECT value_json->>'provider' || '/' || (value_json->>'name') FROM pk.phoenix_kit_settings"
                                    + " WHERE uuid = ?",
                            PhoenixKitFixtures.V113_GOOGLE_LEGACY))
                    .isEqualTo("google/default");
            assertThat(one(
                            ds,
                            "SELECT value_json->>'provider' || '/' || (value_json->>'name') FROM pk.phoenix_kit_settings"
                                    + " WHERE uuid = ?",
                            PhoenixKitFixtures.V113_MISTRAL_EMPTY_JSON))
                    .isEqualTo("mistral/eu");
            assertThat(one(
                            ds,
                            "SELECT value_json->>'name' FROM pk.phoenix_kit_settings WHERE uuid = ?",
                            PhoenixKitFixtures.V113_OPENROUTER_JSON_NAME_WINS))
                    .isEqualTo("team-key");
        }
    }

    @Test
    void aSchemaPhoenixKitWouldRefuseIsRefused() {
        assertThatThrownBy(() -> PhoenixKitFixtures.v180(PostgresServer.shared().adminDataSource(), "My-App"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[a-z_][a-z0-9_]*");
    }

    static String one(DataSource ds, String sql, Object... parameters) throws SQLException {
        List<String> all = rows(ds, sql, parameters);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static List<String> rows(DataSource ds, String sql, Object... parameters) throws SQLException {
        try (Connection connection = ds.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (result.next()) {
                    values.add(result.getString(1));
                }
                return values;
            }
        }
    }
}
