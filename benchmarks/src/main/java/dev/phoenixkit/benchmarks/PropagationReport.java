package dev.phoenixkit.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The P9 section of {@code results.md}: reads the side result {@link CrossNodeInvalidationBenchmark} writes
 * ({@code results/p9-propagation.txt}) and sets its p99 against the target. Stateless.
 */
final class PropagationReport {
    private PropagationReport() {}

    /**
     * Deletes the side result of an earlier run.
     *
     * @param results the results directory
     * @throws IOException when the file cannot be deleted
     */
    static void clear(Path results) throws IOException {
        Files.deleteIfExists(results.resolve(CrossNodeInvalidationBenchmark.FILE));
    }

    /**
     * @param results the results directory
     * @return the Markdown section, or {@code ""} when P9 did not run
     * @throws IOException when the side result cannot be read
     */
    static String render(Path results) throws IOException {
        Path file = results.resolve(CrossNodeInvalidationBenchmark.FILE);
        if (!Files.exists(file)) {
            return "";
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        double p99 = Double.parseDouble(p.getProperty("startP99Ms"));
        boolean met =
                p99 <= CrossNodeInvalidationBenchmark.TARGET_P99_MS && Long.parseLong(p.getProperty("writes")) > 0;
        return String.format(
                Locale.ROOT,
                "%n## P9 cross-node invalidation: a write on one instance seen by another's cache%n%n"
                        + "Two instances (own pools, own LISTEN/NOTIFY bridges, one database). Per write: the reader's"
                        + " cache holds the row (checked); the writer's `saveSetup` commits and notifies; the reader"
                        + " polls `getCredentials` every ~20 µs until it returns the new value. Target: p99 ≤ %.0f ms,"
                        + " judged from the start of the write call. The reader's cache hits/misses include every"
                        + " poll.%n%n"
                        + "| measured from | writes | p50 | p99 | max | target | met |%n"
                        + "|---|---:|---:|---:|---:|---|---|%n"
                        + "| start of the write call | %s | %.2f ms | %.2f ms | %.2f ms | p99 ≤ %.0f ms | %s |%n"
                        + "| return of the write (commit) | %s | %.2f ms | %.2f ms | %.2f ms |  |  |%n%n"
                        + "Reader cache: %s hits, %s misses.%n",
                CrossNodeInvalidationBenchmark.TARGET_P99_MS,
                p.getProperty("writes"),
                Double.parseDouble(p.getProperty("startP50Ms")),
                p99,
                Double.parseDouble(p.getProperty("startMaxMs")),
                CrossNodeInvalidationBenchmark.TARGET_P99_MS,
                met ? "yes" : "**no**",
                p.getProperty("writes"),
                Double.parseDouble(p.getProperty("commitP50Ms")),
                Double.parseDouble(p.getProperty("commitP99Ms")),
                Double.parseDouble(p.getProperty("commitMaxMs")),
                p.getProperty("readerHits"),
                p.getProperty("readerMisses"));
    }
}
