package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The storage-layout seam (docs/decisions/storage-layouts.md): detection when {@code Integrations} is built, the
 * builder override, and the uuid-key layout's own rules (rows PhoenixKit ≥ V114 writes, free-form and duplicate
 * names, the lookups PhoenixKit makes, our case-insensitive uniqueness under an advisory lock). The rest of the
 * suite's storage-facing classes run in both layouts through the integration-tests POM's second Surefire execution.
 */
@PhoenixKitTest
class StorageLayoutTest {
    private DataSource dataSource;
    private Jdbi jdbi;

    @BeforeEach
    void setUp(DataSource dataSource, Jdbi jdbi) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
    }

    private Integrations build() {
        return Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(SecretCipher.fromSecretKeyBase(TestIntegrations.SECRET_KEY_BASE))
                .clock(TestIntegrations.tickingClock())
                .build();
    }

    private void marker(String comment) {
        jdbi.useHandle(handle -> handle.execute(
                comment == null
                        ? "COMMENT ON TABLE public.phoenix_kit IS NULL"
                        : "COMMENT ON TABLE public.phoenix_kit IS '" + comment + "'"));
    }

    /** A row the way PhoenixKit ≥ V114 writes it: key = uuid, provider and name only in value_json. */
    private UUID seedUuidKeyed(String json) {
        return jdbi.withHandle(handle ->
                handle.createQuery("""
                INSERT INTO public.phoenix_kit_settings (uuid, key, value_json, module)
                SELECT u, u::text, CAST(:json AS jsonb), 'integrations' FROM (SELECT gen_random_uuid() AS u) AS g
                RETURNING uuid""").bind("json", json).mapTo(UUID.class).one());
    }

    private static void assertError(ThrowingCallable call, IntegrationError error) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        IntegrationException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Nested
    class Detection {
        @Test
        void markerBelow114ThenCompositeKeys() {
            marker("107");
            assertThat(build().storageLayout()).isEqualTo(StorageLayout.COMPOSITE_KEY);
            marker("113");
            assertThat(build().storageLayout()).isEqualTo(StorageLayout.COMPOSITE_KEY);
        }

        @Test
        void markerAtOrAbove114ThenUuidKeys() {
            marker("114");
            assertThat(build().storageLayout()).isEqualTo(StorageLayout.UUID_KEY);
            marker("180");
            assertThat(build().storageLayout()).isEqualTo(StorageLayout.UUID_KEY);
        }

        @Test
        void noNumericMarkerThenTheRowsDecide() {
            marker(null);
            assertThat(build().storageLayout())
                    .as("no rows: our chain's layout")
                    .isEqualTo(StorageLayout.COMPOSITE_KEY);
            seedUuidKeyed("{\"provider\":\"openrouter\",\"name\":\"Main\"}");
            marker("not a number");
            assertThat(build().storageLayout()).isEqualTo(StorageLayout.UUID_KEY);
            jdbi.useHandle(handle -> handle.execute("""
                    INSERT INTO public.phoenix_kit_settings (key, value_json, module)
                    VALUES ('integration:openrouter:old', '{"provider":"openrouter"}', 'integrations')"""));
            assertThat(build().storageLayout()).as("mixed rows: the default").isEqualTo(StorageLayout.COMPOSITE_KEY);
        }

        @Test
        void builderOptionWinsOverTheMarker() {
            marker("180");
            Integrations forced = Integrations.builder()
                    .dataSource(dataSource)
                    .providers(TestIntegrations.registry())
                    .cipher(SecretCipher.none())
                    .storageLayout(StorageLayout.COMPOSITE_KEY)
                    .build();
            assertThat(forced.storageLayout()).isEqualTo(StorageLayout.COMPOSITE_KEY);
            assertThat(forced.toString()).contains("layout=COMPOSITE_KEY");
        }

        @Test
        void eachLayoutSeesOnlyItsRows() {
            marker("107");
            Integrations composite = build();
            UUID compositeRow = composite.addConnection("openrouter", "legacy").uuid();
            UUID uuidRow = seedUuidKeyed("{\"provider\":\"openrouter\",\"name\":\"Fresh\"}");
            jdbi.useHandle(handle -> handle.execute(
                    "UPDATE public.phoenix_kit_settings SET module = 'other' WHERE uuid = ?", compositeRow));
            assertThat(composite.listConnections("openrouter"))
                    .extracting(Connection::uuid)
                    .containsExactly(compositeRow);
            marker("180");
            assertThat(build().listConnections("openrouter"))
                    .extracting(Connection::uuid)
                    .as("PhoenixKit >= V114 selects by module, whatever the key")
                    .containsExactly(uuidRow);
        }
    }

    @Nested
    class UuidKeyLayout {
        private Integrations integrations;

        @BeforeEach
        void toUuidLayout() {
            marker("180");
            integrations = build();
            assertThat(integrations.storageLayout()).isEqualTo(StorageLayout.UUID_KEY);
        }

        private Map<String, Object> row(UUID uuid) {
            return jdbi.withHandle(handle ->
                    handle.createQuery("""
                    SELECT key, module, value, value_json ->> 'provider' AS provider, value_json ->> 'name' AS name
                    FROM public.phoenix_kit_settings WHERE uuid = :uuid""").bind("uuid", uuid).mapToMap().one());
        }

        @Test
        void addWritesTheRowAsPhoenixKitDoes() {
            Connection added = integrations.addConnection("openrouter", "  My Company Drive  ");
            Map<String, Object> row = row(added.uuid());
            assertThat(row)
                    .containsEntry("key", added.uuid().toString())
                    .containsEntry("module", "integrations")
                    .containsEntry("provider", "openrouter")
                    .containsEntry("name", "My Company Drive");
            assertThat(row.get("value")).isNull();
            assertThat(added.name()).isEqualTo("My Company Drive");
        }

        @Test
        void renameRewritesOnlyTheJsonName() {
            UUID uuid = integrations.addConnection("openrouter", "work").uuid();
            integrations.renameConnection(uuid, "Work & Play");
            assertThat(row(uuid)).containsEntry("key", uuid.toString()).containsEntry("name", "Work & Play");
            assertThat(integrations.getIntegrationByUuid(uuid).name()).isEqualTo("Work & Play");
            integrations.renameConnection(uuid, "WORK & PLAY");
            assertThat(integrations.getIntegrationByUuid(uuid).name())
                    .as("a case-only rename of itself")
                    .isEqualTo("WORK & PLAY");
        }

        @Test
        void ourWritesRefuseCaseInsensitiveDuplicatesPerProvider() {
            integrations.addConnection("openrouter", "Main");
            assertError(() -> integrations.addConnection("openrouter", "main"), IntegrationError.ALREADY_EXISTS);
            assertError(() -> integrations.addConnection("openrouter", " MAIN "), IntegrationError.ALREADY_EXISTS);
            integrations.addConnection("mistral", "main");
            UUID other = integrations.addConnection("openrouter", "other").uuid();
            assertError(() -> integrations.renameConnection(other, "mAIN"), IntegrationError.ALREADY_EXISTS);
            assertThat(integrations.getIntegrationByUuid(other).name()).isEqualTo("other");
        }

        @Test
        void nameRuleInThisLayout() {
            assertError(() -> integrations.addConnection("openrouter", "   "), IntegrationError.EMPTY_NAME);
            assertError(() -> integrations.addConnection("openrouter", "two\nlines"), IntegrationError.INVALID_NAME);
            assertError(() -> integrations.addConnection("openrouter", "x".repeat(256)), IntegrationError.INVALID_NAME);
            assertThat(integrations.addConnection("openrouter", "x".repeat(255)).name())
                    .hasSize(255);
            assertThat(integrations.addConnection("openrouter", "50%_off: a:b").name())
                    .isEqualTo("50%_off: a:b");
            assertThat(integrations.findUuidByProviderName("openrouter:50%_off: a:b"))
                    .isNotNull();
            assertError(() -> integrations.findUuidByProviderName("openrouter:50%"), IntegrationError.NOT_FOUND);
        }

        @Test
        void rowsPhoenixKitWroteReadAsTheyAre() {
            UUID beta = seedUuidKeyed("{\"provider\":\"openrouter\",\"name\":\"beta\",\"api_key\":\"k-beta\","
                    + "\"auth_type\":\"api_key\",\"status\":\"configured\"}");
            UUID alpha1 = seedUuidKeyed("{\"provider\":\"openrouter\",\"name\":\"Alpha\",\"api_key\":\"k-a1\","
                    + "\"auth_type\":\"api_key\",\"status\":\"configured\"}");
            UUID alpha2 = seedUuidKeyed("{\"provider\":\"openrouter\",\"name\":\"Alpha\",\"api_key\":\"k-a2\","
                    + "\"auth_type\":\"api_key\",\"status\":\"configured\"}");
            seedUuidKeyed("{\"provider\":\"openrouter\",\"name\":\"aardvark\",\"owner_type\":\"user\","
                    + "\"owner_uuid\":\"" + UUID.randomUUID() + "\",\"api_key\":\"k-personal\"}");
            UUID unknown = seedUuidKeyed(
                    "{\"provider\":\"telegram\",\"name\":\"Bot\",\"bot_token\":\"t\"," + "\"mode\":\"multi\"}");

            List<Connection> listed = integrations.listConnections("openrouter");
            assertThat(listed)
                    .extracting(Connection::uuid)
                    .as("lowercased name order, duplicates in database order, " + "no personal rows")
                    .containsExactly(alpha1, alpha2, beta);
            assertThat(integrations.findUuidByProviderName("openrouter"))
                    .as("bare provider: the first by name")
                    .isEqualTo(alpha1);
            assertThat(integrations.findUuidByProviderName("openrouter:Alpha")).isEqualTo(alpha1);
            assertThat(integrations.getCredentials("openrouter:beta").apiKey()).contains("k-beta");
            assertError(() -> integrations.getCredentials("openrouter:default"), IntegrationError.NOT_CONFIGURED);
            assertError(() -> integrations.addConnection("openrouter", "ALPHA"), IntegrationError.ALREADY_EXISTS);
            assertThat(integrations.getIntegrationByUuid(unknown).provider()).isEqualTo("telegram");
            assertThat(integrations
                            .loadAllConnections(List.of("openrouter", "telegram"))
                            .get("telegram"))
                    .extracting(Connection::uuid)
                    .containsExactly(unknown);
        }

        @Test
        void concurrentAddsOfOneNameSerialiseOnTheAdvisoryLock() throws Exception {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Handle holder = jdbi.open()) {
                holder.begin();
                holder.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:c, hashtext('openrouter:' || lower('Race')))")
                        .bind("c", 0x504B4E4D)
                        .mapTo(Integer.class)
                        .one();
                CompletableFuture<Connection> add =
                        CompletableFuture.supplyAsync(() -> integrations.addConnection("openrouter", "Race"), pool);
                assertThat(awaitLockWaiter(Duration.ofSeconds(10)))
                        .as("the add waits for the name's lock")
                        .isTrue();
                assertThat(add).isNotDone();
                holder.execute("""
                        INSERT INTO public.phoenix_kit_settings (uuid, key, value_json, module)
                        SELECT u, u::text, '{"provider":"openrouter","name":"RACE"}', 'integrations'
                        FROM (SELECT gen_random_uuid() AS u) AS g""");
                holder.commit();
                assertThatThrownBy(() -> add.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(IntegrationException.class)
                        .cause()
                        .satisfies(e -> assertThat(((IntegrationException) e).error())
                                .isEqualTo(IntegrationError.ALREADY_EXISTS));
            } finally {
                pool.shutdownNow();
            }
            int rows = jdbi.withHandle(
                    handle -> handle.createQuery("""
                    SELECT count(*) FROM public.phoenix_kit_settings
                    WHERE lower(value_json ->> 'name') = 'race'""").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        }

        private boolean awaitLockWaiter(Duration bound) throws InterruptedException {
            long deadline = System.nanoTime() + bound.toNanos();
            while (System.nanoTime() < deadline) {
                boolean waiting = jdbi.withHandle(
                        handle -> handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))""").mapTo(Boolean.class).one());
                if (waiting) {
                    return true;
                }
                Thread.sleep(10);
            }
            return false;
        }
    }
}
