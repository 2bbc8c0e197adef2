package dev.phoenixkit.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;

/**
 * The P6 section of {@code results.md}: reads the side results {@link RefreshStormBenchmark} forks write
 * ({@code results/p6-storm-<latency>ms.txt}) and sets the p99 caller latency against the mean of one plain refresh
 * measured in the same run. Stateless.
 */
final class StormReport {
    private static final String FILE_GLOB = "p6-storm-*ms.txt";

    private StormReport() {}

    /**
     * Deletes side results of earlier runs.
     *
     * @param results the results directory
     * @throws IOException when a file cannot be deleted
     */
    static void clear(Path results) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(results, FILE_GLOB)) {
            for (Path file : files) {
                Files.delete(file);
            }
        }
    }

    /**
     * @param results the results directory
     * @param runs    every JMH result of the run
     * @return the Markdown section, or {@code ""} when P6 did not run
     * @throws IOException when a side result cannot be read
     */
    static String render(Path results, Collection<RunResult> runs) throws IOException {
        StringBuilder out = new StringBuilder();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(results, FILE_GLOB)) {
            for (Path file : files) {
                Properties storm = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    storm.load(reader);
                }
                appendRow(out, storm, baselineMean(runs, storm.getProperty("tokenLatencyMs")));
            }
        }
        if (out.length() == 0) {
            return "";
        }
        return "\n## P6 refresh storm: token calls and caller latency\n\n"
                + "Targets: exactly 1 token-endpoint call per storm; p99 caller latency ≤ 2× one plain refresh (the"
                + " baseline's mean in this run). Latencies are from the release of all callers to each call's"
                + " return, over every measured shot.\n\n"
                + "| token endpoint latency | callers × shots | token calls per storm | failed calls | p50 | p99 |"
                + " max | one refresh (mean) | p99 / one refresh | met |\n"
                + "|---:|---:|---|---:|---:|---:|---:|---:|---:|---|\n" + out;
    }

    private static void appendRow(StringBuilder out, Properties storm, double baselineMs) {
        String calls = storm.getProperty("tokenCalls", "");
        boolean exactlyOne = !calls.isEmpty() && Arrays.stream(calls.split(",")).allMatch("1"::equals);
        double p99 = Double.parseDouble(storm.getProperty("p99Ms"));
        double ratio = p99 / baselineMs;
        boolean met = exactlyOne && ratio <= 2.0 && "0".equals(storm.getProperty("failedCalls"));
        out.append(String.format(
                Locale.ROOT,
                "| %s ms | %s × %s | %s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |" + " %.2f | %s |%n",
                storm.getProperty("tokenLatencyMs"),
                storm.getProperty("callers"),
                storm.getProperty("shots"),
                calls,
                storm.getProperty("failedCalls"),
                Double.parseDouble(storm.getProperty("p50Ms")),
                p99,
                Double.parseDouble(storm.getProperty("maxMs")),
                baselineMs,
                ratio,
                met ? "yes" : "**no**"));
    }

    private static double baselineMean(Collection<RunResult> runs, String tokenLatencyMs) {
        for (RunResult run : runs) {
            if (run.getParams().getBenchmark().equals(RefreshStormBenchmark.class.getName() + ".baseline")
                    && tokenLatencyMs.equals(run.getParams().getParam("tokenLatencyMs"))) {
                return run.getPrimaryResult().getScore();
            }
        }
        return Double.NaN;
    }
}
