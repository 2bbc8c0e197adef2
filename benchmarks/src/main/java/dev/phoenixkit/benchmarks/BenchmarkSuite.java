package dev.phoenixkit.benchmarks;

import dev.phoenixkit.testkit.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the JMH suite and writes {@code results/results.json} plus {@code results/results.md}, a table of
 * library-to-baseline ratios (see {@link ResultsTable}).
 *
 * <p>Convention: every benchmark class measures one thing twice, in methods named {@code library} and
 * {@code baseline} (optionally also {@code floor}); the ratio is {@code library / baseline} of the mean time per
 * operation, so below 1.0 means the library is faster than its baseline. {@link RatioTarget} on the class names the
 * issue's target.
 *
 * <p>Two kinds of benchmark run with different settings:
 * <ul>
 *   <li>time-based ({@code AverageTime}): {@code short} is 1 fork, 2 × 1 s warm-up, 3 × 1 s measured;
 *       {@code full} is 3 forks, 5 × 2 s warm-up, 10 × 2 s measured; reported in µs/op;</li>
 *   <li>{@code SingleShotTime} (each iteration is one operation on freshly prepared state: migrations, backfill,
 *       refresh storm), run class by class: {@code short} is 1 fork with the class's own {@code @Warmup} and
 *       {@code @Measurement} iteration counts (default 1 and 5); {@code full} is 2 forks with twice the measured
 *       shots; reported in ms/op.</li>
 * </ul>
 *
 * <p>Usage: {@code BenchmarkSuite [short|full] [include-regex]}; the regex is matched (find) against
 * {@code dev.phoenixkit.benchmarks.<Class>.<method>}.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {}

    /**
     * @param args mode ({@code short} or {@code full}) and an optional regex selecting benchmarks
     * @throws RunnerException when JMH fails
     * @throws IOException     when the results cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        String mode = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "short";
        if (!mode.equals("short") && !mode.equals("full")) {
            throw new IllegalArgumentException("mode must be 'short' or 'full', was '" + args[0] + "'");
        }
        String include = args.length > 1 && !args[1].isBlank() ? args[1] : ".*";
        Path results = Path.of("results");
        Files.createDirectories(results);
        StormReport.clear(results);
        PropagationReport.clear(results);
        String serverUrl = sharedServerUrl();
        String loadBefore = loadAverage();

        List<String> notes = new ArrayList<>();
        List<String> timed = new ArrayList<>();
        Map<String, List<String>> singleShot = new TreeMap<>();
        for (BenchmarkListEntry entry : selected(include)) {
            String name = entry.getUsername();
            if (name.startsWith(FreshMigrateBenchmark.class.getName() + ".floor")
                    && Psql.find().isEmpty()) {
                notes.add("P3 floor skipped: no psql on PATH or at /usr/bin/psql, so there is no psql -f floor.");
                continue;
            }
            if (entry.getMode() == Mode.SingleShotTime) {
                singleShot
                        .computeIfAbsent(entry.getUserClassQName(), k -> new ArrayList<>())
                        .add(name);
            } else {
                timed.add(name);
            }
        }

        List<RunResult> runs = new ArrayList<>();
        if (!timed.isEmpty()) {
            runs.addAll(new Runner(timedOptions(mode, timed, serverUrl).build()).run());
        }
        for (Map.Entry<String, List<String>> shots : singleShot.entrySet()) {
            runs.addAll(new Runner(singleShotOptions(mode, shots.getKey(), shots.getValue(), serverUrl)
                            .build())
                    .run());
        }
        Databases.dropAllStartingWith(BackfillBenchmark.TEMPLATE_PREFIX);

        try (PrintStream json = new PrintStream(
                Files.newOutputStream(results.resolve("results.json")), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(runs);
        }
        notes.add("Load average (1/5/15 min) before the run: " + loadBefore + "; after: " + loadAverage()
                + ". The machine has 2 cores shared with other engineers' builds and tests: ratios are taken from"
                + " the same run, but absolute times (and spreads) are noisy when the load is above ~1.");
        String table = ResultsTable.render(
                runs,
                mode,
                environment(),
                StormReport.render(results, runs) + PropagationReport.render(results),
                notes);
        Files.writeString(results.resolve("results.md"), table);
        System.out.println(table);
    }

    private static SortedSet<BenchmarkListEntry> selected(String include) {
        return BenchmarkList.defaultList()
                .find(
                        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                        List.of(include),
                        List.of(BenchmarkSuite.class.getName()));
    }

    /**
     * JVM arguments of every fork. {@code sun.net.httpserver.nodelay} switches TCP_NODELAY on for the JDK
     * {@code HttpServer} behind the testkit's fake provider server: without it every response waits for the client's
     * delayed ACK (Nagle), about 40 ms per request on Linux loopback, which would swamp P5 and P6.
     */
    /** The testkit's system property naming an external server; the suite sets it for the forks. */
    static final String SERVER_URL_PROPERTY = "phoenixkit.test.db.url";

    static final String[] FORK_JVM_ARGS = {"-Xmx2g", "-Dsun.net.httpserver.nodelay=true"};

    /**
     * Starts this JVM's PostgreSQL (the testkit's choice: embedded unless an external server is configured) and
     * returns the URL the forks use to reach it, so every fork shares one server: no per-fork start-up, and P4's
     * templates are built once per run.
     *
     * @return the JDBC URL of the server's maintenance database for the forks, or {@code null} when the forks find
     *         it themselves (an external server given in the environment, which they inherit)
     */
    private static String sharedServerUrl() {
        String configured = System.getProperty(SERVER_URL_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String fromEnvironment = System.getenv(PostgresServer.URL_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return null;
        }
        if (PostgresServer.shared().adminDataSource() instanceof PGSimpleDataSource admin) {
            return "jdbc:postgresql://" + admin.getServerNames()[0] + ":" + admin.getPortNumbers()[0] + "/"
                    + admin.getDatabaseName() + "?user=" + admin.getUser();
        }
        return null;
    }

    private static ChainedOptionsBuilder common(List<String> names, String serverUrl) {
        List<String> jvmArgs = new ArrayList<>(List.of(FORK_JVM_ARGS));
        if (serverUrl != null) {
            jvmArgs.add("-D" + SERVER_URL_PROPERTY + "=" + serverUrl);
        }
        // one call: jvmArgsAppend replaces what an earlier call set
        ChainedOptionsBuilder options =
                new OptionsBuilder().shouldFailOnError(true).jvmArgsAppend(jvmArgs.toArray(String[]::new));
        names.forEach(name -> options.include("^" + Pattern.quote(name) + "$"));
        return options;
    }

    private static ChainedOptionsBuilder timedOptions(String mode, List<String> names, String serverUrl) {
        ChainedOptionsBuilder options = common(names, serverUrl).timeUnit(TimeUnit.MICROSECONDS);
        return mode.equals("full")
                ? options.forks(3)
                        .warmupIterations(5)
                        .warmupTime(TimeValue.seconds(2))
                        .measurementIterations(10)
                        .measurementTime(TimeValue.seconds(2))
                : options.forks(1)
                        .warmupIterations(2)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(3)
                        .measurementTime(TimeValue.seconds(1));
    }

    private static ChainedOptionsBuilder singleShotOptions(
            String mode, String className, List<String> names, String serverUrl) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Benchmark class " + className + " is not on the class path", e);
        }
        Warmup warmup = type.getAnnotation(Warmup.class);
        Measurement measurement = type.getAnnotation(Measurement.class);
        int warmups = warmup == null ? 1 : warmup.iterations();
        int shots = measurement == null ? 5 : measurement.iterations();
        ChainedOptionsBuilder options = common(names, serverUrl).timeUnit(TimeUnit.MILLISECONDS);
        return mode.equals("full")
                ? options.forks(2).warmupIterations(warmups).measurementIterations(2 * shots)
                : options.forks(1).warmupIterations(warmups).measurementIterations(shots);
    }

    private static List<String> environment() {
        Runtime runtime = Runtime.getRuntime();
        List<String> lines = new ArrayList<>();
        lines.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "); forks run with "
                + String.join(" ", FORK_JVM_ARGS));
        lines.add("machine: " + runtime.availableProcessors() + " cores, " + cpuModel() + ", "
                + (memoryKb() / 1024 / 1024) + " GiB RAM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        lines.add("database: " + PostgresServer.shared().description() + " (testkit; embedded = zonky binaries with"
                + " fsync/synchronous_commit off), started by the suite and shared by every JMH fork, on loopback");
        Psql.find().ifPresent(psql -> lines.add("psql (P3 floor): " + Psql.version(psql)));
        return lines;
    }

    private static String cpuModel() {
        return firstLineValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static long memoryKb() {
        return firstLineValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.parseLong(value.replace("kB", "").trim()))
                .orElse(0L);
    }

    private static Optional<String> firstLineValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
