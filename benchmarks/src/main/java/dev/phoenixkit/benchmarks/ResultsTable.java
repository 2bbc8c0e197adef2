package dev.phoenixkit.benchmarks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;

/**
 * Renders {@code results.md}: per benchmark class (and parameter combination) the {@code library}, {@code baseline}
 * and optional {@code floor} times, the ratios with their min–max spread, and the target next to them.
 *
 * <p>The ratio is {@code library / baseline} of the mean time per operation. The spread is the pessimistic and
 * optimistic ratio of the per-iteration extremes (slowest library iteration over fastest baseline iteration, and
 * the other way round), so a spread whose upper end is under the target means the target holds in every pairing.
 *
 * <p>Not thread-safe; used once per run.
 */
final class ResultsTable {
    private static final String PACKAGE_PREFIX = "dev.phoenixkit.benchmarks.";

    private ResultsTable() {}

    /**
     * @param runs        every JMH result of the run
     * @param mode        {@code short} or {@code full}
     * @param environment lines describing the machine and the run (already formatted)
     * @param sections    further Markdown sections, placed before the notes
     * @param notes       free-form notes, one per line
     * @return the Markdown document
     */
    static String render(
            Collection<RunResult> runs, String mode, List<String> environment, String sections, List<String> notes) {
        Map<String, Row> rows = new TreeMap<>();
        for (RunResult run : runs) {
            String benchmark = run.getParams().getBenchmark();
            int dot = benchmark.lastIndexOf('.');
            String className = benchmark.substring(0, dot);
            String key = className + paramsOf(run);
            rows.computeIfAbsent(key, k -> new Row(className, paramsOf(run).trim()))
                    .put(benchmark.substring(dot + 1), run);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results\n\n");
        out.append("- date: ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(" (UTC)\n");
        out.append("- mode: ").append(mode).append('\n');
        environment.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append('\n');
        out.append("| id | benchmark | params | library | baseline | ratio | ratio spread (min–max) | target | met |"
                + " floor | library/floor | floor spread | floor target | met |\n");
        out.append("|---|---|---|---:|---:|---:|---|---|---|---:|---:|---|---|---|\n");
        for (Row row : rows.values()) {
            row.appendTo(out);
        }
        appendScaling(out, rows.values());
        out.append(sections);
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static void appendScaling(StringBuilder out, Collection<Row> rows) {
        Map<String, List<Row>> byClass = new TreeMap<>();
        for (Row row : rows) {
            RatioTarget target = row.target();
            if (target != null && !target.scalingParam().isEmpty()) {
                byClass.computeIfAbsent(row.className, k -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<String, List<Row>> entry : byClass.entrySet()) {
            List<Row> sized = new ArrayList<>(entry.getValue());
            String param = sized.get(0).target().scalingParam();
            sized.sort((a, b) -> Long.compare(a.paramValue(param), b.paramValue(param)));
            out.append("\n## Scaling of ")
                    .append(shortName(entry.getKey()))
                    .append(" with `")
                    .append(param)
                    .append("`\n\n")
                    .append("Time per 1,000 ")
                    .append(param)
                    .append(" (a linear cost keeps this constant); the last "
                            + "column is the growth of the time relative to the growth of `")
                    .append(param)
                    .append("` from the smallest size (1.00 = exactly linear).\n\n")
                    .append("| ")
                    .append(param)
                    .append(" | method | mean | per 1,000 | growth / size growth |\n")
                    .append("|---:|---|---:|---:|---:|\n");
            for (String method : List.of("library", "baseline")) {
                Row first = null;
                for (Row row : sized) {
                    RunResult run = row.methods.get(method);
                    if (run == null) {
                        continue;
                    }
                    if (first == null) {
                        first = row;
                    }
                    long size = row.paramValue(param);
                    long firstSize = first.paramValue(param);
                    double score = run.getPrimaryResult().getScore();
                    double firstScore =
                            first.methods.get(method).getPrimaryResult().getScore();
                    out.append(String.format(
                            Locale.ROOT,
                            "| %,d | %s | %s | %s | %.2f |%n",
                            size,
                            method,
                            time(score, unit(run)),
                            time(score * 1000.0 / size, unit(run)),
                            (score / firstScore) / ((double) size / firstSize)));
                }
            }
        }
    }

    private static String paramsOf(RunResult run) {
        List<String> parts = new ArrayList<>();
        for (String key : run.getParams().getParamsKeys()) {
            parts.add(key + "=" + run.getParams().getParam(key));
        }
        return parts.isEmpty() ? "" : " " + String.join(",", parts);
    }

    private static String shortName(String className) {
        return className.startsWith(PACKAGE_PREFIX) ? className.substring(PACKAGE_PREFIX.length()) : className;
    }

    private static String unit(RunResult run) {
        return run.getPrimaryResult().getScoreUnit().replace("/op", "").replace("us", "µs");
    }

    private static String time(double value, String unit) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f %s" : value >= 10 ? "%.1f %s" : "%.3f %s", value, unit);
    }

    /** Per-iteration minimum and maximum score of one benchmark method. */
    private static double[] range(RunResult run) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (var benchmarkResult : run.getBenchmarkResults()) {
            for (var iteration : benchmarkResult.getIterationResults()) {
                double score = iteration.getPrimaryResult().getScore();
                min = Math.min(min, score);
                max = Math.max(max, score);
            }
        }
        return new double[] {min, max};
    }

    /** One class and parameter combination with its methods' results. */
    private static final class Row {
        private final String className;
        private final String params;
        private final Map<String, RunResult> methods = new TreeMap<>();

        private Row(String className, String params) {
            this.className = className;
            this.params = params;
        }

        void put(String method, RunResult run) {
            methods.put(method, run);
        }

        RatioTarget target() {
            try {
                return Class.forName(className).getAnnotation(RatioTarget.class);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }

        long paramValue(String name) {
            for (RunResult run : methods.values()) {
                String value = run.getParams().getParam(name);
                if (value != null) {
                    return Long.parseLong(value);
                }
            }
            throw new IllegalStateException(className + " has no @Param " + name);
        }

        void appendTo(StringBuilder out) {
            RunResult library = methods.get("library");
            RunResult baseline = methods.get("baseline");
            if (library == null || baseline == null) {
                return;
            }
            RatioTarget target = target();
            RunResult floor = methods.get("floor");
            out.append("| ")
                    .append(target == null ? "" : target.id())
                    .append(" | ")
                    .append(shortName(className))
                    .append(" | ")
                    .append(params)
                    .append(" | ")
                    .append(time(library.getPrimaryResult().getScore(), unit(library)))
                    .append(" | ")
                    .append(time(baseline.getPrimaryResult().getScore(), unit(baseline)))
                    .append(ratioCells(library, baseline, target == null ? 0 : target.maxRatio()))
                    .append(" | ");
            if (floor == null) {
                out.append(" |  |  |  |  |\n");
            } else {
                out.append(time(floor.getPrimaryResult().getScore(), unit(floor)))
                        .append(ratioCells(library, floor, target == null ? 0 : target.maxFloorRatio()))
                        .append(" |\n");
            }
        }

        private static String ratioCells(RunResult numerator, RunResult denominator, double maxRatio) {
            double ratio = numerator.getPrimaryResult().getScore()
                    / denominator.getPrimaryResult().getScore();
            double[] top = range(numerator);
            double[] bottom = range(denominator);
            String met = maxRatio <= 0 ? "" : ratio <= maxRatio ? "yes" : "**no**";
            return String.format(
                    Locale.ROOT,
                    " | %.3f | %.3f–%.3f | %s | %s",
                    ratio,
                    top[0] / bottom[1],
                    top[1] / bottom[0],
                    maxRatio <= 0 ? "" : String.format(Locale.ROOT, "≤ %.2f×", maxRatio),
                    met);
        }
    }
}
