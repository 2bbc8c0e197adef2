package dev.phoenixkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate}, {@code info}, {@code validate}, {@code rollback} and configuration, on an empty database. */
class MigrationCommandsTest {

    private TestDatabase database;
    private CliRunner cli;

    @BeforeEach
    void emptyDatabase() {
        database = PostgresServer.shared().createEmptyDatabase();
        cli = new CliRunner(database, ProviderRegistry.loadDefault());
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void infoCheckWhenEmptyThenExit3ListingPendingThenMigrateThenUpToDate() {
        CliRunner.Result pending = cli.run("info", "--check");
        assertThat(pending.exitCode())
                .isEqualTo(ExitCode.PENDING_MIGRATIONS.code())
                .isEqualTo(3);
        assertThat(pending.out())
                .contains("PhoenixKit marker: 0")
                .contains("V107")
                .contains("L1");

        CliRunner.Result migrate = cli.run("migrate", "--json");
        assertThat(migrate.exitCode()).isZero();
        JsonNode report = migrate.json();
        assertThat(report.get("fromVersion").asInt()).isZero();
        assertThat(report.get("toVersion").asInt()).isEqualTo(Migrator.LATEST);
        assertThat(report.get("applied")).isNotEmpty();
        assertThat(report.get("applied").get(0).fieldNames())
                .toIterable()
                .contains("track", "version", "description", "direction", "durationMs");

        CliRunner.Result info = cli.run("info", "--check", "--json");
        assertThat(info.exitCode()).isZero();
        JsonNode state = info.json();
        assertThat(state.get("phoenixKitMarker").asInt()).isEqualTo(Migrator.LATEST);
        assertThat(state.get("upToDate").asBoolean()).isTrue();
        assertThat(state.get("pending")).isEmpty();
        assertThat(state.get("history").size()).isEqualTo(report.get("applied").size());
        assertThat(state.get("history").get(0).get("installedOn").asText()).isNotBlank();

        assertThat(cli.run("migrate").out()).contains("up to date at version " + Migrator.LATEST);
    }

    @Test
    void migrateWithTargetStopsThereAndOutOfRangeTargetIsUsageError() {
        assertThat(cli.run("migrate", "--target", "40").exitCode()).isZero();
        assertThat(marker()).isEqualTo("40");

        CliRunner.Result bad = cli.run("migrate", "--target", "999");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bad.err()).contains("999");
        assertThat(marker()).isEqualTo("40");
    }

    @Test
    void validateWhenScriptsMatchThenOkAndWhenChecksumChangedThenExit1NamingTheStep() throws Exception {
        cli.run("migrate");
        assertThat(cli.run("validate").exitCode()).isZero();

        execute("UPDATE phoenix_kit_java_schema_history SET checksum = repeat('0', 64) WHERE version = '107'");
        CliRunner.Result changed = cli.run("validate", "--json");
        assertThat(changed.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(changed.json().get("valid").asBoolean()).isFalse();
        assertThat(changed.json().get("mismatches").get(0).get("version").asText())
                .isEqualTo("107");
        assertThat(changed.json()
                        .get("mismatches")
                        .get(0)
                        .get("appliedChecksum")
                        .asText())
                .isEqualTo("0".repeat(64));
    }

    @Test
    void rollbackWithoutTerminalOrYesIsRefusedAndChangesNothingThenWithYesRollsBack() {
        cli.run("migrate");

        CliRunner.Result refused = cli.run("rollback", "--to", "101");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err()).contains("--yes");
        assertThat(marker()).isEqualTo(String.valueOf(Migrator.LATEST));

        CliRunner.Result declined = cli.terminal(terminalAnswering("n")).run("rollback", "--to", "101");
        assertThat(declined.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(marker()).isEqualTo(String.valueOf(Migrator.LATEST));

        CliRunner.Result confirmed = cli.terminal(terminalAnswering("yes")).run("rollback", "--to", "101");
        assertThat(confirmed.exitCode()).isZero();
        assertThat(confirmed.out()).contains("rolled back from version " + Migrator.LATEST + " to 101");
        assertThat(marker()).isEqualTo("101");

        assertThat(cli.terminal(null).run("rollback", "--to", "100", "--yes").exitCode())
                .isZero();
        assertThat(marker()).isEqualTo("100");
    }

    @Test
    void noDatabaseConfiguredIsUsageErrorNamingEverySource() {
        CliRunner unconfigured = new CliRunner(null, ProviderRegistry.loadDefault());

        CliRunner.Result result = unconfigured.run("info");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("--url").contains("PHOENIXKIT_DB_URL").contains("--config");
    }

    @Test
    void configurationPrecedenceIsFlagThenEnvironmentThenConfigFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("phoenixkit.properties");
        Files.writeString(
                config,
                "url=" + database.jdbcUrl() + "\nuser=" + database.user() + "\n"
                        + (database.password() == null ? "" : "password=" + database.password() + "\n"));
        CliRunner fromFile = new CliRunner(null, ProviderRegistry.loadDefault());
        assertThat(fromFile.run("info", "--config", config.toString()).exitCode())
                .isZero();

        String unreachable = "jdbc:postgresql://127.0.0.1:1/nowhere";
        fromFile.env("PHOENIXKIT_DB_URL", unreachable);
        assertThat(fromFile.run("info", "--config", config.toString()).exitCode())
                .as("environment wins over the config file")
                .isEqualTo(ExitCode.FAILURE.code());
        assertThat(fromFile.run("info", "--config", config.toString(), "--url", database.jdbcUrl())
                        .exitCode())
                .as("a flag wins over the environment")
                .isZero();

        Files.writeString(config, "url=" + database.jdbcUrl() + "\nsecret_key_base=oops\n");
        CliRunner.Result typo = fromFile.run("info", "--config", config.toString());
        assertThat(typo.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(typo.err())
                .contains("secret_key_base")
                .contains("secret-key-base")
                .doesNotContain("oops");
    }

    @Test
    void badUsageExitsWith2AndHelpListsExitCodes() {
        assertThat(cli.run("no-such-command").exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.run("migrate", "--target", "abc").exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.run("keys").exitCode()).isEqualTo(ExitCode.USAGE.code());

        CliRunner.Result help = cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Exit codes")
                .contains("3  info --check")
                .contains("connections")
                .contains("rollback");
        assertThat(cli.run("connections", "set", "--help").out())
                .contains("field=-")
                .contains("field=?");
    }

    @Test
    void jsonErrorsGoToStderrAsJsonWithTheExitCode() {
        CliRunner.Result result = cli.run("migrate", "--target", "999", "--json");

        assertThat(result.out()).isEmpty();
        assertThat(result.errorJson().get("error").asText()).isEqualTo("INVALID_TARGET");
        assertThat(result.errorJson().get("exitCode").asInt()).isEqualTo(2);
    }

    static CliEnvironment.Terminal terminalAnswering(String answer) {
        return new CliEnvironment.Terminal() {
            @Override
            public char[] readSecret(String prompt) {
                return answer.toCharArray();
            }

            @Override
            public String readLine(String prompt) {
                return answer;
            }
        };
    }

    private String marker() {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT obj_description('public.phoenix_kit'::regclass)")) {
            rows.next();
            return rows.getString(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
