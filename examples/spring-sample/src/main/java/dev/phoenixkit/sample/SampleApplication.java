package dev.phoenixkit.sample;

import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The sample: {@code mvn -B -q -pl examples/spring-sample -am -Prun -DskipTests verify}, then open
 * {@code http://localhost:8080/} (user {@code admin}, the password printed at start-up).
 *
 * <p>Demo-only parts, which a real host does not have: an embedded PostgreSQL started before Spring (a real host
 * sets {@code spring.datasource.*}), the testkit's fake provider server playing Google, and a generated secret key
 * base and password (a real host reads them from its environment).
 */
@SpringBootApplication
public class SampleApplication {
    private static final Logger LOG = LoggerFactory.getLogger(SampleApplication.class);

    /** The fake provider server standing in for Google (demo only). */
    static FakeProviderServer fake;

    /**
     * @param args Spring Boot arguments, for example {@code --server.port=9090}
     */
    public static void main(String[] args) {
        ConfigurableApplicationContext context = start(Map.of(), args);
        LOG.warn(
                "PhoenixKit Spring sample on http://localhost:{}/ (user admin, password {}); console at /phoenixkit/admin",
                context.getEnvironment().getProperty("local.server.port"),
                context.getEnvironment().getProperty("spring.security.user.password"));
    }

    /**
     * Starts the demo's database and fake provider, then the application.
     *
     * @param overrides properties that win over the demo's (tests set {@code server.port=0})
     * @param args      Spring Boot arguments
     * @return the running application
     */
    public static ConfigurableApplicationContext start(Map<String, Object> overrides, String... args) {
        TestDatabase database = PostgresServer.shared().createEmptyDatabase();
        fake = FakeProviderServer.start();
        Map<String, Object> demo = new LinkedHashMap<>();
        demo.put("spring.datasource.url", database.jdbcUrl());
        demo.put("spring.datasource.username", database.user());
        demo.put("spring.datasource.password", database.password() == null ? "" : database.password());
        demo.put("PHOENIXKIT_SECRET_KEY_BASE", randomSecret());
        demo.put("spring.security.user.password", randomSecret().substring(0, 16));
        demo.putAll(overrides);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .properties(demo)
                .run(args);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                fake.close();
                database.close();
            }
        });
        return context;
    }

    /** @return the built-in providers pointed at the fake server (demo only: a real host defines no such bean) */
    @Bean
    ProviderRegistry providerRegistry() {
        return fake.providerRegistry();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
