package dev.phoenixkit.integrations.module;

import dev.phoenixkit.integrations.Integrations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link IntegrationModule}s (PhoenixKit's {@code ModuleRegistry}), found through
 * {@link ServiceLoader} and/or registered explicitly, keyed by {@link IntegrationModule#key()}.
 *
 * <p>{@link #runAllLegacyMigrations()} runs every module's {@code migrateLegacy} in registration order, each on its
 * own daemon thread with a timeout (default {@link #DEFAULT_MIGRATION_TIMEOUT}), and never throws: a module that
 * throws, returns {@code null} or hangs is reported and logged, and the others still run. Call it once at start-up,
 * after migrating the schema.
 *
 * <p>Immutable once built (the set of modules is fixed by the {@link Builder}) and thread-safe.
 */
public final class ModuleRegistry {
    /** Default time one module's {@code migrateLegacy} may take: 5 minutes. */
    public static final Duration DEFAULT_MIGRATION_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Integrations integrations;
    private final Duration migrationTimeout;
    private final Map<String, IntegrationModule> modules;

    private ModuleRegistry(
            Integrations integrations, Duration migrationTimeout, Map<String, IntegrationModule> modules) {
        this.integrations = integrations;
        this.migrationTimeout = migrationTimeout;
        this.modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    /**
     * @param integrations the facade handed to every module's {@code migrateLegacy}
     * @return a new builder
     */
    public static Builder builder(Integrations integrations) {
        return new Builder(Objects.requireNonNull(integrations, "integrations"));
    }

    /** @return the registered modules in registration order */
    public List<IntegrationModule> all() {
        return List.copyOf(modules.values());
    }

    /**
     * @param key a module key
     * @return the module with that key
     */
    public Optional<IntegrationModule> get(String key) {
        return Optional.ofNullable(modules.get(Objects.requireNonNull(key, "key")));
    }

    /** @return the timeout per module */
    public Duration migrationTimeout() {
        return migrationTimeout;
    }

    /**
     * Runs every registered module's {@code migrateLegacy}. Never throws.
     *
     * @return module key to outcome, for every registered module, in registration order
     */
    public Map<String, LegacyMigrationResult> runAllLegacyMigrations() {
        Map<String, LegacyMigrationResult> results = new LinkedHashMap<>();
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "phoenixkit-legacy-migration-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (IntegrationModule module : all()) {
                results.put(module.key(), runOne(executor, module));
            }
        } finally {
            executor.shutdownNow();
        }
        return Collections.unmodifiableMap(results);
    }

    private LegacyMigrationResult runOne(ExecutorService executor, IntegrationModule module) {
        String key = module.key();
        Future<LegacyMigrationResult> future = executor.submit(() -> module.migrateLegacy(integrations));
        LegacyMigrationResult result;
        try {
            result = future.get(migrationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warn(
                    "Legacy migration of module {} did not finish within {}; interrupted, continuing",
                    key,
                    migrationTimeout);
            return new LegacyMigrationResult.TimedOut(migrationTimeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn(
                    "Legacy migration of module {} threw {}",
                    key,
                    cause.getClass().getName(),
                    cause);
            return new LegacyMigrationResult.Failed("threw " + cause.getClass().getName(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new LegacyMigrationResult.Failed("interrupted while waiting", null);
        }
        if (result == null) {
            LOG.warn("Legacy migration of module {} returned null", key);
            return new LegacyMigrationResult.Failed("returned null", null);
        }
        if (result instanceof LegacyMigrationResult.Failed failed) {
            LOG.warn("Legacy migration of module {} failed: {}", key, failed.reason());
        }
        return result;
    }

    /**
     * Builds a {@link ModuleRegistry}. Not thread-safe.
     */
    public static final class Builder {
        private final Integrations integrations;
        private final List<Candidate> modules = new ArrayList<>();
        private Duration migrationTimeout = DEFAULT_MIGRATION_TIMEOUT;

        private Builder(Integrations integrations) {
            this.integrations = integrations;
        }

        /**
         * Adds every module {@link ServiceLoader} finds with the thread's context class loader. A discovered module
         * that fails to load, has a blank key, or whose key another discovered module has already, is logged and
         * skipped.
         *
         * @return this builder
         */
        public Builder discover() {
            return discover(Thread.currentThread().getContextClassLoader());
        }

        /**
         * Like {@link #discover()} with an explicit class loader.
         *
         * @param classLoader where to look
         * @return this builder
         */
        public Builder discover(ClassLoader classLoader) {
            var iterator =
                    ServiceLoader.load(IntegrationModule.class, classLoader).iterator();
            while (true) {
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    modules.add(new Candidate(iterator.next(), true));
                } catch (ServiceConfigurationError e) {
                    LOG.warn("Skipping an integration module that failed to load: {}", e.getMessage());
                }
            }
            return this;
        }

        /**
         * Registers a module explicitly. Registering the same instance again does nothing.
         *
         * @param module a module to register
         * @return this builder
         */
        public Builder register(IntegrationModule module) {
            modules.add(new Candidate(Objects.requireNonNull(module, "module"), false));
            return this;
        }

        /**
         * @param timeout how long one module's {@code migrateLegacy} may run (default 5 minutes); positive
         * @return this builder
         */
        public Builder migrationTimeout(Duration timeout) {
            this.migrationTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @return the registry, fixed from now on
         * @throws IllegalArgumentException if the timeout is not positive, an explicitly registered module has a
         *                                  blank key, or its key clashes with another module's (a clash between
         *                                  two discovered modules is logged and the later one skipped)
         */
        public ModuleRegistry build() {
            if (migrationTimeout.isZero() || migrationTimeout.isNegative()) {
                throw new IllegalArgumentException("migrationTimeout must be positive, was " + migrationTimeout);
            }
            Map<String, Candidate> byKey = new LinkedHashMap<>();
            for (Candidate candidate : modules) {
                IntegrationModule module = candidate.module();
                String key = module.key();
                if (key == null || key.isBlank()) {
                    reject(
                            candidate,
                            "module key must not be blank: " + module.getClass().getName());
                    continue;
                }
                Candidate existing = byKey.get(key);
                if (existing == null) {
                    byKey.put(key, candidate);
                } else if (existing.module() != module) {
                    String message = "a module with key '" + key + "' is already registered ("
                            + existing.module().getClass().getName() + ")";
                    if (!existing.discovered()) {
                        throw new IllegalArgumentException(message);
                    }
                    reject(candidate, message);
                }
            }
            Map<String, IntegrationModule> fixed = new LinkedHashMap<>();
            byKey.forEach((key, candidate) -> fixed.put(key, candidate.module()));
            return new ModuleRegistry(integrations, migrationTimeout, fixed);
        }

        private static void reject(Candidate candidate, String message) {
            if (!candidate.discovered()) {
                throw new IllegalArgumentException(message);
            }
            LOG.warn(
                    "Skipping discovered integration module {}: {}",
                    candidate.module().getClass().getName(),
                    message);
        }

        private record Candidate(IntegrationModule module, boolean discovered) {}
    }
}
