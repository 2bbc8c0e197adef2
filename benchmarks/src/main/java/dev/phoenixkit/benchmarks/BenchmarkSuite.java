package dev.phoenixkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Runs the JMH suite and writes {@code results/results.json} plus {@code results/results.md}, a table of
 * library-to-baseline ratios.
 *
 * <p>Convention: every benchmark class measures one thing twice, in methods named {@code library} and
 * {@code baseline} (optionally also {@code floor}); the ratio is {@code library / baseline} of the average time per
 * operation, so below 1.0 means the library is faster than its baseline. The spread is the pessimistic and optimistic
 * ratio of the per-iteration extremes.
 *
 * <p>Usage: {@code BenchmarkSuite [short|full] [include-regex]}. {@code short} (1 fork, 2 warm-up and 3 measured
 * iterations of 1 s) fits in a few minutes on 2 cores; {@code full} (3 forks, 5 × 2 s warm-up, 10 × 2 s measured) is
 * what the committed results use when time allows.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    /**
     * @param args mode ({@code short} or {@code full}) and an optional regex selecting benchmarks
     * @throws RunnerException when JMH fails
     * @throws IOException     when the results cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        String mode = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "short";
        String include = args.length > 1 ? args[1] : ".*";
        Path results = Path.of("results");
        Files.createDirectories(results);

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .exclude(BenchmarkSuite.class.getName())
                .timeUnit(TimeUnit.MICROSECONDS)
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xmx2g")
                .resultFormat(ResultFormatType.JSON)
                .result(results.resolve("results.json").toString());
        if (mode.equals("full")) {
            options.forks(3).warmupIterations(5).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(10).measurementTime(TimeValue.seconds(2));
        } else if (mode.equals("short")) {
            options.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        } else {
            throw new IllegalArgumentException("mode must be 'short' or 'full', was '" + args[0] + "'");
        }
        Collection<RunResult> runs = new Runner(options.build()).run();
        String table = RatioTable.render(runs, mode);
        Files.writeString(results.resolve("results.md"), table);
        System.out.println(table);
    }

    /** Renders the Markdown ratio table. */
    static final class RatioTable {
        private RatioTable() {
        }

        static String render(Collection<RunResult> runs, String mode) {
            Map<String, Map<String, RunResult>> byGroup = new TreeMap<>();
            for (RunResult run : runs) {
                String label = run.getParams().getBenchmark();
                int dot = label.lastIndexOf('.');
                String group = label.substring(0, dot).replace("dev.phoenixkit.benchmarks.", "")
                        + paramsOf(run);
                byGroup.computeIfAbsent(group, key -> new TreeMap<>()).put(label.substring(dot + 1), run);
            }
            StringBuilder out = new StringBuilder();
            out.append("# Benchmark results\n\n")
                    .append("- date: ").append(LocalDate.now(ZoneOffset.UTC)).append('\n')
                    .append("- mode: ").append(mode).append('\n')
                    .append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                    .append(System.getProperty("java.version")).append('\n')
                    .append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                    .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                    .append("\n\n")
                    .append("| benchmark | library µs/op | baseline µs/op | ratio | ratio spread (min–max) |"
                            + " floor µs/op |\n")
                    .append("|---|---:|---:|---:|---|---:|\n");
            for (Map.Entry<String, Map<String, RunResult>> entry : byGroup.entrySet()) {
                RunResult library = entry.getValue().get("library");
                RunResult baseline = entry.getValue().get("baseline");
                RunResult floor = entry.getValue().get("floor");
                if (library == null || baseline == null) {
                    continue;
                }
                double lib = library.getPrimaryResult().getScore();
                double base = baseline.getPrimaryResult().getScore();
                double[] libRange = range(library);
                double[] baseRange = range(baseline);
                out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %.3f–%.3f | %s |%n",
                        entry.getKey(), lib, base, lib / base, libRange[0] / baseRange[1],
                        libRange[1] / baseRange[0],
                        floor == null ? "" : String.format(Locale.ROOT, "%.2f",
                                floor.getPrimaryResult().getScore())));
            }
            return out.toString();
        }

        private static String paramsOf(RunResult run) {
            List<String> parts = new ArrayList<>();
            for (String key : run.getParams().getParamsKeys()) {
                parts.add(key + "=" + run.getParams().getParam(key));
            }
            return parts.isEmpty() ? "" : " " + String.join(",", parts);
        }

        private static double[] range(RunResult run) {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (var iteration : run.getBenchmarkResults()) {
                for (var result : iteration.getIterationResults()) {
                    double score = result.getPrimaryResult().getScore();
                    min = Math.min(min, score);
                    max = Math.max(max, score);
                }
            }
            return new double[] {min, max};
        }
    }
}
