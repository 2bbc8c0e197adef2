package dev.phoenixkit.cli;

import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the CLI reads from and writes to: environment variables, standard streams, the terminal (for hidden
 * prompts and confirmations), the provider registry and the clock. {@link #system()} is the real process; tests
 * build their own with {@link #builder()}. Immutable.
 */
public final class CliEnvironment {

    /**
     * A terminal the CLI may ask questions on. Absent when the CLI runs without one (a pipe, CI), in which case
     * commands that would prompt refuse with {@link ExitCode#USAGE} and say which flag or variable to use instead.
     */
    public interface Terminal {
        /**
         * Reads a secret without echoing it.
         *
         * @param prompt what to ask
         * @return what was typed, or {@code null} at end of input
         */
        char[] readSecret(String prompt);

        /**
         * Reads a line, echoed.
         *
         * @param prompt what to ask
         * @return what was typed, or {@code null} at end of input
         */
        String readLine(String prompt);
    }

    private final Map<String, String> variables;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Terminal terminal;
    private final Supplier<ProviderRegistry> providers;
    private final Clock clock;

    private CliEnvironment(Builder builder) {
        this.variables = Map.copyOf(builder.variables);
        this.in = builder.in;
        this.out = builder.out;
        this.err = builder.err;
        this.terminal = builder.terminal;
        this.providers = builder.providers;
        this.clock = builder.clock;
    }

    /**
     * The running process: {@link System#getenv()}, the standard streams, {@link System#console()} as terminal,
     * {@link ProviderRegistry#loadDefault()} and the system clock.
     *
     * @return the process's environment
     */
    public static CliEnvironment system() {
        Console console = System.console();
        Builder builder = builder()
                .variables(System.getenv())
                .in(System.in)
                .out(System.out)
                .err(System.err);
        if (console != null) {
            builder.terminal(new Terminal() {
                @Override
                public char[] readSecret(String prompt) {
                    return console.readPassword("%s", prompt);
                }

                @Override
                public String readLine(String prompt) {
                    return console.readLine("%s", prompt);
                }
            });
        }
        return builder.build();
    }

    /** @return a builder starting from empty variables, no input, discarded output, no terminal */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An environment variable.
     *
     * @param name the variable's name
     * @return its value, if set and not blank
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    /** @return standard input */
    public InputStream in() {
        return in;
    }

    /** @return standard output: the command's result */
    public PrintStream out() {
        return out;
    }

    /** @return standard error: messages and errors */
    public PrintStream err() {
        return err;
    }

    /** @return the terminal, if the CLI runs on one */
    public Optional<Terminal> terminal() {
        return Optional.ofNullable(terminal);
    }

    /** @return the provider registry the commands use */
    public ProviderRegistry providers() {
        return providers.get();
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "CliEnvironment[variables=" + variables.keySet() + ", terminal=" + (terminal != null) + "]";
    }

    /** Builds a {@link CliEnvironment}. Not thread-safe. */
    public static final class Builder {
        private Map<String, String> variables = Map.of();
        private InputStream in = InputStream.nullInputStream();
        private PrintStream out = new PrintStream(java.io.OutputStream.nullOutputStream(), true);
        private PrintStream err = new PrintStream(java.io.OutputStream.nullOutputStream(), true);
        private Terminal terminal;
        private Supplier<ProviderRegistry> providers = ProviderRegistry::loadDefault;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * @param variables the environment variables
         * @return this builder
         */
        public Builder variables(Map<String, String> variables) {
            this.variables = Objects.requireNonNull(variables, "variables");
            return this;
        }

        /**
         * @param in standard input
         * @return this builder
         */
        public Builder in(InputStream in) {
            this.in = Objects.requireNonNull(in, "in");
            return this;
        }

        /**
         * @param out standard output
         * @return this builder
         */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /**
         * @param err standard error
         * @return this builder
         */
        public Builder err(PrintStream err) {
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * @param terminal the terminal for prompts, or {@code null} for none
         * @return this builder
         */
        public Builder terminal(Terminal terminal) {
            this.terminal = terminal;
            return this;
        }

        /**
         * @param providers the provider registry to use
         * @return this builder
         */
        public Builder providers(ProviderRegistry providers) {
            Objects.requireNonNull(providers, "providers");
            this.providers = () -> providers;
            return this;
        }

        /**
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the environment */
        public CliEnvironment build() {
            return new CliEnvironment(this);
        }
    }
}
