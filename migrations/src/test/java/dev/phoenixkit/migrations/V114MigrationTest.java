package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.internal.SqlStepScript;
import dev.phoenixkit.migrations.internal.Step;
import dev.phoenixkit.migrations.internal.StepCatalog;
import dev.phoenixkit.migrations.internal.StepContext;
import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * PhoenixKit's V114 (uuid storage keys) as an opt-in step of our chain: PhoenixKit's ten V114 tests
 * ({@code test/phoenix_kit/migrations/v114_test.exs} before the squash, {@code af86e3af^}) run through our runner,
 * plus the default target staying at 107 and a V113 → V114 → V113 round trip checked field by field.
 */
class V114MigrationTest {

    private TestDatabases.TestDatabase database;
    private Sql sql;
    private Migrator migrator;

    @BeforeEach
    void databaseAt107() {
        database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
        migrator = Migrator.create(database.dataSource());
        migrator.migrate();
    }

    /** Inserts a settings row as PhoenixKit's pre-V114 {@code add_connection/3} wrote it; returns its uuid. */
    private String insertSetting(String key, String valueJson, String module) {
        return sql.value(
                "INSERT INTO phoenix_kit_settings (key, value_json, module, date_added, date_updated)"
                        + " VALUES (?, ?::jsonb, ?, now(), now()) RETURNING uuid::text",
                key,
                valueJson,
                module);
    }

    private String insertSetting(String key, String valueJson, String module, String dateAdded) {
        return sql.value(
                "INSERT INTO phoenix_kit_settings (key, value_json, module, date_added, date_updated)"
                        + " VALUES (?, ?::jsonb, ?, ?::timestamptz, ?::timestamptz) RETURNING uuid::text",
                key,
                valueJson,
                module,
                dateAdded,
                dateAdded);
    }

    /** key, module, value_json text (jsonb's normalised form), value, date_added, date_updated. */
    private List<String> row(String uuid) {
        return sql.rows(
                        "SELECT key, module, value_json::text, value, date_added::text, date_updated::text"
                                + " FROM phoenix_kit_settings WHERE uuid = ?::uuid",
                        uuid)
                .get(0);
    }

    private String json(String uuid, String field) {
        return sql.value("SELECT value_json ->> ? FROM phoenix_kit_settings WHERE uuid = ?::uuid", field, uuid);
    }

    private String key(String uuid) {
        return row(uuid).get(0);
    }

    private String module(String uuid) {
        return row(uuid).get(1);
    }

    private void up() {
        migrator.migrate(Migrator.UUID_KEYS);
    }

    private void down() {
        migrator.rollback(113);
    }

    @Nested
    @DisplayName("target")
    class Target {

        @Test
        void migrateWithoutATargetStopsAt107AndV114IsNeverPending() {
            String uuid = insertSetting("integration:openrouter:work", "{\"api_key\":\"k\"}", "integrations");

            MigrationReport report = migrator.migrate();

            assertThat(report.toVersion()).isEqualTo(Migrator.LATEST);
            assertThat(sql.marker("public")).isEqualTo("107");
            assertThat(key(uuid)).isEqualTo("integration:openrouter:work");
            assertThat(migrator.info().pending()).isEmpty();
            assertThat(migrator.info().upToDate()).isTrue();
        }

        @Test
        void migrateTo114RunsOnlyV114AndMarksIt114() {
            MigrationReport report = migrator.migrate(Migrator.UUID_KEYS);

            assertThat(report.fromVersion()).isEqualTo(107);
            assertThat(report.toVersion()).isEqualTo(114);
            assertThat(report.applied())
                    .extracting(AppliedStep::version, AppliedStep::description)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("114", "integration uuid keys"));
            assertThat(sql.marker("public")).isEqualTo("114");
            assertThat(migrator.migrate().applied()).isEmpty();
            assertThat(sql.marker("public")).isEqualTo("114");
        }

        @Test
        @DisplayName("108-113 are PhoenixKit's versions, not shipped: refused as targets, nothing changed")
        void migrateToAVersionBetween107And114IsRefused() {
            assertThatThrownBy(() -> migrator.migrate(110))
                    .isInstanceOfSatisfying(
                            MigrationException.class,
                            e -> assertThat(e.error()).isEqualTo(MigrationError.INVALID_TARGET))
                    .hasMessageContaining("110")
                    .hasMessageContaining("[114]");
            assertThat(sql.marker("public")).isEqualTo("107");
        }

