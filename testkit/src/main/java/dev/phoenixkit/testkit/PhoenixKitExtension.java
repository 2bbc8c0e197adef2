package dev.phoenixkit.testkit;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 *   <li>{@link FakeProviderServer}: a fake OAuth2/API-key provider on loopback, one per test, on that test's
 *       {@code TestClock}; closed when the test ends;</li>
 *   <li>{@link Integrations}: a facade over that pool with {@link #TEST_SECRET_KEY_BASE} as the encryption
 *       secret, closed when the test ends. It uses {@link ProviderRegistry#loadDefault()} and the system clock,
 *       except: when the test (or the method asking for it) also declares a {@link FakeProviderServer}, the
 *       facade's providers point at that server ({@link FakeProviderServer#providerRegistry()}) and it runs on the
 *       test's {@code TestClock}; when it declares a {@code TestClock}, it runs on that clock.</li>
 * </ul>
 * {@code @BeforeEach} methods share their test's database. A {@code @BeforeAll} method gets a class-wide database,
 * which test methods see only with {@link PhoenixKitTest.Isolation#PER_CLASS}.
 *
 * <p><b>Configuring.</b> Annotate the class with {@link PhoenixKitTest} (optionally
 * {@code isolation = PER_CLASS}). To change how the injected {@code Integrations} is built, add one static
 * {@code @RegisterExtension} field; the annotation's own instance then steps aside, so the two never compete:
 * <pre>{@code
 * @PhoenixKitTest(isolation = PhoenixKitTest.Isolation.PER_CLASS)
 * class MyTest {
 *     @RegisterExtension
 *     static PhoenixKitExtension phoenixKit = PhoenixKitExtension.configuring(
 *             builder -> builder.refreshSkew(Duration.ofSeconds(30)));
 * }
 * }</pre>
 * The field alone, without the annotation, works too; then {@link #isolation(PhoenixKitTest.Isolation)} on it
 * chooses the isolation.
 *
 * <p>Thread-safe; may be used with JUnit's parallel execution.
 */
public class PhoenixKitExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PhoenixKitExtension.class);

    /** The {@code secret_key_base} of the {@link SecretCipher} the injected {@link Integrations} uses. */
    public static final String TEST_SECRET_KEY_BASE = "phoenixkit-testkit-secret-key-base-not-for-production-use";

    private final Consumer<Integrations.Builder> customizer;
    /** The instance {@link PhoenixKitTest} registers; it steps aside for a registered field. */
    private final boolean fromAnnotation;
    /** Chosen on the field; {@code null} means the {@link PhoenixKitTest} annotation's (or per method). */
    private final PhoenixKitTest.Isolation isolation;

    /** Creates the extension with the default {@link Integrations} set-up; {@link PhoenixKitTest} does this. */
    public PhoenixKitExtension() {
        this(builder -> {}, true, null);
    }

    private PhoenixKitExtension(
            Consumer<Integrations.Builder> customizer, boolean fromAnnotation, PhoenixKitTest.Isolation isolation) {
        this.customizer = customizer;
        this.fromAnnotation = fromAnnotation;
        this.isolation = isolation;
    }

    /**
     * An extension whose injected {@link Integrations} is built with extra settings.
     *
     * @param customizer applied to the builder after the defaults (data source, test cipher, default providers)
     * @return the extension, to be held in a {@code @RegisterExtension} field
     */
    public static PhoenixKitExtension configuring(Consumer<Integrations.Builder> customizer) {
        return new PhoenixKitExtension(Objects.requireNonNull(customizer, "customizer"), false, null);
    }

    /**
     * The same extension with the given isolation; it wins over a {@link PhoenixKitTest#isolation()} on the class.
     *
     * @param isolation per method (the default) or per class
     * @return a new extension, to be held in a {@code @RegisterExtension} field
     */
    public PhoenixKitExtension isolation(PhoenixKitTest.Isolation isolation) {
        return new PhoenixKitExtension(customizer, false, Objects.requireNonNull(isolation, "isolation"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (fromAnnotation && classRegistersItsOwn(extensionContext)) {
            return false;
        }
        Class<?> type = parameterContext.getParameter().getType();
        return type == DataSource.class
                || type == Jdbi.class
                || type == TestDatabase.class
                || type == Integrations.class
                || type == TestClock.class
                || type == FakeProviderServer.class;
    }

    /** Whether the test class (or an enclosing one) holds a {@code @RegisterExtension} field of this type. */
    private static boolean classRegistersItsOwn(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        while (testClass.isPresent()) {
            if (!AnnotationSupport.findAnnotatedFields(
                            testClass.get(),
                            RegisterExtension.class,
                            field -> PhoenixKitExtension.class.isAssignableFrom(field.getType()))
                    .isEmpty()) {
                return true;
            }
            testClass = Optional.ofNullable(testClass.get().getEnclosingClass());
        }
        return false;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        ExtensionContext owner = owner(extensionContext, isolation);
        TestDatabase database = databaseOf(owner);
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
            return testClock(owner);
        }
        if (type == FakeProviderServer.class) {
            return fakeServer(owner);
        }
        if (type == Integrations.class) {
            Set<Class<?>> declared = declaredTypes(parameterContext, extensionContext);
            return owner.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(
                            IntegrationsResource.class,
                            key -> new IntegrationsResource(buildIntegrations(database, owner, declared)),
                            IntegrationsResource.class)
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
        return databaseOf(owner(context, null));
    }

    private static TestDatabase databaseOf(ExtensionContext owner) {
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        DatabaseResource.class,
                        key -> new DatabaseResource(PostgresServer.shared().createDatabase()),
                        DatabaseResource.class)
                .database();
    }

    private static TestClock testClock(ExtensionContext owner) {
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestClock.class, key -> TestClock.startingAtDefault(), TestClock.class);
    }

    private static FakeProviderServer fakeServer(ExtensionContext owner) {
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        FakeServerResource.class,
                        key -> new FakeServerResource(FakeProviderServer.start(testClock(owner))),
                        FakeServerResource.class)
                .server();
    }

    /** The parameter types of the method asking for the facade and of the test method it serves. */
    private static Set<Class<?>> declaredTypes(ParameterContext parameterContext, ExtensionContext context) {
        Set<Class<?>> types = new HashSet<>(
                Arrays.asList(parameterContext.getDeclaringExecutable().getParameterTypes()));
        context.getTestMethod().ifPresent(method -> types.addAll(Arrays.asList(method.getParameterTypes())));
        return types;
    }

    private Integrations buildIntegrations(TestDatabase database, ExtensionContext owner, Set<Class<?>> declared) {
        boolean fake = declared.contains(FakeProviderServer.class);
        boolean testClock = fake || declared.contains(TestClock.class);
        Integrations.Builder builder = Integrations.builder()
                .dataSource(database.dataSource())
                .clock(testClock ? testClock(owner) : Clock.systemUTC())
                .cipher(SecretCipher.fromSecretKeyBase(TEST_SECRET_KEY_BASE))
                .providers(fake ? fakeServer(owner).providerRegistry() : ProviderRegistry.loadDefault());
        customizer.accept(builder);
        return builder.build();
    }

    private static ExtensionContext owner(ExtensionContext context, PhoenixKitTest.Isolation chosen) {
        if (context.getTestMethod().isEmpty()) {
            return context;
        }
        PhoenixKitTest.Isolation isolation = chosen != null ? chosen : isolation(context);
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
            Optional<PhoenixKitTest> annotation =
                    AnnotationSupport.findAnnotation(testClass.get(), PhoenixKitTest.class);
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

    /** Stops the fake provider server when JUnit closes the context's store. */
    private record FakeServerResource(FakeProviderServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
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
