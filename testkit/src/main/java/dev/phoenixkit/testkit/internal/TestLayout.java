package dev.phoenixkit.testkit.internal;

import dev.phoenixkit.integrations.StorageLayout;
import java.util.Locale;

/**
 * The storage layout test databases are created in, from the system property {@value #PROPERTY} ({@code composite}
 * by default, or {@code uuid}): the same test classes run once per layout by setting it in a second Surefire
 * execution, instead of copies of the tests.
 */
public final class TestLayout {
    /** The system property naming the layout. */
    public static final String PROPERTY = "phoenixkit.test.storageLayout";

    private TestLayout() {}

    /**
     * @return the layout of this JVM's test databases
     * @throws IllegalStateException for an unknown value
     */
    public static StorageLayout current() {
        String value = System.getProperty(PROPERTY, "composite").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "composite", "composite_key" -> StorageLayout.COMPOSITE_KEY;
            case "uuid", "uuid_key" -> StorageLayout.UUID_KEY;
            default ->
                throw new IllegalStateException(PROPERTY + " must be 'composite' or 'uuid', not '" + value + "'");
        };
    }
}
