package dev.phoenixkit.testkit.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.AuditEntry;
import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.module.LegacyMigrationResult;
import dev.phoenixkit.integrations.module.ModuleRegistry;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port of phoenix_kit_ai's legacy_api_key_migration_test.exs and openrouter_client_test.exs (docs/phoenixkit-reference.md#11-11). */
@PhoenixKitTest
class ReferenceAiModuleTest {
    private Integrations integrations;
    private ReferenceAiModule module;
    private AiEndpointCredentials credentials;
    private Jdbi jdbi;

    @BeforeEach
    void setUp(DataSource dataSource, Jdbi jdbi) {
        this.jdbi = jdbi;
        integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(ProviderRegistry.builder()
                        .add(ProviderDefinition.builder("openrouter")
                                .name("OpenRouter")
                                .authType(AuthType.API_KEY)
                                .build())
                        .build())
                .cipher(SecretCipher.fromSecretKeyBase("reference-module-test-key-base"))
                .build();
        module = new ReferenceAiModule(dataSource, "public", Clock.systemUTC());
        credentials = new AiEndpointCredentials(integrations, dataSource, "public");
    }

    private UUID endpoint(String name, String provider, String apiKey) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                INSERT INTO public.phoenix_kit_ai_endpoints (name, provider, api_key, model, inserted_at, updated_at)
                VALUES (:name, :provider, :apiKey, 'anthropic/claude-3-haiku', clock_timestamp(), clock_timestamp())
                RETURNING uuid""")
                .bind("name", name)
                .bind("provider", provider)
                .bind("apiKey", apiKey)
                .mapTo(UUID.class)
                .one());
    }

    private Map<String, Object> row(UUID endpoint) {
        return jdbi.withHandle(handle ->
                handle.createQuery("""
                SELECT provider, api_key, integration_uuid FROM public.phoenix_kit_ai_endpoints WHERE uuid = :uuid""").bind("uuid", endpoint).mapToMap().one());
    }

    private boolean completed() {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT count(*) > 0 FROM public.phoenix_kit_settings WHERE key = :key")
                        .bind("key", ReferenceAiModule.COMPLETED_SETTING)
                        .mapTo(Boolean.class)
                        .one());
    }

    @Test
    void migrateWhenCompletionFlagSetThenSkipped() {
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO public.phoenix_kit_settings (key, value, module) VALUES (?, 'x', 'ai')",
                ReferenceAiModule.COMPLETED_SETTING));
        UUID e = endpoint("a", "openrouter", "sk-1");
        assertThat(module.migrateLegacyApiKeys(integrations)).containsEntry("result", "skipped_completed");
        assertThat(row(e)).containsEntry("api_key", "sk-1");
    }

    @Test
    void migrateWhenOpenRouterConnectionExistsThenSkippedAndMarkedComplete() {
        integrations.addConnection("openrouter", "existing");
        endpoint("a", "openrouter", "sk-1");
        assertThat(module.migrateLegacyApiKeys(integrations)).containsEntry("result", "skipped_integration_exists");
        assertThat(completed()).isTrue();
        assertThat(integrations.listConnections("openrouter")).hasSize(1);
    }

    @Test
    void migrateWhenNoLegacyKeysThenNothingToMigrate() {
        endpoint("a", "openrouter", "");
        assertThat(module.migrateLegacyApiKeys(integrations)).containsEntry("result", "nothing_to_migrate");
        assertThat(completed()).isTrue();
    }

    @Test
    void migrateWhenRunTwiceThenSecondRunDoesNothing() {
        endpoint("a", "openrouter", "sk-1");
        assertThat(module.migrateLegacyApiKeys(integrations)).containsEntry("result", "migrated");
        assertThat(module.migrateLegacyApiKeys(integrations)).containsEntry("result", "skipped_completed");
        assertThat(integrations.listConnections("openrouter")).hasSize(1);
    }

    @Test
    void migrateWhenOneKeyThenDefaultConnectionEndpointPinnedAndKeyCleared() {
        UUID e = endpoint("a", "openrouter", "sk-only");
        module.migrateLegacyApiKeys(integrations);

        Connection connection = integrations.listConnections("openrouter").get(0);
        assertThat(connection.name()).isEqualTo("default");
        assertThat(integrations.getCredentials(connection.uuid().toString()).apiKey())
                .contains("sk-only");
        assertThat(row(e))
                .containsEntry("provider", "openrouter:default")
                .containsEntry("api_key", "")
                .containsEntry("integration_uuid", connection.uuid());
        assertThat(credentials.apiKeyFor(e)).contains("sk-only");
        List<AuditEntry> trail = integrations.auditTrail(connection.uuid());
        assertThat(trail)
                .filteredOn(entry -> entry.action().equals(ReferenceAiModule.LEGACY_MIGRATED))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.mode()).isEqualTo(AuditMode.AUTO);
                    assertThat(entry.metadata())
                            .containsEntry("endpoint_uuid", e.toString())
                            .containsEntry("module", "ai")
                            .doesNotContainValue("sk-only");
                });
    }

    @Test
    void migrateWhenSharedKeyThenOneConnection() {
        UUID a = endpoint("a", "openrouter", "sk-shared");
        UUID b = endpoint("b", "openrouter", "sk-shared");
        module.migrateLegacyApiKeys(integrations);
        assertThat(integrations.listConnections("openrouter"))
                .singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("default"));
        assertThat(row(a).get("integration_uuid")).isEqualTo(row(b).get("integration_uuid"));
    }

    @Test
    void migrateWhenSeveralKeysThenImportedN() {
        UUID a = endpoint("a", "openrouter", "sk-1");
        UUID b = endpoint("b", "openrouter", "sk-2");
        UUID c = endpoint("c", "openrouter", "sk-1");
        Map<String, Object> result = module.migrateLegacyApiKeys(integrations);
        assertThat(result).containsEntry("connections", 2).containsEntry("endpoints", 3);
        assertThat(integrations.listConnections("openrouter"))
                .extracting(Connection::name)
                .containsExactly("imported-1", "imported-2");
        assertThat(row(a)).containsEntry("provider", "openrouter:imported-1");
        assertThat(row(b)).containsEntry("provider", "openrouter:imported-2");
        assertThat(row(c)).containsEntry("provider", "openrouter:imported-1");
        assertThat(credentials.apiKeyFor(b)).contains("sk-2");
    }

    @Test
    void migrateWhenNamedProviderEndpointThenLeftAloneByPassOne() {
        UUID named = endpoint("a", "openrouter:work", "sk-named");
        endpoint("b", "openrouter", "sk-bare");
        module.migrateLegacyApiKeys(integrations);
        assertThat(row(named)).containsEntry("provider", "openrouter:work").containsEntry("api_key", "sk-named");
    }

    @Test
    void migrateLegacyWhenBothPassesThenOkSummaryAndSweepPromotesProviderName() {
        UUID work = integrations.addConnection("openrouter", "work").uuid();
        integrations.saveSetup(work, Map.of("api_key", "sk-work"));
        UUID named = endpoint("a", "openrouter:work", "");
        UUID byUuid = endpoint("b", work.toString(), "");
        UUID dangling = endpoint("c", "openrouter:gone", "");

        LegacyMigrationResult result = module.migrateLegacy(integrations);

        assertThat(result).isInstanceOfSatisfying(LegacyMigrationResult.Ok.class, ok -> {
            assertThat(ok.summary()).containsKeys("credentials_migration", "reference_migration");
            assertThat(ok.summary().get("reference_migration")).isEqualTo(Map.of("result", "migrated", "count", 2));
        });
        assertThat(row(named)).containsEntry("integration_uuid", work);
        assertThat(row(byUuid)).containsEntry("integration_uuid", work);
        assertThat(row(dangling).get("integration_uuid")).isNull();
        assertThat(module.sweepProviderReferences(integrations)).containsEntry("result", "nothing_to_migrate");
    }

    @Test
    void runAllLegacyMigrationsWhenReferenceModuleRegisteredThenOkOutcome() {
        endpoint("a", "openrouter", "sk-registry");
        ModuleRegistry registry =
                ModuleRegistry.builder(integrations).register(module).build();
        Map<String, LegacyMigrationResult> outcomes = registry.runAllLegacyMigrations();
        assertThat(outcomes).containsOnlyKeys("ai");
        assertThat(outcomes.get("ai").isOk()).isTrue();
        assertThat(integrations.getCredentials("openrouter").apiKey()).contains("sk-registry");
    }

    @Test
    void apiKeyForWhenIntegrationUuidSetThenUsedFirst() {
        UUID conn = integrations.addConnection("openrouter", "pinned").uuid();
        integrations.saveSetup(conn, Map.of("api_key", "sk-pinned"));
        UUID e = endpoint("a", "openrouter", "sk-legacy-column");
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE public.phoenix_kit_ai_endpoints SET integration_uuid = ? WHERE uuid = ?", conn, e));
        assertThat(credentials.apiKeyFor(e)).contains("sk-pinned");
    }

    @Test
    void apiKeyForWhenProviderNameThenResolvedAndLazilyPromoted() {
        UUID conn = integrations.addConnection("openrouter", "work").uuid();
        integrations.saveSetup(conn, Map.of("api_key", "sk-work"));
        UUID e = endpoint("a", "openrouter:work", "");

        assertThat(credentials.apiKeyFor(e)).contains("sk-work");
        assertThat(row(e)).containsEntry("integration_uuid", conn);
        assertThat(integrations.auditTrail(conn))
                .filteredOn(x -> x.action().equals(ReferenceAiModule.LEGACY_MIGRATED))
                .singleElement()
                .satisfies(x -> assertThat(x.metadata()).containsEntry("source", "lazy_on_read"));
    }

    @Test
    void apiKeyForWhenUuidStringProviderThenPromoted() {
        UUID conn = integrations.addConnection("openrouter", "work").uuid();
        integrations.saveSetup(conn, Map.of("api_key", "sk-uuid"));
        UUID e = endpoint("a", conn.toString(), "");
        assertThat(credentials.apiKeyFor(e)).contains("sk-uuid");
        assertThat(row(e)).containsEntry("integration_uuid", conn);
    }

    @Test
    void apiKeyForWhenAlreadyPinnedThenNoPromotionEntry() {
        UUID conn = integrations.addConnection("openrouter", "work").uuid();
        integrations.saveSetup(conn, Map.of("api_key", "sk-work"));
        UUID e = endpoint("a", "openrouter:work", "");
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE public.phoenix_kit_ai_endpoints SET integration_uuid = ? WHERE uuid = ?", conn, e));
        assertThat(credentials.apiKeyFor(e)).contains("sk-work");
        assertThat(integrations.auditTrail(conn))
                .extracting(AuditEntry::action)
                .doesNotContain(ReferenceAiModule.LEGACY_MIGRATED);
    }

    @Test
    void apiKeyForWhenNothingElseThenLegacyColumn() {
        UUID e = endpoint("a", "openrouter", "sk-legacy");
        assertThat(credentials.apiKeyFor(e)).contains("sk-legacy");
        assertThat(row(e).get("integration_uuid")).isNull();
        assertThat(credentials.apiKeyFor(UUID.randomUUID())).isEmpty();
    }
}
