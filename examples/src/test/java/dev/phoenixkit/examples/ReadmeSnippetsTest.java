package dev.phoenixkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} block of README.md is code the build compiles: the block must follow a line
 * {@code <!-- snippet: NAME [NAME…] -->} and equal, whitespace-normalised, the regions of those names
 * ({@code // region NAME} … {@code // endregion}) in any {@code .java} file under a module's (or a nested module's)
 * {@code src/}, joined in
 * order. See "README snippets" in docs/architecture.md.
 */
class ReadmeSnippetsTest {
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([^>]*?)\\s*-->\\s*$");
    private static final Pattern REGION = Pattern.compile("^\\s*//\\s*region\\s+(\\S+)\\s*$");
    private static final Pattern END_REGION = Pattern.compile("^\\s*//\\s*endregion\\s*$");

    private static Path root() {
        return Path.of(System.getProperty("phoenixkit.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    @Test
    void readmeWhenCheckedThenEveryJavaBlockEqualsItsCompiledRegions() throws IOException {
        Path root = root();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        Map<String, String> regions = regions(root);

        List<String> problems = check(readme, regions);

        assertEquals(List.of(), problems, "README.md snippets out of step with their compiled regions");
        assertTrue(javaBlocks(readme) >= 4, "README.md has its java snippets");
    }

    @Test
    void checkWhenBlockDriftsOrHasNoMarkerOrUnknownRegionThenEachIsAProblem() {
        Map<String, String> regions = Map.of("a", "int x = 1;\nint y = 2;", "b", "import java.util.List;");
        String readme = """
                <!-- snippet: b a -->
                ```java
                import java.util.List;

                int x =    1;
                    int y = 2;
                ```
                <!-- snippet: a -->
                ```java
                int x = 1;
                int y = 3;
                ```
                ```java
                int z;
                ```
                <!-- snippet: missing -->
                ```java
                int x = 1;
                ```
                """;

        List<String> problems = check(readme, regions);

        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("line 9") && problems.get(0).contains("'a'"), problems::toString);
        assertTrue(problems.get(1).contains("no <!-- snippet: NAME --> line"), problems::toString);
        assertTrue(problems.get(2).contains("no region 'missing'"), problems::toString);
    }

    /** @return one message per java block that is unmarked, names an unknown region or differs from its regions */
    static List<String> check(String readme, Map<String, String> regions) {
        List<String> problems = new ArrayList<>();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i;
            List<String> block = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                block.add(lines.get(i));
            }
            String where = "README.md line " + (start + 1);
            Matcher marker = start > 0 ? MARKER.matcher(lines.get(start - 1)) : null;
            if (marker == null || !marker.matches()) {
                problems.add(where + ": java block with no <!-- snippet: NAME --> line right before it");
                continue;
            }
            StringBuilder expected = new StringBuilder();
            boolean known = true;
            for (String name : marker.group(1).split("\\s+")) {
                String region = regions.get(name);
                if (region == null) {
                    problems.add(where + ": no region '" + name + "' in any src/**/*.java");
                    known = false;
                } else {
                    expected.append(region).append('\n');
                }
            }
            if (known && !normalise(expected.toString()).equals(normalise(String.join("\n", block)))) {
                problems.add(where + ": differs from region(s) '" + marker.group(1) + "'; expected:\n"
                        + expected.toString().strip());
            }
        }
        return problems;
    }

    /** Lines trimmed, runs of whitespace made one space, blank lines dropped. */
    static String normalise(String text) {
        return text.lines()
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static int javaBlocks(String readme) {
        return (int)
                readme.lines().filter(line -> line.strip().equals("```java")).count();
    }

    /** Every region of every .java file under a module's src/ folder. */
    static Map<String, String> regions(Path root) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> modules = Files.list(root)) {
            files = modules.flatMap(ReadmeSnippetsTest::withNestedModules)
                    .map(module -> module.resolve("src"))
                    .filter(Files::isDirectory)
                    .flatMap(ReadmeSnippetsTest::javaFiles)
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String current = null;
            StringBuilder text = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher start = REGION.matcher(line);
                if (current == null && start.matches()) {
                    current = start.group(1);
                    text.setLength(0);
                } else if (current != null && END_REGION.matcher(line).matches()) {
                    String previous = regions.put(current, text.toString());
                    if (previous != null) {
                        throw new IllegalStateException(
                                "region '" + current + "' defined twice (again in " + file + ")");
                    }
                    current = null;
                } else if (current != null) {
                    text.append(line).append('\n');
                }
            }
        }
        return regions;
    }

    /** A top-level folder and the folders directly inside it (nested modules such as examples/spring-sample). */
    private static Stream<Path> withNestedModules(Path module) {
        if (!Files.isDirectory(module) || !Files.isRegularFile(module.resolve("pom.xml"))) {
            return Stream.of(module);
        }
        try (Stream<Path> children = Files.list(module)) {
            List<Path> nested = children.filter(child -> Files.isRegularFile(child.resolve("pom.xml")))
                    .toList();
            return Stream.concat(Stream.of(module), nested.stream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path src) {
        try {
            return Files.walk(src).filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
