package dev.phoenixkit.testkit;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link PhoenixKitTest}: gives tests a real, migrated PostgreSQL database.
 *
 * <p>One {@link PostgresServer} serves the whole JVM. The first parameter a test asks for creates its database,
 * cloned from a template migrated to the latest schema; the database is dropped when the test (or, with
 * {@link PhoenixKitTest.Isolation#PER_CLASS}, the class) ends. Parameters resolved:
 * <ul>
 *   <li>{@link DataSource}: a HikariCP pool on that database;</li>
 *   <li>{@link Jdbi}: a {@code Jdbi} over that pool;</li>
 *   <li>{@link TestDatabase}: the database itself (URL, extra independent pools);</li>
 *   <li>{@link TestClock}: a clock standing at {@link TestClock#DEFAULT_START}, one per test;</li>
 *   <li>{@link Integrations}: a facade over that pool with {@link #TEST_SECRET_KEY_BASE} as the encryption
 *       secret and {@link ProviderRegistry#loadDefault()}, closed when the test ends. When the test method also
 *       declares a {@link TestClock} parameter, the facade runs on that clock (otherwise on the system clock).
 *       Register the extension yourself to change how it is built:
 *       <pre>{@code
 * @RegisterExtension
 * static PhoenixKitExtension phoenixKit = PhoenixKitExtension.configuring(
 *         builder -> builder.providers(fakeServer.providerRegistry()));
 *       }</pre></li>
 * </ul>
 * {@code @BeforeEach} methods share their test's database. A {@code @BeforeAll} method gets a class-wide database,
 * which test methods see only with {@link PhoenixKitTest.Isolation#PER_CLASS}.
 *
 * <p>Thread-safe; may be used with JUnit's parallel execution.
 */
public class PhoenixKitExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PhoenixKitExtension.class);

    /** The {@code secret_key_base} of the {@link SecretCipher} the injected {@link Integrations} uses. */
    public static final String TEST_SECRET_KEY_BASE = "phoenixkit-testkit-secret-key-base-not-for-production-use";

    private final Consumer<Integrations.Builder> customizer;

    /** Creates the extension with the default {@link Integrations} set-up; {@link PhoenixKitTest} does this. */
    public PhoenixKitExtension() {
        this(builder -> { });
    }

    private PhoenixKitExtension(Consumer<Integrations.Builder> customizer) {
        this.customizer = customizer;
    }

    /**
     * An extension whose injected {@link Integrations} is built with extra settings.
     *
     * @param customizer applied to the builder after the defaults (data source, test cipher, default providers)
     * @return the extension, to be held in a {@code @RegisterExtension} field
     */
    public static PhoenixKitExtension configuring(Consumer<Integrations.Builder> customizer) {
        return new PhoenixKitExtension(Objects.requireNonNull(customizer, "customizer"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DataSource.class || type == Jdbi.class || type == TestDatabase.class
                || type == Integrations.class || type == TestClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        TestDatabase database = database(extensionContext);
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (type == Jdbi.class) {
            return database.jdbi();
        }
        if (type == TestDatabase.class) {
            return database;
        }
        if (type == TestClock.class) {
            return testClock(extensionContext);
        }
        if (type == Integrations.class) {
            return owner(extensionContext).getStore(NAMESPACE)
                    .getOrComputeIfAbsent(IntegrationsResource.class, key -> new IntegrationsResource(
                            buildIntegrations(database, extensionContext)), IntegrationsResource.class)
                    .integrations();
        }
        throw new ParameterResolutionException("PhoenixKitExtension cannot resolve " + type.getName());
    }

    /**
     * The database of the given test context, created on first call.
     *
     * @param context the JUnit context of a test method or class
     * @return the context's database
     */
    public static TestDatabase database(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(DatabaseResource.class, key -> new DatabaseResource(
                        PostgresServer.shared().createDatabase()), DatabaseResource.class)
                .database();
    }

    private static TestClock testClock(ExtensionContext context) {
        return owner(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestClock.class, key -> TestClock.startingAtDefault(), TestClock.class);
    }

    private static boolean testDeclaresClock(ExtensionContext context) {
        return context.getTestMethod()
                .map(method -> Arrays.asList(method.getParameterTypes()).contains(TestClock.class))
                .orElse(false);
    }

    private Integrations buildIntegrations(TestDatabase database, ExtensionContext context) {
        Integrations.Builder builder = Integrations.builder()
                .dataSource(database.dataSource())
                .clock(testDeclaresClock(context) ? testClock(context) : Clock.systemUTC())
                .cipher(SecretCipher.fromSecretKeyBase(TEST_SECRET_KEY_BASE))
                .providers(ProviderRegistry.loadDefault());
        customizer.accept(builder);
        return builder.build();
    }

    private static ExtensionContext owner(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return context;
        }
        PhoenixKitTest.Isolation isolation = isolation(context);
        if (isolation == PhoenixKitTest.Isolation.PER_CLASS) {
            ExtensionContext current = context;
            while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
                current = current.getParent().get();
            }
            return current;
        }
        return context;
    }

    private static PhoenixKitTest.Isolation isolation(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        while (testClass.isPresent()) {
            Optional<PhoenixKitTest> annotation = AnnotationSupport.findAnnotation(testClass.get(),
                    PhoenixKitTest.class);
            if (annotation.isPresent()) {
                return annotation.get().isolation();
            }
            testClass = Optional.ofNullable(testClass.get().getEnclosingClass());
        }
        return PhoenixKitTest.Isolation.PER_METHOD;
    }

    /** Closes the facade (and its event bridge) when JUnit closes the context's store (JUnit 5.13+ closes every
     *  {@link AutoCloseable} store value; the older {@code Store.CloseableResource} is deprecated). */
    private record IntegrationsResource(Integrations integrations) implements AutoCloseable {
        @Override
        public void close() {
            integrations.close();
        }
    }

    /** Drops the database when JUnit closes the context's store. */
    private record DatabaseResource(TestDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
