package dev.phoenixkit.benchmarks;

import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * P2 (resolve): {@code resolveToUuid("provider:name")}, {@value ConnectionsFixture#CONNECTIONS} connections in the
 * table.
 *
 * <ul>
 *   <li>{@code library}: {@code integrations.resolveToUuid("openrouter:conn-17")};</li>
 *   <li>{@code baseline}: a raw JDBC prepared {@code SELECT uuid … WHERE key = ?} with the storage key built by
 *       hand.</li>
 * </ul>
 */
@RatioTarget(id = "P2", maxRatio = 1.2)
@BenchmarkMode(Mode.AverageTime)
public class ResolveToUuidBenchmark {
    private static final String SELECT_UUID_BY_KEY = "SELECT uuid FROM public.phoenix_kit_settings WHERE key = ?";

    /**
     * @param fixture the connections
     * @return the uuid
     */
    @Benchmark
    public UUID library(ConnectionsFixture fixture) {
        return fixture.integrations.resolveToUuid(fixture.keyRefs[fixture.next()]);
    }

    /**
     * @param fixture the connections
     * @return the uuid
     */
    @Benchmark
    public UUID baseline(ConnectionsFixture fixture) {
        return UUID.fromString(fixture.selectOne(SELECT_UUID_BY_KEY, "integration:" + fixture.keyRefs[fixture.next()]));
    }
}
