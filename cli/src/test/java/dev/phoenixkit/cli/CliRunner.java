package dev.phoenixkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in this JVM with a chosen environment and captures what it prints. */
final class CliRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run's outcome. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }

        JsonNode errorJson() {
            try {
                return JSON.readTree(err);
            } catch (Exception e) {
                throw new AssertionError("stderr is not JSON: " + err, e);
            }
        }
    }

    private final Map<String, String> variables = new HashMap<>();
    private final ProviderRegistry providers;
    private final List<Result> history = new ArrayList<>();
    private CliEnvironment.Terminal terminal;

    CliRunner(TestDatabase database, ProviderRegistry providers) {
        this.providers = providers;
        if (database != null) {
            variables.put("PHOENIXKIT_DB_URL", database.jdbcUrl());
            variables.put("PHOENIXKIT_DB_USER", database.user());
            if (database.password() != null) {
                variables.put("PHOENIXKIT_DB_PASSWORD", database.password());
            }
        }
    }

    CliRunner env(String name, String value) {
        if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
        return this;
    }

    CliRunner terminal(CliEnvironment.Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = CliEnvironment.builder()
                .variables(variables)
                .in(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .terminal(terminal)
                .providers(providers)
                .build();
        int code = PhoenixKitCli.run(environment, args);
        Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        history.add(result);
        return result;
    }

    /** @return everything every run of this runner printed, stdout and stderr */
    String everythingPrinted() {
        StringBuilder all = new StringBuilder();
        for (Result result : history) {
            all.append(result.out()).append('\n').append(result.err()).append('\n');
        }
        return all.toString();
    }
}
