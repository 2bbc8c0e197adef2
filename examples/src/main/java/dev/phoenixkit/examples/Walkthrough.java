package dev.phoenixkit.examples;

import dev.phoenixkit.integrations.AuthorizationRequest;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.module.LegacyMigrationResult;
import dev.phoenixkit.integrations.module.ModuleRegistry;
import dev.phoenixkit.migrations.AppliedStep;
import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import dev.phoenixkit.testkit.reference.AiEndpointCredentials;
import dev.phoenixkit.testkit.reference.ReferenceAiModule;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The README's walk-through: everything the library does, end to end, on an embedded PostgreSQL that needs
 * nothing installed. Run it with {@code mvn -B -q -Pwalkthrough -DskipTests package}.
 *
 * <p>Stages: 1 migrates an empty database; 2 to 4 are the basics (connections, an API-key provider, an OAuth2
 * provider); 5 is a feature module moving its legacy data onto connections. Stages 2 to 5 each run on a fresh
 * database cloned from the testkit's <em>template database</em>: {@link PostgresServer} migrates one database once
 * and marks it as a template, and {@code CREATE DATABASE … TEMPLATE …} copies it in tens of milliseconds (the same
 * mechanism gives every {@code @PhoenixKitTest} its own database).
 */
public final class Walkthrough {

    private static final String SECRET_KEY_BASE = "walkthrough-secret-key-base-use-your-own-long-random-value";
    private static final String GOOD_KEY = "sk-or-v1-walkthrough-good-key";
    private static final URI REDIRECT = URI.create("https://app.example/admin/settings/integrations/callback");

