package dev.phoenixkit.benchmarks;

import dev.phoenixkit.integrations.IntegrationData;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * P1: {@code getCredentials(uuid)} with {@code enc:v1} decryption, {@value ConnectionsFixture#CONNECTIONS}
 * connections in the table.
 *
 * <ul>
 *   <li>{@code library}: {@code integrations.getCredentials(uuidText)};</li>
 *   <li>{@code baseline}: a raw JDBC prepared {@code SELECT value_json … WHERE uuid = ?} on the same pool, Jackson
 *       parse into a map, and decryption of the sensitive fields with the same cipher.</li>
 * </ul>
 */
@RatioTarget(id = "P1", maxRatio = 1.15)
@BenchmarkMode(Mode.AverageTime)
public class CredentialsByUuidBenchmark {
    private static final String SELECT_BY_UUID = "SELECT value_json FROM public.phoenix_kit_settings WHERE uuid = ?";

    /**
     * @param fixture the connections
     * @return the decrypted data
     */
    @Benchmark
    public IntegrationData library(ConnectionsFixture fixture) {
        return fixture.integrations.getCredentials(fixture.uuidTexts[fixture.next()]);
    }

    /**
     * @param fixture the connections
     * @return the decrypted fields
     */
    @Benchmark
    public Map<String, Object> baseline(ConnectionsFixture fixture) {
        return fixture.parseAndDecrypt(fixture.selectOne(SELECT_BY_UUID, fixture.uuids[fixture.next()]));
    }
}
