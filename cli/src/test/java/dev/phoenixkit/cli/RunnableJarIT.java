package dev.phoenixkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The built runnable jar, started as its own process with only environment variables for configuration. */
class RunnableJarIT {

    private static final String SECRET = "runnable-jar-test-secret-key-base-0123456789";

    private TestDatabase database;

    @BeforeEach
    void emptyDatabase() {
        database = PostgresServer.shared().createEmptyDatabase();
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void jarMigratesInspectsAndManagesConnectionsFromTheEnvironment() throws Exception {
        Outcome help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes").contains("migrate").contains("connections");

        Outcome pending = run("info", "--check");
        assertThat(pending.exitCode()).isEqualTo(3);

        Outcome migrated = run("migrate", "--json");
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(json(migrated.out()).get("toVersion").asInt()).isEqualTo(107);

        Outcome added = run("connections", "add", "openrouter", "from-jar", "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(json(run("connections", "list", "--json").out())
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("from-jar");

        Outcome noUrl = runWithout("PHOENIXKIT_DB_URL", "info");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("PHOENIXKIT_DB_URL");
        assertThat(help.out() + pending.out() + migrated.out() + migrated.err() + added.out() + added.err())
                .doesNotContain(SECRET);
    }

    private record Outcome(int exitCode, String out, String err) {}

    private Outcome run(String... args) throws IOException, InterruptedException {
        return runWithout(null, args);
    }

    private Outcome runWithout(String unset, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("cli.jar", "target/phoenixkit-cli.jar"));
        assertThat(jar).as("run 'mvn verify' so the jar is built first").exists();
        List<String> command = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("PHOENIXKIT_DB_URL", database.jdbcUrl());
        env.put("PHOENIXKIT_DB_USER", database.user());
        if (database.password() != null) {
            env.put("PHOENIXKIT_DB_PASSWORD", database.password());
        }
        env.put("PHOENIXKIT_SECRET_KEY_BASE", SECRET);
        if (unset != null) {
            env.remove(unset);
        }
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish: " + command);
        }
        Outcome outcome = new Outcome(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return outcome;
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
