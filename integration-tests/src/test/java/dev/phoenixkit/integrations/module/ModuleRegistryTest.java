package dev.phoenixkit.integrations.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port of module_registry_test.exs's run_all_legacy_migrations block (docs/phoenixkit-reference.md#11-9) plus timeouts and discovery. */
@PhoenixKitTest
class ModuleRegistryTest {
    private Integrations integrations;

    @BeforeEach
    void setUp(DataSource dataSource) {
        integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(ProviderRegistry.builder().build())
                .cipher(SecretCipher.none())
                .build();
    }

    private static IntegrationModule module(
            String key, java.util.function.Function<Integrations, LegacyMigrationResult> migration) {
        return new IntegrationModule() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public LegacyMigrationResult migrateLegacy(Integrations integrations) {
                return migration.apply(integrations);
            }
        };
    }

    @Test
    void runAllWhenModulesBehaveAndMisbehaveThenEveryKeyReportedAndNeverThrows() throws Exception {
        CountDownLatch hangingInterrupted = new CountDownLatch(1);
        IntegrationModule defaults = () -> "storage";
        ModuleRegistry registry = ModuleRegistry.builder(integrations)
                .register(defaults)
                .register(module("summary", i -> LegacyMigrationResult.ok(Map.of("migrated", 3))))
                .register(module("error", i -> LegacyMigrationResult.error("legacy table unreadable")))
                .register(module("throws", i -> {
                    throw new IllegalStateException("module bug");
                }))
                .register(module("null", i -> null))
                .register(module("hangs", i -> {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        hangingInterrupted.countDown();
                    }
                    return LegacyMigrationResult.ok();
                }))
                .register(module("after", i -> LegacyMigrationResult.ok()))
                .migrationTimeout(Duration.ofSeconds(2))
                .build();

        Map<String, LegacyMigrationResult> outcomes = registry.runAllLegacyMigrations();

        assertThat(outcomes.keySet())
                .containsExactlyElementsOf(
                        registry.all().stream().map(IntegrationModule::key).toList());
        assertThat(outcomes.get("storage")).isEqualTo(LegacyMigrationResult.ok());
        assertThat(outcomes.get("summary")).isEqualTo(new LegacyMigrationResult.Ok(Map.of("migrated", 3)));
        assertThat(outcomes.get("error"))
                .isInstanceOfSatisfying(
                        LegacyMigrationResult.Failed.class,
                        f -> assertThat(f.reason()).isEqualTo("legacy table unreadable"));
        assertThat(outcomes.get("throws")).isInstanceOfSatisfying(LegacyMigrationResult.Failed.class, f -> {
            assertThat(f.reason()).contains("IllegalStateException");
            assertThat(f.cause()).get().extracting(Throwable::getMessage).isEqualTo("module bug");
        });
        assertThat(outcomes.get("null"))
                .isInstanceOfSatisfying(
                        LegacyMigrationResult.Failed.class,
                        f -> assertThat(f.reason()).isEqualTo("returned null"));
        assertThat(outcomes.get("hangs")).isEqualTo(new LegacyMigrationResult.TimedOut(Duration.ofSeconds(2)));
        assertThat(outcomes.get("after").isOk()).isTrue();
        assertThat(hangingInterrupted.await(30, TimeUnit.SECONDS))
                .as("hung module interrupted")
                .isTrue();
    }

    @Test
    void discoverWhenServiceLoaderEntryThenModuleFoundAndRun() {
        ModuleRegistry registry =
                ModuleRegistry.builder(integrations).discover().build();
        assertThat(registry.get("discovered")).get().isInstanceOf(DiscoveredTestModule.class);
        assertThat(registry.runAllLegacyMigrations())
                .containsEntry("discovered", new LegacyMigrationResult.Ok(Map.of("providers", 0)));
    }

    @Test
    void registerWhenSameInstanceTwiceThenIdempotent() {
        IntegrationModule module = () -> "ai";
        ModuleRegistry registry = ModuleRegistry.builder(integrations)
                .register(module)
                .register(module)
                .build();
        assertThat(registry.all()).containsExactly(module);
        assertThat(registry.get("ai")).containsSame(module);
        assertThat(registry.get("unknown")).isEmpty();
    }

    @Test
    void buildWhenExplicitKeyClashesOrIsBlankThenRejected() {
        assertThatThrownBy(() -> ModuleRegistry.builder(integrations)
                        .register(() -> "ai")
                        .register(() -> "ai")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ai' is already registered");
        assertThatThrownBy(() ->
                        ModuleRegistry.builder(integrations).register(() -> " ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> ModuleRegistry.builder(integrations)
                        .discover()
                        .register(() -> "discovered")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'discovered' is already registered");
    }

    @Test
    void allWhenBuiltThenFixed() {
        ModuleRegistry registry =
                ModuleRegistry.builder(integrations).register(() -> "ai").build();
        assertThatThrownBy(() -> registry.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void builderWhenTimeoutNotPositiveThenRejected() {
        assertThatThrownBy(() -> ModuleRegistry.builder(integrations)
                        .migrationTimeout(Duration.ZERO)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("migrationTimeout");
    }

    @Test
    void moduleDefaultsWhenNotOverriddenThenEmptyAndOk() {
        IntegrationModule module = () -> "plain";
        assertThat(module.requiredIntegrations()).isEqualTo(List.of());
        assertThat(module.migrateLegacy(integrations).isOk()).isTrue();
    }
}
