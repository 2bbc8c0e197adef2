package dev.phoenixkit.benchmarks;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * C1: {@code Integrations.getCredentials(uuid)} on a connection with an {@code enc:v1} API key.
 *
 * <ul>
 *   <li>{@code library}: the facade (pooled connection, one SELECT, JSON parse, AES-GCM decryption, credential
 *   check);</li>
 *   <li>{@code baseline}: raw JDBC on the same HikariCP pool: the same SELECT by primary key, reading
 *   {@code value_json} as text, with no parsing or decryption.</li>
 * </ul>
 */
@RatioTarget(id = "C1", maxRatio = 2.0)
@BenchmarkMode(Mode.AverageTime)
@State(Scope.Benchmark)
public class GetCredentialsBenchmark {
    private TestDatabase database;
    private DataSource dataSource;
    private Integrations integrations;
    private UUID uuid;
    private String uuidText;

    /** Creates a migrated database and one configured openrouter connection. */
    @Setup(Level.Trial)
    public void createConnection() {
        database = PostgresServer.shared().createDatabase();
        dataSource = database.dataSource();
        integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(ProviderRegistry.builder()
                        .add(ProviderDefinition.builder("openrouter")
                                .name("OpenRouter")
                                .authType(AuthType.API_KEY)
                                .build())
                        .build())
                .cipher(SecretCipher.fromSecretKeyBase("benchmark-secret-key-base-0123456789abcdef"))
                .build();
        uuid = integrations.addConnection("openrouter", "default").uuid();
        integrations.saveSetup(uuid, Map.of("api_key", "sk-or-v1-benchmark-key-0123456789"));
        uuidText = uuid.toString();
    }

    /** Drops the database. */
    @TearDown(Level.Trial)
    public void dropDatabase() {
        integrations.close();
        database.close();
    }

    /** @return the decrypted data */
    @Benchmark
    public IntegrationData library() {
        return integrations.getCredentials(uuidText);
    }

    /**
     * @return the raw {@code value_json} text
     * @throws SQLException never expected
     */
    @Benchmark
    public String baseline() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT uuid, key, value_json::text FROM public.phoenix_kit_settings
                        WHERE uuid = ? AND key LIKE 'integration:%'""")) {
            statement.setObject(1, uuid);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(3);
            }
        }
    }
}
