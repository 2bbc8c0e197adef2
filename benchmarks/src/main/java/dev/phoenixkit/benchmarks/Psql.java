package dev.phoenixkit.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the {@code psql} command-line client, the floor of the migration benchmark (P3). Stateless and thread-safe.
 */
final class Psql {
    private static final Path DEBIAN_LOCATION = Path.of("/usr/bin/psql");

    private Psql() {}

    /**
     * @return the psql executable: the first on {@code PATH}, else {@code /usr/bin/psql}; empty when there is none
     */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "psql");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Files.isExecutable(DEBIAN_LOCATION) ? Optional.of(DEBIAN_LOCATION) : Optional.empty();
    }

    /**
     * @param psql the executable
     * @return its {@code --version} line, or {@code "unknown version"}
     */
    static String version(Path psql) {
        try {
            Process process = new ProcessBuilder(psql.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return out;
        } catch (IOException e) {
            return "unknown version";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown version";
        }
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    /**
     * Runs {@code psql -X -q -v ON_ERROR_STOP=1 -f script} against a database of the embedded server (trust
     * authentication on loopback), with notices suppressed.
     *
     * @param psql    the executable
     * @param jdbcUrl the database, e.g. {@code jdbc:postgresql://localhost:5432/db}
     * @param user    the user
     * @param script  the SQL file
     * @param stderr  where psql's error output goes (read when it fails)
     * @throws IllegalStateException when psql exits with a non-zero status
     */
    static void runFile(Path psql, String jdbcUrl, String user, Path script, Path stderr) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(
                psql.toString(),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort()),
                "-d",
                uri.getPath().substring(1),
                "-f",
                script.toString()));
        String effectiveUser = user != null ? user : queryParameter(uri.getQuery(), "user");
        if (effectiveUser != null) {
            command.add("-U");
            command.add(effectiveUser);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().put("PGOPTIONS", "-c client_min_messages=warning");
        try {
            int status = builder.start().waitFor();
            if (status != 0) {
                throw new IllegalStateException("psql -f " + script + " exited with " + status + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + psql + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while psql ran " + script, e);
        }
    }
}
