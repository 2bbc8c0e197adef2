package dev.phoenixkit.integrations;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** Builds {@link Integrations} for the core DB tests from the testkit's injected {@code DataSource}/{@code Jdbi}. */
final class TestIntegrations {
    static final String SECRET_KEY_BASE = "core-tests-secret-key-base-that-is-long-enough-0123456789";

    private TestIntegrations() {}

    /**
     * openrouter and mistral (API key), google (OAuth2); "aws", "telegram", "smtp" stay unregistered. openrouter and
     * google also declare the host fields {@code note} (and openrouter {@code extra}) that tests write to change a
     * row without touching a credential.
     */
    static ProviderRegistry registry() {
        return registry(List.of());
    }

    /**
     * @param openrouterFields further fields openrouter declares ({@code ProviderDefinition.Builder.storedField})
     * @return {@link #registry()} with them
     */
    static ProviderRegistry registry(List<String> openrouterFields) {
        ProviderDefinition.Builder openrouter = ProviderDefinition.builder("openrouter")
                .name("OpenRouter")
                .authType(AuthType.API_KEY)
                .storedField("note")
                .storedField("extra");
        openrouterFields.forEach(openrouter::storedField);
        return ProviderRegistry.builder()
                .add(ProviderDefinition.builder("google")
                        .name("Google")
                        .authType(AuthType.OAUTH2)
                        .oauth(OAuthConfig.builder()
                                .authUrl("https://accounts.google.com/o/oauth2/v2/auth")
                                .tokenUrl("https://oauth2.googleapis.com/token")
                                .userinfoUrl("https://www.googleapis.com/oauth2/v3/userinfo")
                                .defaultScopes("openid email")
                                .build())
                        .storedField("note")
                        .build())
                .add(openrouter.build())
                .add(ProviderDefinition.builder("mistral")
                        .name("Mistral")
                        .authType(AuthType.API_KEY)
                        .build())
                .build();
    }

    static Integrations create(DataSource dataSource) {
        return create(dataSource, tickingClock());
    }

    static Integrations create(DataSource dataSource, Clock clock) {
        return create(dataSource, clock, registry());
    }

    static Integrations create(DataSource dataSource, Clock clock, ProviderRegistry registry) {
        return Integrations.builder()
                .dataSource(dataSource)
                .providers(registry)
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .clock(clock)
                .build();
    }

    static Integrations create(Jdbi jdbi) {
        return Integrations.builder()
                .jdbi(jdbi)
                .providers(registry())
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .clock(tickingClock())
                .build();
    }

    /** PhoenixKit's setup_conn/3 helper: add (re-using on ALREADY_EXISTS), then save_setup when attrs are given. */
    static UUID setupConn(Integrations integrations, String provider, String name, Map<String, ?> attrs) {
        UUID uuid;
        try {
            uuid = integrations.addConnection(provider, name).uuid();
        } catch (IntegrationException e) {
            if (e.error() != IntegrationError.ALREADY_EXISTS) {
                throw e;
            }
            uuid = integrations.findUuidByProviderName(provider, name);
        }
        if (!attrs.isEmpty()) {
            integrations.saveSetup(uuid, attrs);
        }
        return uuid;
    }

    /** The testkit's clock advancing one millisecond per reading, so successive stamps differ; can also jump. */
    static TestClock tickingClock() {
        return TestClock.ticking(Instant.parse("2026-05-01T10:00:00.123456Z"), Duration.ofMillis(1));
    }
}
