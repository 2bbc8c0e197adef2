package dev.phoenixkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.admin.AdminAccess;
import dev.phoenixkit.admin.IntegrationsAdmin;
import dev.phoenixkit.integrations.EncryptionStatus;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.module.IntegrationModule;
import dev.phoenixkit.integrations.module.ModuleRegistry;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.TestDatabase;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** Every condition, property and back-off of {@link PhoenixKitAutoConfiguration}, on a real PostgreSQL. */
class PhoenixKitAutoConfigurationTest {
    private static TestDatabase database;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    PhoenixKitAutoConfiguration.class,
                    PhoenixKitFlywayAutoConfiguration.class));

    @BeforeAll
    static void database() {
        database = Databases.migrated();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    private ApplicationContextRunner withDatabase() {
        return runner.withPropertyValues(Databases.datasource(database));
    }

    private ApplicationContextRunner configured() {
        return withDatabase().withPropertyValues("phoenixkit.integrations.secret-key-base=" + Databases.SECRET);
    }

    @Test
    @DisplayName("a DataSource and a secret key base give every bean, encrypting")
    void everyBeanFromASecretAndADataSource() {
        configured().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context)
                    .hasSingleBean(SecretCipher.class)
                    .hasSingleBean(ProviderRegistry.class)
                    .hasSingleBean(PhoenixKitMigrations.class)
                    .hasSingleBean(Integrations.class)
                    .hasSingleBean(ModuleRegistry.class)
                    .hasSingleBean(FlywayConfigurationCustomizer.class);
            Integrations integrations = context.getBean(Integrations.class);
            assertThat(integrations.encryptionStatus().encryptionEnabled()).isTrue();
            assertThat(integrations.listProviders())
                    .extracting(ProviderDefinition::key)
                    .contains("google", "microsoft", "openrouter");
            assertThat(context.getBean(PhoenixKitMigrations.class).report()).isNotNull();
        });
    }

    @Test
    @DisplayName("no DataSource: nothing is configured")
    void noDataSourceNoBeans() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PhoenixKitAutoConfiguration.class))
                .withPropertyValues("phoenixkit.integrations.secret-key-base=" + Databases.SECRET)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Integrations.class).doesNotHaveBean(SecretCipher.class);
                });
    }

    @Test
    @DisplayName("enabled=false: nothing is configured")
    void disabled() {
        configured().withPropertyValues("phoenixkit.integrations.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Integrations.class).doesNotHaveBean(PhoenixKitMigrations.class);
        });
    }

    @Test
    @DisplayName("no secret key base: start-up fails naming the property, never a value")
    void missingSecretFailsNamingTheProperty() {
        withDatabase().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("phoenixkit.integrations.secret-key-base")
                    .hasMessageContaining("phoenixkit.integrations.allow-plaintext");
        });
    }

    @Test
    @DisplayName("allow-plaintext without a secret: plaintext storage, chosen explicitly")
    void plaintextOnlyWhenAllowed() {
        withDatabase()
                .withPropertyValues("phoenixkit.integrations.allow-plaintext=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EncryptionStatus status =
                            context.getBean(Integrations.class).encryptionStatus();
                    assertThat(status.encryptionEnabled()).isFalse();
                });
    }

    @Test
    @DisplayName("a keyring of two without primary-key fails naming primary-key and the ids, not the secrets")
    void keyringNeedsAPrimary() {
        withDatabase()
                .withPropertyValues(
                        "phoenixkit.integrations.keyring.k1=first-secret-key-base-0123456789",
                        "phoenixkit.integrations.keyring.k2=second-secret-key-base-0123456789")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("phoenixkit.integrations.primary-key")
                            .hasMessageContaining("k1")
                            .satisfies(e -> assertThat(e.getMessage())
                                    .doesNotContain("first-secret")
                                    .doesNotContain("second-secret"));
                });
    }

    @Test
    @DisplayName("a keyring with its primary encrypts with that key")
    void keyringWithPrimary() {
        withDatabase()
                .withPropertyValues(
                        "phoenixkit.integrations.keyring.k1=first-secret-key-base-0123456789",
                        "phoenixkit.integrations.keyring.k2=second-secret-key-base-0123456789",
                        "phoenixkit.integrations.primary-key=k2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EncryptionStatus status =
                            context.getBean(Integrations.class).encryptionStatus();
                    assertThat(status.encryptionEnabled()).isTrue();
                    assertThat(status.primaryKey()).isEqualTo("k2");
                    assertThat(status.toString()).doesNotContain("second-secret");
                });
    }

    @Test
    @DisplayName("host beans win: SecretCipher, ProviderRegistry, Integrations, ModuleRegistry")
    void backsOffForHostBeans() {
        SecretCipher hostCipher = SecretCipher.fromSecretKeyBase("host-own-secret-key-base-0123456789");
        ProviderRegistry hostRegistry = ProviderRegistry.builder().build();
        configured()
                .withBean("hostCipher", SecretCipher.class, () -> hostCipher)
                .withBean("hostRegistry", ProviderRegistry.class, () -> hostRegistry)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SecretCipher.class)).isSameAs(hostCipher);
                    assertThat(context.getBean(ProviderRegistry.class)).isSameAs(hostRegistry);
                    assertThat(context.getBean(Integrations.class).listProviders())
                            .isEmpty();
                });
        configured()
                .withBean(
                        "hostIntegrations",
                        Integrations.class,
                        () -> Integrations.builder()
                                .dataSource(database.dataSource())
                                .cipher(SecretCipher.none())
                                .build(),
                        definition -> definition.setDestroyMethodName("close"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(Integrations.class).hasBean("hostIntegrations");
                    assertThat(context).doesNotHaveBean("phoenixKitIntegrations");
                });
    }

    @Test
    @DisplayName("a host ProviderDefinition bean joins the built-ins")
    void hostProviderDefinition() {
        configured()
                .withBean(
                        "acme",
                        ProviderDefinition.class,
                        () -> ProviderDefinition.builder("acme")
                                .name("Acme")
                                .authType(AuthType.API_KEY)
                                .build())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ProviderRegistry.class).get("acme"))
                            .isPresent();
                    assertThat(context.getBean(ProviderRegistry.class).get("openrouter"))
                            .isPresent();
                });
    }

    @Test
    @DisplayName("a host IntegrationModule bean is in the module registry")
    void hostModule() {
        configured()
                .withBean("billing", IntegrationModule.class, () -> () -> "billing")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ModuleRegistry.class).all())
                            .extracting(IntegrationModule::key)
                            .contains("billing");
                });
    }

    @Test
    @DisplayName("migrate-on-startup=false: no start-up migration bean")
    void noMigrationsWhenOff() {
        configured()
                .withPropertyValues("phoenixkit.integrations.migrate-on-startup=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context)
                            .doesNotHaveBean(PhoenixKitMigrations.class)
                            .hasSingleBean(Integrations.class);
                });
    }

    @Test
    @DisplayName("flyway-baseline-zero=false: no Flyway customizer")
    void noFlywayCustomizerWhenOff() {
        configured()
                .withPropertyValues("phoenixkit.integrations.flyway-baseline-zero=false")
                .run(context -> assertThat(context).doesNotHaveBean(FlywayConfigurationCustomizer.class));
    }

    @Test
    @DisplayName("durations, schema and callback settings bind from properties")
    void propertiesBind() {
        configured()
                .withPropertyValues(
                        "phoenixkit.integrations.http-timeout=3s",
                        "phoenixkit.integrations.refresh-skew=2m",
                        "phoenixkit.integrations.authorization-ttl=5m",
                        "phoenixkit.integrations.callback.path=/oauth/done",
                        "phoenixkit.integrations.admin.required-authority=ROLE_OPS")
                .run(context -> {
                    PhoenixKitProperties properties = context.getBean(PhoenixKitProperties.class);
                    assertThat(properties.getHttpTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.getRefreshSkew()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(properties.getAuthorizationTtl()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.getCallback().getPath()).isEqualTo("/oauth/done");
                    assertThat(properties.getAdmin().getRequiredAuthority()).isEqualTo("ROLE_OPS");
                    assertThat(properties.getSchema()).isEqualTo("public");
                });
    }

    @Test
    @DisplayName("the configuration metadata (IDE completion) lists the properties")
    void metadataGenerated() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json)
                    .contains("phoenixkit.integrations.secret-key-base")
                    .contains("phoenixkit.integrations.callback.path")
                    .contains("phoenixkit.integrations.admin.required-authority");
        }
    }

    @Test
    @DisplayName("the DataSource the facade gets is the host's")
    void usesTheHostDataSource() {
        configured().run(context -> assertThat(context).hasSingleBean(DataSource.class));
    }

    private WebApplicationContextRunner web() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataSourceAutoConfiguration.class,
                        PhoenixKitAutoConfiguration.class,
                        PhoenixKitWebAutoConfiguration.class,
                        PhoenixKitAdminAutoConfiguration.class,
                        PhoenixKitJacksonAutoConfiguration.class))
                .withPropertyValues(Databases.datasource(database))
                .withPropertyValues("phoenixkit.integrations.secret-key-base=" + Databases.SECRET);
    }

    @Test
    @DisplayName("servlet web application: callback, admin servlet and Jackson module; problem details only opted in")
    void webBeans() {
        web().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context)
                    .hasSingleBean(PhoenixKitCallbackController.class)
                    .hasSingleBean(IntegrationsAdmin.class)
                    .hasBean("phoenixKitAdminServlet")
                    .hasSingleBean(PhoenixKitJacksonModule.class)
                    .doesNotHaveBean(PhoenixKitProblemDetails.class);
            ServletRegistrationBean<?> registration =
                    context.getBean("phoenixKitAdminServlet", ServletRegistrationBean.class);
            assertThat(registration.getUrlMappings()).contains("/phoenixkit/admin/*");
            // Spring Security is on this class path, so the console requires the authority
            assertThat(context.getBean(AdminAccess.class).toString()).contains("ROLE_ADMIN");
        });
        web().withPropertyValues("phoenixkit.integrations.problem-details=true")
                .run(context -> assertThat(context).hasSingleBean(PhoenixKitProblemDetails.class));
    }

    @Test
    @DisplayName("callback.enabled=false, admin.enabled=false, admin.path: each honoured")
    void webSwitches() {
        web().withPropertyValues(
                        "phoenixkit.integrations.callback.enabled=false", "phoenixkit.integrations.admin.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context)
                            .doesNotHaveBean(PhoenixKitCallbackController.class)
                            .doesNotHaveBean(IntegrationsAdmin.class)
                            .doesNotHaveBean("phoenixKitAdminServlet");
                });
        web().withPropertyValues("phoenixkit.integrations.admin.path=/ops/integrations")
                .run(context -> {
                    ServletRegistrationBean<?> registration =
                            context.getBean("phoenixKitAdminServlet", ServletRegistrationBean.class);
                    assertThat(registration.getUrlMappings())
                            .containsExactly("/ops/integrations/*", "/ops/integrations");
                });
    }

    @Test
    @DisplayName("a host AdminAccess bean replaces the Spring Security policy")
    void hostAdminAccess() {
        AdminAccess host = AdminAccess.denyAll();
        web().withBean("hostAccess", AdminAccess.class, () -> host)
                .run(context -> assertThat(context.getBean(AdminAccess.class)).isSameAs(host));
    }

    @Test
    @DisplayName("not a web application: no callback, no console")
    void notWeb() {
        configured()
                .withConfiguration(AutoConfigurations.of(
                        PhoenixKitWebAutoConfiguration.class, PhoenixKitAdminAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context)
                            .doesNotHaveBean(PhoenixKitCallbackController.class)
                            .doesNotHaveBean(IntegrationsAdmin.class);
                });
    }
}
