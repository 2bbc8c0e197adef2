package dev.phoenixkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;

@PhoenixKitTest(isolation = PhoenixKitTest.Isolation.PER_CLASS)
class PhoenixKitPerClassIsolationTest {
    private static final Set<String> DATABASES = new HashSet<>();

    @RepeatedTest(3)
    void everyMethodOfTheClassSharesOneDatabase(TestDatabase database) {
        DATABASES.add(database.name());
        assertThat(DATABASES).hasSize(1);
    }

    @AfterAll
    static void oneDatabaseWasUsed() {
        assertThat(DATABASES).hasSize(1);
    }
}
