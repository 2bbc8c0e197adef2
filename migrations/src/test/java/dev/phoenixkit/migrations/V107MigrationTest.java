package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Port of PhoenixKit's {@code test/phoenix_kit/migrations/v107_test.exs} (docs/phoenixkit-reference.md#11-8): migrate to 105, insert
 * fixtures, migrate to 107 through the runner.
 */
class V107MigrationTest {

    private Sql sql;
    private Migrator migrator;

    @BeforeEach
    void databaseAt105() {
        TestDatabases.TestDatabase database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
        migrator = Migrator.create(database.dataSource());
        migrator.migrate(105);
    }

    /** Inserts a settings row with the JSON inlined as a ::jsonb literal; returns its uuid. */
    private String insertIntegration(String key, String json) {
        return sql.value(
                "INSERT INTO phoenix_kit_settings (key, value_json, module) VALUES (?, '" + json.replace("'", "''")
                        + "'::jsonb, 'integrations') RETURNING uuid::text",
                key);
    }

    private String insertIntegrationWithUuid(String uuid, String key, String json) {
        return sql.value(
                "INSERT INTO phoenix_kit_settings (uuid, key, value_json, module) VALUES (?::uuid, ?, '"
                        + json.replace("'", "''") + "'::jsonb, 'integrations') RETURNING uuid::text",
                uuid,
                key);
    }

    private String insertEndpoint(String name, String provider) {
        return sql.value(
                "INSERT INTO phoenix_kit_ai_endpoints (name, provider, api_key, model, inserted_at, updated_at)"
                        + " VALUES (?, ?, 'sk-test-not-a-secret', 'anthropic/claude-3-haiku', now(), now())"
                        + " RETURNING uuid::text",
                name,
                provider);
    }

    private String pinnedIntegration(String endpointUuid) {
        return sql.value(
                "SELECT integration_uuid::text FROM phoenix_kit_ai_endpoints WHERE uuid = ?::uuid", endpointUuid);
    }

    @Nested
    @DisplayName("schema after V107")
    class Schema {

        @BeforeEach
        void migrateTo107() {
            migrator.migrate(107);
        }

        @Test
        void integrationUuidColumnExists() {
            assertThat(sql.columns("public", "phoenix_kit_ai_endpoints")).contains("integration_uuid uuid");
        }

        @Test
        void integrationUuidIndexExists() {
            assertThat(sql.indexes("public", "phoenix_kit_ai_endpoints"))
                    .contains("phoenix_kit_ai_endpoints_integration_uuid_index");
        }

        @Test
        void nameIndexExists() {
            assertThat(sql.indexes("public", "phoenix_kit_ai_endpoints"))
                    .contains("phoenix_kit_ai_endpoints_name_index");
        }

        @Test
        void duplicateEndpointNameRaises() {
            insertEndpoint("Claude Haiku", "openrouter");

            assertThatThrownBy(() -> insertEndpoint("Claude Haiku", "openrouter"))
                    .hasMessageContaining("duplicate key value violates")
                    .hasMessageContaining("phoenix_kit_ai_endpoints_name_index");
        }

        @Test
        void caseOnlyDuplicateEndpointNameRaises() {
            insertEndpoint("Claude Haiku", "openrouter");

            assertThatThrownBy(() -> insertEndpoint("CLAUDE HAIKU", "openrouter"))
                    .hasMessageContaining("duplicate key value violates");
        }
    }

    @Nested
    @DisplayName("backfill")
    class Backfill {

        @Test
        void exactProviderAndNameGetsThatRowsUuid() {
            insertIntegration(
                    "integration:openrouter:default",
                    "{\"provider\":\"openrouter\"," + "\"last_validated_at\":\"2026-05-01T00:00:00Z\"}");
            String myKey = insertIntegration("integration:openrouter:my-key", "{\"provider\":\"openrouter\"}");
            String endpoint = insertEndpoint("Pinned", "openrouter:my-key");

            migrator.migrate(107);

            assertThat(pinnedIntegration(endpoint)).isEqualTo(myKey);
        }

        @Test
        void bareProviderGetsTheMostRecentlyValidatedConnection() {
            insertIntegration("integration:openrouter:old", "{\"last_validated_at\":\"2026-01-01T00:00:00Z\"}");
            String latest =
                    insertIntegration("integration:openrouter:new", "{\"last_validated_at\":\"2026-04-01T12:00:00Z\"}");
            insertIntegration("integration:openrouter:never", "{}");
            insertIntegration("integration:mistral:newest", "{\"last_validated_at\":\"2026-09-01T00:00:00Z\"}");
            String endpoint = insertEndpoint("Bare", "openrouter");

            migrator.migrate(107);

            assertThat(pinnedIntegration(endpoint)).isEqualTo(latest);
        }

        @Test
        void bothValidationTimesNullThenUuidAscendingPicksTheRowInsertedFirst() {
            String first = insertIntegrationWithUuid(
                    "01900000-0000-7000-8000-000000000001", "integration:deepseek:first", "{}");
            insertIntegrationWithUuid("01900000-0000-7000-8000-000000000002", "integration:deepseek:second", "{}");
            String endpoint = insertEndpoint("Deep", "deepseek");

            migrator.migrate(107);

            assertThat(pinnedIntegration(endpoint)).isEqualTo(first);
        }

        @Test
        void bothValidationTimesNullThenLowestUuidWinsEvenWhenInsertedLater() {
            insertIntegrationWithUuid("01900000-0000-7000-8000-000000000009", "integration:deepseek:a", "{}");
            String lowest =
                    insertIntegrationWithUuid("01900000-0000-7000-8000-000000000003", "integration:deepseek:b", "{}");
            String endpoint = insertEndpoint("Deep", "deepseek");

            migrator.migrate(107);

            assertThat(pinnedIntegration(endpoint)).isEqualTo(lowest);
        }

        @Test
        void unresolvableProviderStaysNull() {
            insertIntegration("integration:openrouter:default", "{}");
            String endpoint = insertEndpoint("Orphan", "anthropic");
            String missingName = insertEndpoint("Missing", "openrouter:nope");

            migrator.migrate(107);

            assertThat(pinnedIntegration(endpoint)).isNull();
            assertThat(pinnedIntegration(missingName)).isNull();
        }

        @Test
        void legacyBareKeyIsNotACandidate() {
            insertIntegration("integration:mistral", "{\"last_validated_at\":\"2026-01-01T00:00:00Z\"}");
            String endpoint = insertEndpoint("Legacy", "mistral");

            migrator.migrate(107);

            assertThat(pinnedIntegration(endpoint)).isNull();
        }
    }

    @Test
    void migrateTo107WhenDuplicateEndpointNamesExistThenFailsAndStaysAt105() {
        insertEndpoint("Claude Haiku", "openrouter");
        insertEndpoint("claude haiku", "openrouter");

        assertThatThrownBy(() -> migrator.migrate(107))
                .isInstanceOfSatisfying(
                        MigrationException.class, e -> assertThat(e.error()).isEqualTo(MigrationError.STEP_FAILED))
                .hasMessageContaining("V107")
                .hasMessageContaining("SQLState 23505");
        assertThat(sql.marker("public")).isEqualTo("106");
        assertThat(sql.columns("public", "phoenix_kit_ai_endpoints")).doesNotContain("integration_uuid uuid");
    }
}
