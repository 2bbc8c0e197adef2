package dev.phoenixkit.benchmarks;

import dev.phoenixkit.integrations.IntegrationData;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * P2 (credentials): {@code getCredentials("provider:name")}, {@value ConnectionsFixture#CONNECTIONS} connections in
 * the table.
 *
 * <ul>
 *   <li>{@code library}: {@code integrations.getCredentials("openrouter:conn-17")};</li>
 *   <li>{@code baseline}: a raw JDBC prepared {@code SELECT value_json … WHERE key = ?} with the storage key built
 *       by hand, Jackson parse and decryption as in P1.</li>
 * </ul>
 */
@RatioTarget(id = "P2", maxRatio = 1.2)
@BenchmarkMode(Mode.AverageTime)
public class CredentialsByKeyBenchmark {
    private static final String SELECT_BY_KEY = "SELECT value_json FROM public.phoenix_kit_settings WHERE key = ?";

    /**
     * @param fixture the connections
     * @return the decrypted data
     */
    @Benchmark
    public IntegrationData library(ConnectionsFixture fixture) {
        return fixture.integrations.getCredentials(fixture.keyRefs[fixture.next()]);
    }

    /**
     * @param fixture the connections
     * @return the decrypted fields
     */
    @Benchmark
    public Map<String, Object> baseline(ConnectionsFixture fixture) {
        return fixture.parseAndDecrypt(
                fixture.selectOne(SELECT_BY_KEY, "integration:" + fixture.keyRefs[fixture.next()]));
    }
}
