package dev.phoenixkit.examples.readme;

// region testkit-imports
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.TestDatabase;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
// endregion

/** The README's testkit snippet, compiled (regions {@code testkit-imports} and {@code testkit}). */
final class TestkitSnippet {
    private TestkitSnippet() {
    }

    // region testkit
    // from examples/src/main/java/dev/phoenixkit/examples/readme/TestkitSnippet.java
    @PhoenixKitTest
    class MyTest {
        @Test
        void works(Integrations integrations, DataSource dataSource, Jdbi jdbi, TestDatabase database) {
            integrations.addConnection("openrouter", "default");   // a fresh, migrated database for every test
        }
    }
    // endregion
}
