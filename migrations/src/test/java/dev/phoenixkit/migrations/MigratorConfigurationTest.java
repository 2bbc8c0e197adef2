package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class MigratorConfigurationTest {

    private final Migrator migrator = Migrator.create(new PGSimpleDataSource());

    @Test
    void createWhenDefaultsThenPublicSchemaAndSixtySecondLockTimeout() {
        assertThat(migrator.schema()).isEqualTo("public");
        assertThat(migrator.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(Migrator.LATEST).isEqualTo(107);
    }

    @Test
    void schemaAndLockTimeoutWhenSetThenReturnCopiesLeavingOriginalUnchanged() {
        Migrator tenant = migrator.schema("tenant").lockTimeout(Duration.ofSeconds(5));

        assertThat(tenant).isNotSameAs(migrator);
        assertThat(tenant.schema()).isEqualTo("tenant");
        assertThat(tenant.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(migrator.schema()).isEqualTo("public");
        assertThat(migrator.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(tenant.toString()).contains("tenant").contains("PT5S");
    }

    @Test
    void configurationWhenInvalidThenRejectedNamingTheField() {
        assertThatThrownBy(() -> Migrator.create(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("dataSource");
        assertThatThrownBy(() -> migrator.schema(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema");
        assertThatThrownBy(() -> migrator.schema("x".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema")
                .hasMessageContaining("63");
        assertThatThrownBy(() -> migrator.lockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lockTimeout");
        assertThatThrownBy(() -> migrator.lockTimeout(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("lockTimeout");
    }
}
