package dev.phoenixkit.examples;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.module.LegacyMigrationResult;
import dev.phoenixkit.integrations.module.ModuleRegistry;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.reference.AiEndpointCredentials;
import dev.phoenixkit.testkit.reference.ReferenceAiModule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The walk-through's connection stages: add, configure, rename (uuid unchanged), resolve by uuid and by
 * {@code provider:name}, and the reference module's legacy migration. Runs on a migrated database.
 */
final class ConnectionsWalkthrough {
    private ConnectionsWalkthrough() {
    }

    static void run(TestDatabase database) {
        section("2. Connections: add, configure, rename, resolve");
        ProviderRegistry providers = ProviderRegistry.builder()
                .add(ProviderDefinition.builder("openrouter").name("OpenRouter").authType(AuthType.API_KEY).build())
                .build();
        try (Integrations integrations = Integrations.builder()
                .dataSource(database.dataSource())
                .providers(providers)
                .cipher(SecretCipher.fromSecretKeyBase("walkthrough-secret-key-base-0123456789abcdef"))
                .build()) {
            integrations.events().subscribe(event -> System.out.println("  event: " + describe(event)));

            Connection work = integrations.addConnection("openrouter", "work");
            System.out.println("added " + work.ref() + " uuid=" + work.uuid() + " status="
                    + work.data().status().orElseThrow());

            IntegrationData saved = integrations.saveSetup(work.uuid(), Map.of("api_key", "sk-or-v1-walkthrough"));
            System.out.println("saved setup: " + saved);
            String stored = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT value_json->>'api_key' FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                    .bind("uuid", work.uuid()).mapTo(String.class).one());
            System.out.println("api_key at rest: " + stored.substring(0, 12) + "... (enc:v1, PhoenixKit's format)");

            integrations.renameConnection(work.uuid(), "production");
            Connection renamed = integrations.getIntegrationByUuid(work.uuid());
            System.out.println("renamed to " + renamed.ref() + ", uuid unchanged: "
                    + renamed.uuid().equals(work.uuid()));

            System.out.println("getCredentials(uuid).apiKey present: "
                    + integrations.getCredentials(work.uuid().toString()).apiKey().isPresent());
            System.out.println("resolveToUuid(\"openrouter:production\") = "
                    + integrations.resolveToUuid("openrouter:production"));
            System.out.println("isConnected(\"openrouter\") (means openrouter:default) = "
                    + integrations.isConnected("openrouter"));
            System.out.println("audit trail: " + integrations.auditTrail(work.uuid()).stream()
                    .map(entry -> entry.action()).toList());
            integrations.removeConnection(work.uuid());

            section("3. Legacy migration of the reference AI module");
            UUID endpoint = database.jdbi().withHandle(handle -> handle.createQuery("""
                    INSERT INTO public.phoenix_kit_ai_endpoints (name, provider, api_key, model, inserted_at,
                                                                 updated_at)
                    VALUES ('Claude Haiku', 'openrouter', 'sk-or-v1-legacy-column', 'anthropic/claude-3-haiku',
                            now(), now())
                    RETURNING uuid""").mapTo(UUID.class).one());
            ModuleRegistry modules = ModuleRegistry.builder(integrations)
                    .register(new ReferenceAiModule(database.dataSource(), "public", Clock.systemUTC()))
                    .build();
            Map<String, LegacyMigrationResult> outcomes = modules.runAllLegacyMigrations();
            System.out.println("runAllLegacyMigrations(): " + outcomes);
            List<Connection> openrouter = integrations.listConnections("openrouter");
            System.out.println("openrouter connections: " + openrouter.stream().map(Connection::ref).toList());
            System.out.println("endpoint now resolves its key through the connection: " + new AiEndpointCredentials(
                    integrations, database.dataSource(), "public").apiKeyFor(endpoint).isPresent());
            System.out.println("second run: " + modules.runAllLegacyMigrations());
        }
    }

    private static String describe(IntegrationEvent event) {
        return event.getClass().getSimpleName() + " " + event.provider() + ":" + event.name();
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("-- " + title);
    }
}
