package dev.phoenixkit.testkit;

import java.util.Optional;
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
 *   <li>{@link TestDatabase}: the database itself (URL, extra independent pools).</li>
 * </ul>
 * {@code @BeforeEach} methods share their test's database. A {@code @BeforeAll} method gets a class-wide database,
 * which test methods see only with {@link PhoenixKitTest.Isolation#PER_CLASS}.
 *
 * <p>Thread-safe; may be used with JUnit's parallel execution.
 */
public class PhoenixKitExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PhoenixKitExtension.class);

    /** Creates the extension; {@link PhoenixKitTest} does this for you. */
    public PhoenixKitExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DataSource.class || type == Jdbi.class || type == TestDatabase.class;
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

    /** Drops the database when JUnit closes the context's store. */
    private record DatabaseResource(TestDatabase database) implements ExtensionContext.Store.CloseableResource,
            AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
