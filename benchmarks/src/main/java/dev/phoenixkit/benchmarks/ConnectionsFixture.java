package dev.phoenixkit.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The read-path fixture of P1 and P2: a migrated database holding {@value #CONNECTIONS} integration connections whose
 * {@code api_key} is {@code enc:v1}-encrypted, an {@link Integrations} over the database's HikariCP pool, and the
 * same pool, cipher and a Jackson mapper for the hand-written baselines.
 *
 * <p>One seed connection is created through the facade ({@code addConnection} + {@code saveSetup}); the others are
 * bulk-inserted with the seed's {@code value_json} (so every row decrypts the same way) under keys
 * {@code integration:<provider>:conn-<n>}. Each operation reads the next of {@value #TARGETS} connections picked at
 * random, library and baseline in the same order.
 */
@State(Scope.Benchmark)
public class ConnectionsFixture {
    /** Connections in the table. */
    static final int CONNECTIONS = 10_000;
    /** Connections the operations cycle through (a power of two). */
    static final int TARGETS = 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() {};
    private static final String SECRET_KEY_BASE = "benchmark-secret-key-base-0123456789abcdef0123456789abcdef";

    TestDatabase database;
    DataSource dataSource;
    SecretCipher cipher;
    Integrations integrations;
    String[] uuidTexts;
    UUID[] uuids;
    String[] keyRefs;
    String[] storageKeys;
    private int cursor;

    /** Creates the database, the facade and the rows. */
    @Setup(Level.Trial)
    public void createConnections() {
        database = PostgresServer.shared().createDatabase();
        dataSource = database.dataSource();
        cipher = SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE);
        integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(ProviderRegistry.loadDefault())
                .cipher(cipher)
                .clock(Clock.systemUTC())
                .build();
        Connection seed = integrations.addConnection("openrouter", "seed");
        integrations.saveSetup(seed.uuid(), Map.of("api_key", "sk-or-benchmark-not-a-real-key-0123456789"));
        Databases.execute(
                dataSource,
                """
                INSERT INTO phoenix_kit_settings (uuid, key, value, value_json, module, date_added, date_updated)
                SELECT gen_random_uuid(),
                       'integration:' || (ARRAY['openrouter','mistral','deepseek','google','microsoft'])[1 + g % 5]
                         || ':conn-' || g,
                       NULL, seed.value_json, 'integrations', now(), now()
                  FROM generate_series(1, {ROWS}) AS g,
                       (SELECT value_json FROM phoenix_kit_settings WHERE key = 'integration:openrouter:seed') AS seed
                """.replace("{ROWS}", Integer.toString(CONNECTIONS - 1)),
                "VACUUM ANALYZE phoenix_kit_settings");
        pickTargets();
    }

    private void pickTargets() {
        List<String[]> rows = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT uuid::text, key FROM phoenix_kit_settings WHERE key LIKE 'integration:%:conn-%'");
                var result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new String[] {result.getString(1), result.getString(2)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the benchmark rows: " + e.getMessage(), e);
        }
        Collections.shuffle(rows, new Random(42));
        uuidTexts = new String[TARGETS];
        uuids = new UUID[TARGETS];
        keyRefs = new String[TARGETS];
        storageKeys = new String[TARGETS];
        for (int i = 0; i < TARGETS; i++) {
            uuidTexts[i] = rows.get(i)[0];
            uuids[i] = UUID.fromString(uuidTexts[i]);
            storageKeys[i] = rows.get(i)[1];
            keyRefs[i] = storageKeys[i].substring("integration:".length());
        }
    }

    /** Closes the facade and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        integrations.close();
        database.close();
    }

    /** @return the index of the next target connection */
    int next() {
        cursor = (cursor + 1) & (TARGETS - 1);
        return cursor;
    }

    /**
     * The baselines' decoding: Jackson parse of {@code value_json}, then decryption of every sensitive field.
     *
     * @param valueJson the column's text
     * @return the decrypted fields
     */
    Map<String, Object> parseAndDecrypt(String valueJson) {
        return parseAndDecrypt(valueJson, cipher);
    }

    /**
     * The baselines' decoding with a given cipher, for benchmarks that hold their own.
     *
     * @param valueJson the column's text
     * @param cipher    the cipher the row was written with
     * @return the decrypted fields
     */
    static Map<String, Object> parseAndDecrypt(String valueJson, SecretCipher cipher) {
        Map<String, Object> fields;
        try {
            fields = MAPPER.readValue(valueJson, MAP_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String field : SecretCipher.SENSITIVE_FIELDS) {
            if (fields.get(field) instanceof String stored && SecretCipher.isCiphertext(stored)) {
                fields.put(field, cipher.decrypt(stored));
            }
        }
        return fields;
    }

    /**
     * Runs a prepared one-parameter query and reads the first column of its single row as text.
     *
     * @param sql       the query
     * @param parameter its parameter
     * @return the text
     */
    String selectOne(String sql, Object parameter) {
        try (var connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("No row for the benchmark's parameter");
                }
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Baseline query failed: " + e.getMessage(), e);
        }
    }
}
