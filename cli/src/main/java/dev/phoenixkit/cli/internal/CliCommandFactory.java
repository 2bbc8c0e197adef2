package dev.phoenixkit.cli.internal;

import dev.phoenixkit.cli.CliEnvironment;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Creates picocli's command objects and hands each leaf command the process environment.
 */
public final class CliCommandFactory implements CommandLine.IFactory {

    private final CliEnvironment environment;
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

    /**
     * @param environment the environment every command gets
     */
    public CliCommandFactory(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K instance = defaults.create(type);
        if (instance instanceof CliCommand command) {
            command.environment(environment);
        }
        return instance;
    }
}
