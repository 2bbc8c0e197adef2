package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.migrations.AppliedStep;
import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PhoenixKitFixtures;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The library on databases as PhoenixKit leaves them ({@link PhoenixKitFixtures}): our migrator on a V180 one (the
 * library track only, marker kept), every facade operation on it with the rows then read as PhoenixKit reads them
 * (uuid key, module, provider and name in JSON, owners untouched, foreign fields and ciphertext kept), and the
 * V113 fixture taken to 114 by our chain's V114, which must leave exactly the rows PhoenixKit's own V114 leaves.
 */
class PhoenixKitDatabasesTest {

    private TestDatabase database;
    private Jdbi jdbi;

    @BeforeEach
    void emptyDatabase() {
        database = PostgresServer.shared().createEmptyDatabase();
        jdbi = Jdbi.create(database.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    /** One column of one settings row, as text (PhoenixKit reads these columns). */
    private String column(UUID uuid, String expression) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + expression + " FROM phoenix_kit_settings WHERE uuid = :uuid")
                        .bind("uuid", uuid)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
    }

    private List<List<Object>> settingsRows() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT uuid::text, key, module, value, value_json::text,"
                        + " date_added::text, date_updated::text FROM phoenix_kit_settings ORDER BY uuid, key")
                .map((rs, ctx) -> List.<Object>of(
                        rs.getString(1),
                        rs.getString(2),
                        String.valueOf(rs.getString(3)),
                        String.valueOf(rs.getString(4)),
                        String.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7)))
                .list());
    }

    private static final java.util.regex.Pattern CIPHERTEXT = java.util.regex.Pattern.compile("\"enc:v1:[^\"]*\"");

    /** The row with every {@code enc:v1} value replaced by a marker (the fixtures encrypt with random IVs). */
    private static List<Object> withoutCiphertext(List<Object> row) {
        return row.stream()
                .map(value -> (Object) CIPHERTEXT.matcher(String.valueOf(value)).replaceAll("\"enc:v1:*\""))
                .toList();
    }

    private static List<String> ciphertexts(Object json) {
        return CIPHERTEXT
                .matcher(String.valueOf(json))
                .results()
                .map(java.util.regex.MatchResult::group)
                .sorted()
                .toList();
    }

    /** The rows of the fixture's integrations (the seed settings get random uuids per database). */
    private static List<List<Object>> integrationRows(List<List<Object>> rows) {
        return rows.stream()
                .filter(row -> PhoenixKitFixtures.V113_INTEGRATIONS.contains(UUID.fromString((String) row.get(0))))
                .toList();
    }

    @Nested
    @DisplayName("V180 (PhoenixKit 2.x)")
    class V180 {
        private FakeProviderServer fake;
        private Integrations integrations;

        @BeforeEach
        void phoenixKitDatabase() {
            PhoenixKitFixtures.v180(database.dataSource());
            fake = FakeProviderServer.start();
        }

        @AfterEach
        void stopFake() {
            fake.close();
        }

        private Integrations build() {
            return Integrations.builder()
                    .dataSource(database.dataSource())
                    .providers(fake.providerRegistry())
                    .cipher(SecretCipher.fromSecretKeyBase(PhoenixKitFixtures.SECRET_KEY_BASE))
                    .clock(TestIntegrations.tickingClock())
                    .build();
        }

        @Test
        @DisplayName("our migrator applies only the library track and keeps marker '180' and every row")
        void migratorAddsOnlyTheLibraryTrack() {
            List<List<Object>> before = settingsRows();

            MigrationReport report = Migrator.create(database.dataSource()).migrate();

            assertThat(report.applied()).extracting(AppliedStep::version).containsExactly("L1");
            assertThat(report.toVersion()).isEqualTo(180);
            String marker = jdbi.withHandle(
                    handle -> handle.createQuery("SELECT obj_description('public.phoenix_kit'::regclass, 'pg_class')")
                            .mapTo(String.class)
                            .one());
            assertThat(marker).isEqualTo("180");
            assertThat(settingsRows()).isEqualTo(before);
            assertThat(Migrator.create(database.dataSource())
                            .migrate(Migrator.UUID_KEYS)
                            .applied())
                    .isEmpty();
        }

        @Test
        @DisplayName(
                "list, read, resolve, add, save, rename, validate, disconnect, remove; rows as PhoenixKit reads them")
        void everyOperationThenTheRowsFieldByField() {
            Migrator.create(database.dataSource()).migrate();
            integrations = build();
            assertThat(integrations.storageLayout()).isEqualTo(StorageLayout.UUID_KEY);
            List<List<Object>> untouchedBefore = settingsRowsExcept(List.of());

            // list: system rows only, lowercased-name order, duplicates kept in database order
            assertThat(integrations.listConnections("openrouter"))
                    .extracting(Connection::uuid)
                    .containsExactly(
                            PhoenixKitFixtures.OPENROUTER_TEAM_KEY,
                            PhoenixKitFixtures.OPENROUTER_TEAM_KEY_DUPLICATE,
                            PhoenixKitFixtures.OPENROUTER_TEAM_KEY_EXACT_DUPLICATE);
            // read: plaintext and enc:v1 secrets, a success note as validation_status
            assertThat(integrations
                            .getCredentials(PhoenixKitFixtures.OPENROUTER_TEAM_KEY.toString())
                            .apiKey())
                    .contains("sk-or-plaintext-team-key-0002");
            assertThat(integrations
                            .getCredentials(PhoenixKitFixtures.OPENROUTER_TEAM_KEY_DUPLICATE.toString())
                            .apiKey())
                    .contains("sk-or-team-key-duplicate-0003");
            // resolve: the row PhoenixKit's find_uuid_by_provider_name picks
            assertThat(integrations.resolveToUuid("openrouter")).isEqualTo(PhoenixKitFixtures.OPENROUTER_TEAM_KEY);
            assertThat(integrations.resolveToUuid("openrouter:team key"))
                    .isEqualTo(PhoenixKitFixtures.OPENROUTER_TEAM_KEY_DUPLICATE);
            assertThatThrownBy(() -> integrations.resolveToUuid("openrouter:My key"))
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_FOUND));

            // add + save
            fake.addApiKey("sk-or-java-added");
            UUID added = integrations.addConnection("openrouter", "Java side").uuid();
            integrations.saveSetup(added, Map.of("api_key", "sk-or-java-added"));
            // rename a PhoenixKit row; validate it (plaintext key accepted by the fake server)
            fake.addApiKey("sk-or-plaintext-team-key-0002");
            integrations.renameConnection(PhoenixKitFixtures.OPENROUTER_TEAM_KEY, "Team Key (renamed)");
            ValidationResult validated = integrations.validateConnection(PhoenixKitFixtures.OPENROUTER_TEAM_KEY);
            assertThat(validated.isOk()).as(String.valueOf(validated.message())).isTrue();
            // disconnect the unknown-provider row, remove the error row
            integrations.disconnect(PhoenixKitFixtures.UNKNOWN_PROVIDER);
            integrations.removeConnection(PhoenixKitFixtures.MISTRAL_ERROR);

            // the added row, as PhoenixKit reads it
            assertThat(column(added, "key")).isEqualTo(added.toString());
            assertThat(column(added, "module")).isEqualTo("integrations");
            assertThat(column(added, "value")).isNull();
            assertThat(column(added, "value_json->>'provider'")).isEqualTo("openrouter");
            assertThat(column(added, "value_json->>'name'")).isEqualTo("Java side");
            assertThat(column(added, "value_json->>'auth_type'")).isEqualTo("api_key");
            assertThat(column(added, "value_json->>'status'")).isEqualTo("configured");
            assertThat(column(added, "value_json->>'owner_uuid'")).isNull();
            String addedKey = column(added, "value_json->>'api_key'");
            assertThat(addedKey).startsWith("enc:v1:");
            assertThat(PhoenixKitFixtures.decrypt(addedKey)).isEqualTo("sk-or-java-added");

            // the renamed and validated row: key unchanged, JSON name rewritten, plaintext secret now encrypted
            UUID team = PhoenixKitFixtures.OPENROUTER_TEAM_KEY;
            assertThat(column(team, "key")).isEqualTo(team.toString());
            assertThat(column(team, "value_json->>'name'")).isEqualTo("Team Key (renamed)");
            assertThat(column(team, "value_json->>'provider'")).isEqualTo("openrouter");
            assertThat(column(team, "value_json->>'status'")).isEqualTo("connected");
            assertThat(column(team, "value_json->>'last_validated_at'"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            String teamKey = column(team, "value_json->>'api_key'");
            assertThat(teamKey).startsWith("enc:v1:");
            assertThat(PhoenixKitFixtures.decrypt(teamKey)).isEqualTo("sk-or-plaintext-team-key-0002");

            // the disconnected unknown-provider row: kept, provider/name/auth_type kept, secret gone
            UUID acme = PhoenixKitFixtures.UNKNOWN_PROVIDER;
            assertThat(column(acme, "key")).isEqualTo(acme.toString());
            assertThat(column(acme, "value_json->>'provider'")).isEqualTo("acme_crm");
            assertThat(column(acme, "value_json->>'name'")).isEqualTo("ACME (sandbox)");
            assertThat(column(acme, "value_json->>'auth_type'")).isEqualTo("api_key");
            assertThat(column(acme, "value_json->>'status'")).isEqualTo("disconnected");
            assertThat(column(acme, "jsonb_exists(value_json, 'api_key')::text"))
                    .isEqualTo("false");

            // the removed row is gone; nothing else PhoenixKit wrote changed (owned rows, duplicates, foreign rows)
            assertThat(column(PhoenixKitFixtures.MISTRAL_ERROR, "key")).isNull();
            assertThat(settingsRowsExcept(List.of(added, team, acme)))
                    .isEqualTo(untouchedBefore.stream()
                            .filter(row -> !row.get(0).equals(team.toString())
                                    && !row.get(0).equals(acme.toString())
                                    && !row.get(0).equals(PhoenixKitFixtures.MISTRAL_ERROR.toString()))
                            .toList());
            int composite = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT count(*) FROM phoenix_kit_settings WHERE key LIKE 'integration:%'")
                    .mapTo(Integer.class)
                    .one());
            assertThat(composite)
                    .as("PhoenixKit's V114 data invariant (ExpectedSchema) still holds")
                    .isZero();
        }

        private List<List<Object>> settingsRowsExcept(List<UUID> excluded) {
            return settingsRows().stream()
                    .filter(row ->
                            excluded.stream().noneMatch(uuid -> row.get(0).equals(uuid.toString())))
                    .toList();
        }

        @Test
        @DisplayName("SCOPE_NOT_ALLOWED: a provider without the personal scope cannot be born owned; nothing written")
        void scopeNotAllowedForAProviderWithoutThePersonalScope() {
            Migrator.create(database.dataSource()).migrate();
            integrations = build();
            OwnedConnections mine = integrations.ownedBy(Owner.user(PhoenixKitFixtures.USER_UUID));
            int before = settingsRows().size();

            assertThatThrownBy(() -> mine.addConnection("google", "My Drive"))
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.SCOPE_NOT_ALLOWED))
                    .hasMessageContaining("google");
            assertThat(settingsRows()).hasSize(before);

            UUID personal = mine.addConnection("openrouter", "Second key").uuid();
            assertThat(column(personal, "value_json->>'owner_type'")).isEqualTo("user");
            assertThat(column(personal, "value_json->>'owner_uuid'"))
                    .isEqualTo(PhoenixKitFixtures.USER_UUID.toString());
            assertThat(mine.listConnections("openrouter"))
                    .extracting(Connection::uuid)
                    .containsExactly(PhoenixKitFixtures.OPENROUTER_PERSONAL, personal);
            assertThat(integrations.listConnections("openrouter"))
                    .extracting(Connection::uuid)
                    .doesNotContain(PhoenixKitFixtures.OPENROUTER_PERSONAL, personal);
        }
    }

    @Test
    @DisplayName("V113 -> our V114 leaves exactly the rows PhoenixKit's V114 leaves; rollback(113) restores the keys")
    void v113ThroughOurV114MatchesPhoenixKitsV114AndBack() {
        PhoenixKitFixtures.v113(database.dataSource());
        List<List<Object>> v113 = settingsRows();
        List<List<Object>> expected114;
        try (TestDatabase reference = PostgresServer.shared().createEmptyDatabase()) {
            PhoenixKitFixtures.v114(reference.dataSource());
            Jdbi referenceJdbi = Jdbi.create(reference.dataSource());
            expected114 = referenceJdbi.withHandle(handle -> handle.createQuery("SELECT uuid::text, key,"
                            + " module, value, value_json::text FROM phoenix_kit_settings ORDER BY uuid, key")
                    .map((rs, ctx) -> List.<Object>of(
                            rs.getString(1),
                            rs.getString(2),
                            String.valueOf(rs.getString(3)),
                            String.valueOf(rs.getString(4)),
                            String.valueOf(rs.getString(5))))
                    .list());
        }

        Migrator migrator = Migrator.create(database.dataSource());
        assertThat(migrator.migrate(Migrator.UUID_KEYS).applied())
                .extracting(AppliedStep::version)
                .containsExactly("114", "L1");

        List<List<Object>> after = settingsRows();
        assertThat(integrationRows(after).stream()
                        .map(row -> withoutCiphertext(row.subList(0, 5)))
                        .toList())
                .as("uuid, key, module, value, value_json: same as PhoenixKit's V114 (ciphertexts aside)")
                .isEqualTo(integrationRows(expected114).stream()
                        .map(PhoenixKitDatabasesTest::withoutCiphertext)
                        .toList());
        assertThat(integrationRows(after)).hasSize(PhoenixKitFixtures.V113_INTEGRATIONS.size());
        for (int i = 0; i < after.size(); i++) {
            assertThat(ciphertexts(after.get(i).get(4)))
                    .as("enc:v1 values of " + after.get(i).get(0) + " kept byte for byte")
                    .isEqualTo(ciphertexts(v113.get(i).get(4)));
        }
        assertThat(after.stream()
                        .filter(row -> !integrationRows(after).contains(row))
                        .toList())
                .as("other settings untouched")
                .isEqualTo(v113.stream()
                        .filter(row -> !integrationRows(v113).contains(row))
                        .toList());
        assertThat(column(PhoenixKitFixtures.V113_GOOGLE_LEGACY, "value_json->>'name'"))
                .isEqualTo("default");

        migrator.rollback(113);

        List<List<Object>> back = settingsRows();
        for (int i = 0; i < v113.size(); i++) {
            List<Object> original = v113.get(i);
            List<Object> now = back.get(i);
            UUID uuid = UUID.fromString((String) original.get(0));
            assertThat(now.get(0)).isEqualTo(original.get(0));
            assertThat(now.subList(5, 7)).as("dates of " + uuid).isEqualTo(original.subList(5, 7));
            assertThat(now.get(3)).as("value of " + uuid).isEqualTo(original.get(3));
            if (uuid.equals(PhoenixKitFixtures.V113_GOOGLE_LEGACY)) {
                assertThat(now.get(1)).isEqualTo("integration:google:default");
            } else if (uuid.equals(PhoenixKitFixtures.V113_OPENROUTER_JSON_NAME_WINS)) {
                assertThat(now.get(1))
                        .isEqualTo("integration:openrouter:team-key-"
                                + uuid.toString().substring(24, 32));
            } else {
                assertThat(now.get(1)).as("key of " + uuid).isEqualTo(original.get(1));
            }
        }
        assertThat(back).hasSameSizeAs(v113);
    }
}
