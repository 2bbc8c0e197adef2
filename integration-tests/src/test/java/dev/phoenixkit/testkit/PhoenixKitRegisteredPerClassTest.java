package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registered field alone, without the annotation, chooses PER_CLASS isolation itself. */
class PhoenixKitRegisteredPerClassTest {
    private static final Set<String> DATABASES = new HashSet<>();

    @RegisterExtension
    static PhoenixKitExtension phoenixKit =
            PhoenixKitExtension.configuring(builder -> {}).isolation(PhoenixKitTest.Isolation.PER_CLASS);

    @RepeatedTest(3)
    void everyMethodSharesOneDatabase(TestDatabase database) {
        DATABASES.add(database.name());
        assertThat(DATABASES).hasSize(1);
    }

    @AfterAll
    static void oneDatabaseWasUsed() {
        assertThat(DATABASES).hasSize(1);
    }
}
