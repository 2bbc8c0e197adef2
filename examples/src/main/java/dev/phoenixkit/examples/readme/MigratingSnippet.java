package dev.phoenixkit.examples.readme;

import dev.phoenixkit.migrations.MigrationReport;
import dev.phoenixkit.migrations.Migrator;
import javax.sql.DataSource;

/** The README's "Migrating a database" snippet, compiled (region {@code migrating}). */
final class MigratingSnippet {
    private MigratingSnippet() {
    }

    static MigrationReport migrating(DataSource dataSource) {
        // region migrating
        // from examples/src/main/java/dev/phoenixkit/examples/readme/MigratingSnippet.java
        MigrationReport report = Migrator.create(dataSource)   // any javax.sql.DataSource
                .schema("public")                               // or your prefix; created when missing
                .migrate();                                     // PhoenixKit chain to 107, then the library's own track
        // endregion
        return report;
    }
}
