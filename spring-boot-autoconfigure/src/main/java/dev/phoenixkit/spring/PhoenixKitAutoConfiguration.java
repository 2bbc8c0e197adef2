package dev.phoenixkit.spring;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.module.IntegrationModule;
import dev.phoenixkit.integrations.module.ModuleRegistry;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.migrations.MigrationListener;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.spring.internal.Ciphers;
import dev.phoenixkit.spring.internal.SpringAfterCommit;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * PhoenixKit Integrations on the application's {@link DataSource}: the cipher, the provider registry, the migrations
 * (after the host's Flyway or Liquibase), the {@link Integrations} facade joining the host's transactions, and the
 * module registry. Every bean backs off when the host defines its own.
 */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"
        })
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = PhoenixKitProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(PhoenixKitProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class PhoenixKitAutoConfiguration {

    /**
     * @param properties the properties
     * @return the cipher described by {@code secret-key-base} / {@code keyring}
     */
    @Bean
    @ConditionalOnMissingBean
    public SecretCipher phoenixKitSecretCipher(PhoenixKitProperties properties) {
        return Ciphers.from(properties);
    }

    /**
     * @param definitions the host's {@link ProviderDefinition} beans
     * @return the built-ins, the {@code ProviderSource}s on the class path and the host's definitions
     */
    @Bean
    @ConditionalOnMissingBean
    public ProviderRegistry phoenixKitProviderRegistry(ObjectProvider<ProviderDefinition> definitions) {
        ProviderRegistry.Builder builder = ProviderRegistry.builder().loadServices();
        definitions.orderedStream().forEach(builder::add);
        return builder.build();
    }

    /**
     * @param dataSource the application's data source
     * @param properties the properties
     * @param listener   a {@link MigrationListener} bean (for example the {@code MicrometerObserver}), if one
     * @return the start-up migration run
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = PhoenixKitProperties.PREFIX + ".migrate-on-startup", matchIfMissing = true)
    public PhoenixKitMigrations phoenixKitMigrations(
            DataSource dataSource, PhoenixKitProperties properties, ObjectProvider<MigrationListener> listener) {
        Migrator migrator = Migrator.create(dataSource).schema(properties.getSchema());
        MigrationListener unique = listener.getIfUnique();
        return new PhoenixKitMigrations(unique == null ? migrator : migrator.listener(unique));
    }

    /**
     * The facade. With {@code join-transactions} (the default) its commands and reads run on a
     * {@link TransactionAwareDataSourceProxy}, so inside a host {@code @Transactional} they commit or roll back with
     * it and their events are delivered after the commit; token refresh, validation stamps and the code exchange
     * commit on their own. Closed (and with it the cross-node listener) when the context closes.
     *
     * @param dataSource the application's data source
     * @param properties the properties
     * @param cipher     the cipher
     * @param providers  the provider registry
     * @param clock      a host {@link Clock} bean, if any
     * @param observers  every {@link IntegrationsObserver} bean (for example the {@code MicrometerObserver})
     * @return the facade
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public Integrations phoenixKitIntegrations(
            DataSource dataSource,
            PhoenixKitProperties properties,
            SecretCipher cipher,
            ProviderRegistry providers,
            ObjectProvider<Clock> clock,
            ObjectProvider<IntegrationsObserver> observers) {
        Integrations.Builder builder = Integrations.builder()
                .dataSource(dataSource)
                .cipher(cipher)
                .providers(providers)
                .schema(properties.getSchema())
                .crossNodeEvents(properties.isCrossNodeEvents())
                .httpTimeout(properties.getHttpTimeout())
                .refreshSkew(properties.getRefreshSkew())
                .authorizationTtl(properties.getAuthorizationTtl());
        clock.ifAvailable(builder::clock);
        observers.orderedStream().forEach(builder::observer);
        if (properties.getNotifyChannel() != null) {
            builder.notifyChannel(properties.getNotifyChannel());
        }
        if (properties.isJoinTransactions()) {
            builder.hostTransactions(new TransactionAwareDataSourceProxy(dataSource), new SpringAfterCommit());
        }
        return builder.build();
    }

    /**
     * @param integrations the facade
     * @param modules      the host's {@link IntegrationModule} beans
     * @return the modules found on the class path and the host's beans (a bean replaces a discovered module with
     *         its key)
     */
    @Bean
    @ConditionalOnMissingBean
    public ModuleRegistry phoenixKitModuleRegistry(
            Integrations integrations, ObjectProvider<IntegrationModule> modules) {
        java.util.List<IntegrationModule> beans = modules.orderedStream().toList();
        java.util.Set<String> beanKeys = new java.util.HashSet<>();
        beans.forEach(module -> beanKeys.add(module.key()));
        ModuleRegistry.Builder builder = ModuleRegistry.builder(integrations);
        // the registry refuses an explicit module whose key a discovered one has: a bean replaces it here
        ModuleRegistry.builder(integrations).discover().build().all().stream()
                .filter(discovered -> !beanKeys.contains(discovered.key()))
                .forEach(builder::register);
        beans.forEach(builder::register);
        return builder.build();
    }
}
