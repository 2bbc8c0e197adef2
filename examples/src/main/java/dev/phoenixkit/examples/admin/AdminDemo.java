package dev.phoenixkit.examples.admin;

import dev.phoenixkit.admin.AdminAccess;
import dev.phoenixkit.admin.AdminServer;
import dev.phoenixkit.admin.IntegrationsAdmin;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The admin console on a machine with nothing installed: an embedded PostgreSQL (the testkit's), the testkit's fake
 * provider server standing in for every provider, and {@link IntegrationsAdmin} on {@link AdminServer} (embedded
 * Jetty, bound to 127.0.0.1). Run it with {@code mvn -B -q -Padmin-demo -DskipTests package} and open the address
 * it prints; {@code -Dadmin.port=N} picks another port than 8080.
 *
 * <p>Seeded with three connections that show the console's states:
 *
 * <ul>
 *   <li>{@code openrouter:work}, connected (a key the fake accepts, validated);
 *   <li>{@code mistral:eu}, in error (a key the fake refuses, validated);
 *   <li>{@code google:workspace}, with its client id and secret saved and so ready to connect (an OAuth2
 *       connection stays {@code disconnected} until it is): its Connect button runs the whole OAuth2 flow (state,
 *       PKCE, code exchange, userinfo) against the fake, whose consent screen consents at once.
 * </ul>
 *
 * <p>Every request is let in as one fixed operator ({@link AdminAccess#allowAllAs(UUID)}), which is only right for a
 * console nobody else can reach: a host gives the builder its own policy. Not thread-safe to start or close
 * concurrently; the running console serves requests concurrently.
 */
public final class AdminDemo implements AutoCloseable {
    /** The operator every change is recorded under (the audit trail's actor). */
    public static final UUID OPERATOR = UUID.fromString("0190a3c4-0000-7000-8000-00000000d3a0");
    /** The key the fake provider accepts (the OpenRouter connection holds it). */
    static final String GOOD_KEY = "sk-or-v1-admin-demo-good-key-0123456789";

    private static final String SECRET_KEY_BASE = "admin-demo-secret-key-base-use-your-own-long-random-value";

    private final TestDatabase database;
    private final FakeProviderServer fake;
    private final Integrations integrations;
    private final AdminServer server;
    private final List<Connection> seeded;

    private AdminDemo(
            TestDatabase database,
            FakeProviderServer fake,
            Integrations integrations,
            AdminServer server,
            List<Connection> seeded) {
        this.database = database;
        this.fake = fake;
        this.integrations = integrations;
        this.server = server;
        this.seeded = seeded;
    }

    /**
     * Starts the database, the fake provider server and the console, and seeds the three connections.
     *
     * @param port the console's port on 127.0.0.1, or 0 for any free one
     * @return the running demo; {@link #close()} stops everything and drops the database
     * @throws IllegalStateException if the console cannot start (for example, the port is taken)
     */
    public static AdminDemo start(int port) {
        TestDatabase database = PostgresServer.shared().createDatabase();
        FakeProviderServer fake = null;
        Integrations integrations = null;
        try {
            fake = FakeProviderServer.start().addApiKey(GOOD_KEY);
            integrations = Integrations.builder()
                    .dataSource(database.dataSource())
                    .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                    .providers(fake.providerRegistry()) // every provider URL points at the local fake
                    .build();
            List<Connection> seeded = seed(integrations);
            AdminServer server = AdminServer.start(
                    IntegrationsAdmin.builder()
                            .integrations(integrations)
                            .access(AdminAccess.allowAllAs(OPERATOR))
                            .build(),
                    port);
            return new AdminDemo(database, fake, integrations, server, seeded);
        } catch (RuntimeException e) {
            closeQuietly(integrations);
            closeQuietly(fake);
            closeQuietly(database);
            throw e;
        }
    }

    private static List<Connection> seed(Integrations integrations) {
        Connection openRouter = integrations.addConnection("openrouter", "work", OPERATOR);
        integrations.saveSetup(openRouter.uuid(), Map.of("api_key", GOOD_KEY), OPERATOR);
        integrations.recordValidation(openRouter.uuid(), integrations.validateConnection(openRouter.uuid(), OPERATOR));

        Connection mistral = integrations.addConnection("mistral", "eu", OPERATOR);
        integrations.saveSetup(mistral.uuid(), Map.of("api_key", "wrong-key-the-fake-refuses"), OPERATOR);
        integrations.recordValidation(mistral.uuid(), integrations.validateConnection(mistral.uuid(), OPERATOR));

        Connection google = integrations.addConnection("google", "workspace", OPERATOR);
        integrations.saveSetup(
                google.uuid(),
                Map.of("client_id", FakeProviderServer.CLIENT_ID, "client_secret", FakeProviderServer.CLIENT_SECRET),
                OPERATOR);
        return List.of(openRouter.uuid(), mistral.uuid(), google.uuid()).stream()
                .map(integrations::getIntegrationByUuid)
                .toList();
    }

    /** @return the console's address, for example {@code http://127.0.0.1:8080/admin/integrations/} */
    public URI uri() {
        return server.uri();
    }

    /** @return the seeded connections as they were after seeding: openrouter:work, mistral:eu, google:workspace */
    public List<Connection> seeded() {
        return seeded;
    }

    /** @return the library instance behind the console (to look at what the console changed) */
    public Integrations integrations() {
        return integrations;
    }

    /**
     * Blocks until the console stops.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the console and the fake server, and drops the database. */
    @Override
    public void close() {
        closeQuietly(server);
        closeQuietly(integrations);
        closeQuietly(fake);
        closeQuietly(database);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping the demo: " + e);
        }
    }

    /**
     * Runs the demo until Ctrl-C.
     *
     * @param args ignored; the port comes from the system property {@code admin.port} (default 8080)
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(Objects.requireNonNullElse(System.getProperty("admin.port"), "8080")
                .strip());
        AdminDemo demo = start(port);
        // at exit the testkit's own hook stops the embedded PostgreSQL (and its databases) in parallel, so this one
        // stops only the console, the library and the fake
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            closeQuietly(demo.server);
                            closeQuietly(demo.integrations);
                            closeQuietly(demo.fake);
                        },
                        "admin-demo-shutdown"));
        System.out.println("== PhoenixKit Integrations admin console (demo)");
        System.out.println("PostgreSQL: " + PostgresServer.shared().description());
        for (Connection connection : demo.seeded()) {
            System.out.println("  " + connection.provider() + ":" + connection.name() + " -> "
                    + connection
                            .data()
                            .status()
                            .map(ConnectionStatus::wireValue)
                            .orElse("disconnected"));
        }
        System.out.println("Open " + demo.uri() + " (Ctrl-C stops it; the embedded database goes with it)");
        demo.join();
    }
}