    private Walkthrough() {}

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        PostgresServer server = PostgresServer.shared();
        System.out.println("== PhoenixKit Integrations for Java: walk-through");
        System.out.println("PostgreSQL: " + server.description());
        try (TestDatabase database = server.createEmptyDatabase()) {
            migrate(database);
        }
        try (FakeProviderServer fake = FakeProviderServer.start()) {
            fake.addApiKey(GOOD_KEY);
            System.out.println();
            System.out.println("Stages 2 to 5 each get a fresh database, cloned (CREATE DATABASE ... TEMPLATE ...) from"
                    + " the testkit's template database: one database PostgresServer migrated once, like stage 1 did.");
            try (TestDatabase database = server.createDatabase()) {
                connections(database, fake);
            }
            try (TestDatabase database = server.createDatabase()) {
                apiKeyProvider(database, fake);
            }
            try (TestDatabase database = server.createDatabase()) {
                oauthProvider(database, fake);
            }
            try (TestDatabase database = server.createDatabase()) {
                legacyMigration(database, fake);
            }
        }
        System.out.println();
        System.out.println("== done");
    }

    private static void migrate(TestDatabase database) {
        section("1. Migrate an empty database (PhoenixKit chain to " + Migrator.LATEST + " + the library's own track)");
        Migrator migrator = Migrator.create(database.dataSource());
        MigrationReport report = migrator.migrate();
        System.out.printf(
                Locale.ROOT,
                "version %d -> %d, %d steps applied:%n",
                report.fromVersion(),
                report.toVersion(),
                report.applied().size());
        long total = 0;
        for (AppliedStep step : report.applied()) {
            total += step.duration().toMillis();
            System.out.printf(
                    Locale.ROOT,
                    "  %-11s %-5s %-45s %4d ms%n",
                    step.track(),
                    step.version(),
                    step.description(),
                    step.duration().toMillis());
        }
        System.out.printf(Locale.ROOT, "  total %d ms%n", total);
        MigrationReport again = migrator.migrate();
        System.out.println("migrate() again: " + (again.nothingToDo() ? "nothing to do" : again.applied()));

        Jdbi jdbi = database.jdbi();
        List<String> tables = jdbi.withHandle(
                handle -> handle.createQuery("""
                SELECT c.table_name || ' (' || count(*) || ' columns)'
                FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                GROUP BY c.table_name ORDER BY c.table_name""").mapTo(String.class).list());
        System.out.println("tables:");
        tables.forEach(table -> System.out.println("  " + table));
        List<String> indexes = jdbi.withHandle(
                handle -> handle.createQuery("""
                SELECT tablename || '.' || indexname FROM pg_indexes
                WHERE schemaname = 'public' ORDER BY tablename, indexname""").mapTo(String.class).list());
        System.out.println("indexes:");
        indexes.forEach(index -> System.out.println("  " + index));
        String marker = jdbi.withHandle(
                handle -> handle.createQuery("SELECT obj_description('public.phoenix_kit'::regclass, 'pg_class')")
                        .mapTo(String.class)
                        .one());
        System.out.println("version marker (COMMENT ON TABLE public.phoenix_kit): '" + marker + "'");
    }

    private static Integrations integrations(TestDatabase database, FakeProviderServer fake) {
        return Integrations.builder()
                .dataSource(database.dataSource())
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .providers(fake.providerRegistry()) // every provider URL points at the local fake server
                .build();
    }

    private static void legacyMigration(TestDatabase database, FakeProviderServer fake) {
        section("5. A module's legacy data moves onto uuid references (ReferenceAiModule.migrateLegacy)");
        Jdbi jdbi = database.jdbi();
        jdbi.useHandle(handle -> {
            for (String[] endpoint : new String[][] {
                {"Claude Haiku", "openrouter", "sk-or-v1-legacy-a"},
                {"GPT mini", "openrouter", "sk-or-v1-legacy-a"},
                {"Llama", "openrouter", "sk-or-v1-legacy-b"}
            }) {
                handle.createUpdate("""
                        INSERT INTO public.phoenix_kit_ai_endpoints
                          (name, provider, api_key, model, inserted_at, updated_at)
                        VALUES (:name, :provider, :key, 'some/model', now(), now())""")
                        .bind("name", endpoint[0])
                        .bind("provider", endpoint[1])
                        .bind("key", endpoint[2])
                        .execute();
            }
        });
        System.out.println("3 legacy endpoints keep their own api_key columns (2 distinct keys)");
        try (Integrations integrations = integrations(database, fake)) {
            ModuleRegistry modules = ModuleRegistry.builder(integrations)
                    .register(new ReferenceAiModule(database.dataSource()))
                    .build();
            Map<String, LegacyMigrationResult> outcome = modules.runAllLegacyMigrations();
            System.out.println("runAllLegacyMigrations(): " + outcome);
            jdbi.withHandle(handle -> handle.createQuery("""
                    SELECT name, provider, integration_uuid, api_key = '' AS key_cleared
                    FROM public.phoenix_kit_ai_endpoints ORDER BY name""").mapToMap().list())
                    .forEach(row -> System.out.println("  endpoint " + row));
            integrations
                    .listConnections("openrouter")
                    .forEach(connection -> System.out.println(
                            "  connection openrouter:" + connection.name() + " " + connection.uuid() + " api_key "
                                    + mask(connection.data().apiKey().orElse(""))));
            UUID llama = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT uuid FROM public.phoenix_kit_ai_endpoints WHERE name = 'Llama'")
                    .mapTo(UUID.class)
                    .one());
            System.out.println("endpoint 'Llama' finds its key through its connection: "
                    + mask(new AiEndpointCredentials(integrations, database.dataSource(), "public")
                            .apiKeyFor(llama)
                            .orElseThrow()));
            System.out.println("running it again: " + modules.runAllLegacyMigrations() + " (idempotent)");
        }
    }

    private static void connections(TestDatabase database, FakeProviderServer fake) {
        section("2. Connections: add, configure, rename (the uuid stays), resolve by uuid and by provider:name");
        try (Integrations integrations = integrations(database, fake)) {
            integrations.events().subscribe(event -> System.out.println("  [event] " + event));
            Connection added = integrations.addConnection("openrouter", "primary");
            UUID uuid = added.uuid();
            System.out.println("added openrouter:primary, uuid " + uuid + " (UUIDv7), status "
                    + added.data().status().orElseThrow());
            IntegrationData saved = integrations.saveSetup(uuid, Map.of("api_key", GOOD_KEY));
            System.out.println("saveSetup(api_key) -> status " + saved.status().orElseThrow());
            String stored = database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT value_json ->> 'api_key' FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                            .bind("uuid", uuid)
                            .mapTo(String.class)
                            .one());
            System.out.println("stored api_key: " + stored.substring(0, 20) + "... (AES-256-GCM, PhoenixKit's enc:v1)");
            integrations.renameConnection(uuid, "work");
            Connection renamed = integrations.getIntegrationByUuid(uuid);
            System.out.println("renamed to '" + renamed.name() + "'; uuid unchanged: "
                    + renamed.uuid().equals(uuid));
            System.out.println("resolveToUuid(\"openrouter:work\") = " + integrations.resolveToUuid("openrouter:work"));
            System.out.println("getCredentials(uuid text).apiKey() = "
                    + mask(integrations.getCredentials(uuid.toString()).apiKey().orElseThrow()));
            try {
                integrations.getCredentials("openrouter:primary");
            } catch (IntegrationException e) {
                System.out.println("getCredentials(\"openrouter:primary\") -> " + e.error() + ": " + e.getMessage());
            }
            System.out.println("toString() never shows secrets: " + integrations.getCredentials(uuid.toString()));
            integrations.addConnection("openrouter", "backup");
            System.out.println("listConnections(\"openrouter\"):");
            integrations
                    .listConnections("openrouter")
                    .forEach(connection -> System.out.println("  "
                            + connection.provider() + ":" + connection.name() + " " + connection.uuid() + " "
                            + connection.data().status().orElseThrow()));
        }
    }

    private static void apiKeyProvider(TestDatabase database, FakeProviderServer fake) {
        section("3. An API-key provider (Mistral) validated against the fake server over loopback HTTP");
        try (Integrations integrations = integrations(database, fake)) {
            UUID uuid = integrations.addConnection("mistral", "default").uuid();
            integrations.saveSetup(uuid, Map.of("api_key", "wrong-key"));
            ValidationResult wrong = integrations.validateConnection(uuid);
            integrations.recordValidation(uuid, wrong);
            System.out.println("wrong key: " + wrong + " -> status "
                    + integrations.getIntegration(uuid.toString()).status().orElseThrow());
            integrations.saveSetup(uuid, Map.of("api_key", GOOD_KEY));
            ValidationResult good = integrations.validateConnection(uuid);
            integrations.recordValidation(uuid, good);
            System.out.println("good key: " + good + " -> status "
                    + integrations.getIntegration(uuid.toString()).status().orElseThrow());
            HttpResponse<byte[]> response = integrations.authenticatedRequest(
                    uuid,
                    HttpRequest.newBuilder(fake.uri("/resource/models")).GET().build());
            System.out.println("authenticatedRequest GET /resource/models -> HTTP " + response.statusCode());
        }
    }

    private static void oauthProvider(TestDatabase database, FakeProviderServer fake) {
        section("4. An OAuth2 provider (Google): connect with state + PKCE, use, expire, refresh");
        try (Integrations integrations = integrations(database, fake)) {
            UUID uuid = integrations.addConnection("google", "work").uuid();
            integrations.saveSetup(
                    uuid,
                    Map.of(
                            "client_id",
                            FakeProviderServer.CLIENT_ID,
                            "client_secret",
                            FakeProviderServer.CLIENT_SECRET));
            AuthorizationRequest request = integrations.beginAuthorization(uuid, REDIRECT);
            System.out.println("beginAuthorization -> " + request.url().getPath() + "?..."
                    + (request.url().getRawQuery().contains("code_challenge_method=S256") ? " (with PKCE S256)" : ""));
            AuthorizationRedirect callback = fake.authorize(request.url()); // plays the user's browser
            IntegrationData connected =
                    integrations.completeAuthorization(uuid, callback.state().orElseThrow(), callback.code(), REDIRECT);
            System.out.println("completeAuthorization -> status "
                    + connected.status().orElseThrow() + ", account " + connected.get("external_account_id")
                    + ", token expires " + connected.expiresAt().orElseThrow());
            try {
                integrations.completeAuthorization(uuid, callback.state().orElseThrow(), callback.code(), REDIRECT);
            } catch (IntegrationException e) {
                System.out.println("replaying the callback -> " + e.error());
            }
            HttpRequest get =
                    HttpRequest.newBuilder(fake.uri("/resource/files")).GET().build();
            System.out.println("authenticatedRequest -> HTTP "
                    + integrations.authenticatedRequest(uuid, get).statusCode());
            fake.expireAccessTokens();
            System.out.println("the provider expires the access token; authenticatedRequest -> HTTP "
                    + integrations.authenticatedRequest(uuid, get).statusCode() + " (401, one refresh, one retry)");
            System.out.println("token endpoint calls: authorization_code=" + fake.tokenCalls("authorization_code")
                    + ", refresh_token=" + fake.tokenCalls("refresh_token"));
            System.out.println("audit trail:");
            integrations
                    .auditTrail(uuid)
                    .forEach(entry -> System.out.println("  " + entry.occurredAt() + " " + entry.action() + " ("
                            + entry.mode() + ") " + entry.metadata()));
        }
    }

    private static String mask(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 8) + "****";
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("-- " + title);
    }
}