        @Test
        void aFreshDatabaseMigratedTo114RunsTheWholeChain() {
            TestDatabases.TestDatabase fresh = TestDatabases.newDatabase();

            MigrationReport report = Migrator.create(fresh.dataSource()).migrate(114);

            assertThat(report.applied()).extracting(AppliedStep::version).endsWith("106", "107", "114", "L1");
            assertThat(new Sql(fresh.dataSource()).marker("public")).isEqualTo("114");
        }

        @Test
        @DisplayName("a Java-built 114 rolls back to 0; a PhoenixKit-built one only to 113 (108-113 are PhoenixKit's)")
        void rollbackBelow108NeedsAChainThisLibraryBuilt() {
            up();
            assertThat(migrator.rollback(0).toVersion()).isZero();

            TestDatabases.TestDatabase other = TestDatabases.newDatabase();
            Sql otherSql = new Sql(other.dataSource());
            Migrator otherMigrator = Migrator.create(other.dataSource());
            otherMigrator
                    .withCatalog(
                            StepCatalog.empty().withSteps(StepCatalog.shipped().chain()))
                    .migrate(107);
            otherSql.execute("DROP TABLE phoenix_kit_java_schema_history");
            otherSql.execute("COMMENT ON TABLE phoenix_kit IS '113'");
            otherMigrator.migrate(114);

            assertThatThrownBy(() -> otherMigrator.rollback(107))
                    .isInstanceOfSatisfying(
                            MigrationException.class,
                            e -> assertThat(e.error()).isEqualTo(MigrationError.ROLLBACK_REFUSED))
                    .hasMessageContaining("108 to 113")
                    .hasMessageContaining("nothing was changed");
            assertThat(otherSql.marker("public")).isEqualTo("114");
            assertThat(otherMigrator.rollback(113).toVersion()).isEqualTo(113);
        }
    }

    /** PhoenixKit's {@code describe "V114.up — composite-key → uuid-only rewrite"}. */
    @Nested
    @DisplayName("V114 up (PhoenixKit's tests)")
    class Up {

        @Test
        void rewritesCompositeKeysSoKeyIsTheUuid() {
            String uuid = insertSetting(
                    "integration:openrouter:work",
                    "{\"api_key\":\"sk-or-test\",\"status\":\"connected\"}",
                    "integrations");

            up();

            assertThat(key(uuid)).isEqualTo(uuid);
            assertThat(module(uuid)).isEqualTo("integrations");
            assertThat(json(uuid, "provider")).isEqualTo("openrouter");
            assertThat(json(uuid, "name")).isEqualTo("work");
            assertThat(json(uuid, "api_key")).isEqualTo("sk-or-test");
            assertThat(json(uuid, "status")).isEqualTo("connected");
        }

        @Test
        void backfillsAMissingNameFromTheKey() {
            String uuid = insertSetting("integration:google:personal", "{}", "integrations");

            up();

            assertThat(json(uuid, "name")).isEqualTo("personal");
            assertThat(json(uuid, "provider")).isEqualTo("google");
        }

        @Test
        void keepsAnExistingJsonNameOverTheKey() {
            String uuid = insertSetting(
                    "integration:openrouter:slug-from-key",
                    "{\"name\":\"Display Name\",\"provider\":\"openrouter\"}",
                    "integrations");

            up();

            assertThat(json(uuid, "name")).isEqualTo("Display Name");
            assertThat(json(uuid, "provider")).isEqualTo("openrouter");
        }

        @Test
        void aLegacyBareProviderKeyGetsTheNameDefault() {
            String uuid = insertSetting("integration:google", "{\"client_id\":\"cid\"}", "integrations");

            up();

            assertThat(key(uuid)).isEqualTo(uuid);
            assertThat(json(uuid, "provider")).isEqualTo("google");
            assertThat(json(uuid, "name")).isEqualTo("default");
            assertThat(json(uuid, "client_id")).isEqualTo("cid");
        }

        @Test
        void stampsModuleIntegrationsWhenItWasMissing() {
            String uuid = insertSetting("integration:openrouter:old", "{\"api_key\":\"k\"}", null);

            up();

            assertThat(module(uuid)).isEqualTo("integrations");
        }

        @Test
        void leavesOtherSettingsAlone() {
            String uuid = insertSetting("project_title", "{\"value\":\"My App\"}", null);
            List<String> before = row(uuid);

            up();

            assertThat(row(uuid)).isEqualTo(before);
            assertThat(module(uuid)).isNull();
        }

        @Test
        void isIdempotent() throws Exception {
            String uuid = insertSetting("integration:openrouter:once", "{\"api_key\":\"k\"}", "integrations");
            up();
            List<String> afterFirst = row(uuid);

            Step v114 = StepCatalog.shipped().chain().stream()
                    .filter(step -> step.order() == 114)
                    .findFirst()
                    .orElseThrow();
            try (Connection connection = database.connect()) {
                ((SqlStepScript) v114.up()).execute(connection, new StepContext("public", database.dataSource()));
            }

            assertThat(row(uuid)).isEqualTo(afterFirst);
        }
    }

    /** PhoenixKit's {@code describe "V114.down — uuid-only → composite-key rewrite"}. */
    @Nested
    @DisplayName("V114 down (PhoenixKit's tests)")
    class Down {

        @Test
        void rewritesUuidKeysBackToCompositeKeys() {
            String uuid = insertSetting(
                    "integration:openrouter:will-be-rewritten",
                    "{\"provider\":\"openrouter\",\"name\":\"work\",\"api_key\":\"k\"}",
                    "integrations");
            up();
            assertThat(key(uuid)).isEqualTo(uuid);

            MigrationReport report = migrator.rollback(113);

            assertThat(report.applied()).extracting(AppliedStep::version).containsExactly("114");
            assertThat(key(uuid)).isEqualTo("integration:openrouter:work");
            assertThat(sql.marker("public")).isEqualTo("113");
        }

        @Test
        void suffixesTheNewerOfTwoRowsSharingProviderAndName() {
            String older = insertSetting(
                    "integration:openrouter:placeholder-a",
                    "{\"provider\":\"openrouter\",\"name\":\"work\"}",
                    "integrations",
                    "2026-01-01 10:00:00+00");
            String newer = insertSetting(
                    "integration:openrouter:placeholder-b",
                    "{\"provider\":\"openrouter\",\"name\":\"work\"}",
                    "integrations",
                    "2026-01-02 10:00:00+00");
            up();

            down();

            assertThat(key(older)).isEqualTo("integration:openrouter:work");
            assertThat(key(newer)).isEqualTo("integration:openrouter:work-" + newer.substring(24, 32));
        }

        @Test
        void threeCollidingRowsGetOnePlainKeyAndTwoDistinctSuffixes() {
            List<String> uuids = List.of(
                    insertSetting(
                            "integration:openrouter:placeholder-1",
                            "{\"provider\":\"openrouter\",\"name\":\"work\"}",
                            "integrations"),
                    insertSetting(
                            "integration:openrouter:placeholder-2",
                            "{\"provider\":\"openrouter\",\"name\":\"work\"}",
                            "integrations"),
                    insertSetting(
                            "integration:openrouter:placeholder-3",
                            "{\"provider\":\"openrouter\",\"name\":\"work\"}",
                            "integrations"));
            up();

            down();

            List<String> keys = uuids.stream().map(V114MigrationTest.this::key).toList();
            assertThat(keys).filteredOn("integration:openrouter:work"::equals).hasSize(1);
            assertThat(keys).doesNotHaveDuplicates();
            assertThat(keys)
                    .filteredOn(key -> !key.equals("integration:openrouter:work"))
                    .hasSize(2)
                    .allSatisfy(key -> assertThat(key).matches("integration:openrouter:work-[0-9a-f]{8}"));
        }
    }

    @Test
    @DisplayName("V113 -> V114 -> V113: every row, field by field")
    void roundTripFrom113Through114Back() {
        sql.execute("COMMENT ON TABLE phoenix_kit IS '113'");
        String openai = insertSetting(
                "integration:openai:default",
                "{\"provider\":\"openai\",\"name\":\"default\",\"api_key\":\"enc:v1:AAAA\",\"status\":\"connected\"}",
                "integrations",
                "2026-04-01 10:00:00+00");
        String legacy = insertSetting(
                "integration:google",
                "{\"auth_type\":\"oauth2\",\"client_id\":\"legacy.apps\"}",
                "integrations",
                "2026-04-02 10:00:00+00");
        String emptyJson = insertSetting(
                "integration:mistral:eu",
                "{\"provider\":\"\",\"name\":\"\",\"api_key\":\"m\"}",
                null,
                "2026-04-03 10:00:00+00");
        String teamKey = insertSetting(
                "integration:openrouter:team-key",
                "{\"provider\":\"openrouter\",\"name\":\"team-key\"}",
                "integrations",
                "2026-04-04 10:00:00+00");
        String jsonNameWins = insertSetting(
                "integration:openrouter:renamed-later",
                "{\"provider\":\"openrouter\",\"name\":\"team-key\",\"metadata\":{\"a\":[1,2]}}",
                "integrations",
                "2026-04-05 10:00:00+00");
        String other = insertSetting("time_zone_extra", "{\"v\":1}", "system", "2026-04-06 10:00:00+00");
        Map<String, List<String>> before = Map.of(
                openai, row(openai),
                legacy, row(legacy),
                emptyJson, row(emptyJson),
                teamKey, row(teamKey),
                jsonNameWins, row(jsonNameWins),
                other, row(other));

        up();

        assertThat(row(openai))
                .containsExactly(
                        openai,
                        "integrations",
                        "{\"name\": \"default\", \"status\": \"connected\", \"api_key\": \"enc:v1:AAAA\", \"provider\":"
                                + " \"openai\"}",
                        null,
                        before.get(openai).get(4),
                        before.get(openai).get(5));
        assertThat(row(legacy))
                .containsExactly(
                        legacy,
                        "integrations",
                        "{\"name\": \"default\", \"provider\": \"google\", \"auth_type\": \"oauth2\", \"client_id\":"
                                + " \"legacy.apps\"}",
                        null,
                        before.get(legacy).get(4),
                        before.get(legacy).get(5));
        assertThat(row(emptyJson))
                .containsExactly(
                        emptyJson,
                        "integrations",
                        "{\"name\": \"eu\", \"api_key\": \"m\", \"provider\": \"mistral\"}",
                        null,
                        before.get(emptyJson).get(4),
                        before.get(emptyJson).get(5));
        assertThat(json(teamKey, "name")).isEqualTo("team-key");
        assertThat(json(jsonNameWins, "name")).isEqualTo("team-key");
        assertThat(json(jsonNameWins, "metadata")).isEqualTo("{\"a\": [1, 2]}");
        assertThat(key(teamKey)).isEqualTo(teamKey);
        assertThat(key(jsonNameWins)).isEqualTo(jsonNameWins);
        assertThat(row(other)).isEqualTo(before.get(other));
        assertThat(sql.marker("public")).isEqualTo("114");

        down();

        assertThat(sql.marker("public")).isEqualTo("113");
        assertThat(row(openai)).isEqualTo(before.get(openai));
        // the legacy bare key comes back with the name V114 gave it; JSON keeps the provider and name V114 wrote
        assertThat(row(legacy))
                .containsExactly(
                        "integration:google:default",
                        "integrations",
                        "{\"name\": \"default\", \"provider\": \"google\", \"auth_type\": \"oauth2\", \"client_id\":"
                                + " \"legacy.apps\"}",
                        null,
                        before.get(legacy).get(4),
                        before.get(legacy).get(5));
        assertThat(row(emptyJson))
                .containsExactly(
                        "integration:mistral:eu",
                        "integrations",
                        "{\"name\": \"eu\", \"api_key\": \"m\", \"provider\": \"mistral\"}",
                        null,
                        before.get(emptyJson).get(4),
                        before.get(emptyJson).get(5));
        assertThat(row(teamKey)).isEqualTo(before.get(teamKey));
        // the older of the two "team-key" rows keeps the plain key; the newer gets its uuid's random tail
        assertThat(row(jsonNameWins))
                .containsExactly(
                        "integration:openrouter:team-key-" + jsonNameWins.substring(24, 32),
                        "integrations",
                        before.get(jsonNameWins).get(2),
                        null,
                        before.get(jsonNameWins).get(4),
                        before.get(jsonNameWins).get(5));
        assertThat(row(other)).isEqualTo(before.get(other));
        assertThat(sql.value("SELECT count(*) FROM phoenix_kit_settings")).isEqualTo("9");
    }
}
