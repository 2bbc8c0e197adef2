package dev.phoenixkit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a real PostgreSQL holding the PhoenixKit schema.
 *
 * <p>Test and lifecycle methods may declare parameters of type {@link javax.sql.DataSource},
 * {@link org.jdbi.v3.core.Jdbi}, {@link TestDatabase} and {@code dev.phoenixkit.integrations.Integrations}; see
 * {@link PhoenixKitExtension} for what each gets. By default every test method gets a database of its own.
 *
 * <pre>{@code
 * @PhoenixKitTest
 * class MyConnectionsTest {
 *     @Test
 *     void addsConnection(Integrations integrations) {
 *         assertThat(integrations.addConnection("openrouter", "work").name()).isEqualTo("work");
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(PhoenixKitExtension.class)
public @interface PhoenixKitTest {

    /** @return whether each test method or each test class gets a database of its own */
    Isolation isolation() default Isolation.PER_METHOD;

    /** How widely one database is shared. */
    enum Isolation {
        /** Each test method gets a fresh database (cloned from the migrated template in tens of milliseconds). */
        PER_METHOD,
        /** All methods of a test class share one database; tests must tolerate each other's rows. */
        PER_CLASS
    }
}
