package dev.phoenixkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.AuthorizationRedirect;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection, audit and key commands against a migrated database and the fake provider server. Every test
 * also checks that no secret it used was printed.
 */
class ConnectionCommandsTest {

    private static final String SECRET_KEY_BASE = "cli-test-secret-key-base-0123456789abcdef";
    private static final String GOOD_KEY = "sk-or-v1-good-0123456789abcdefghijklmnop";
    private static final String BAD_KEY = "sk-or-v1-bad-0123456789abcdefghijklmnopq";
    private static final URI REDIRECT = URI.create("http://127.0.0.1:4000/callback");

    private static FakeProviderServer fake;
    private TestDatabase database;
    private CliRunner cli;

    @BeforeAll
    static void startFake() {
        fake = FakeProviderServer.start().addApiKey(GOOD_KEY);
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void migratedDatabase() {
        fake.clearRequests();
        database = PostgresServer.shared().createDatabase();
        cli = new CliRunner(database, fake.providerRegistry()).env("PHOENIXKIT_SECRET_KEY_BASE", SECRET_KEY_BASE);
    }

    @AfterEach
    void drop() {
        assertThat(cli.everythingPrinted())
                .doesNotContain(GOOD_KEY, BAD_KEY, SECRET_KEY_BASE, FakeProviderServer.CLIENT_SECRET);
        database.close();
    }

    @Test
    void addSetFromStdinTestRenameShowListRemoveAndAudit() {
        CliRunner.Result added = cli.run("connections", "add", "openrouter", "work", "--json");
        assertThat(added.exitCode()).isZero();
        String uuid = added.json().get("uuid").asText();
        assertThat(added.json().get("status").asText()).isEqualTo("disconnected");

        CliRunner.Result set = cli.runWithInput(GOOD_KEY + "\n", "connections", "set", uuid, "api_key=-");
        assertThat(set.exitCode()).isZero();
        assertThat(set.out()).contains("Saved api_key").contains("configured");

        CliRunner.Result tested = cli.run("connections", "test", uuid, "--json");
        assertThat(tested.exitCode()).isZero();
        assertThat(tested.json().get("ok").asBoolean()).isTrue();

        assertThat(cli.run("connections", "rename", uuid, "production").exitCode())
                .isZero();
        CliRunner.Result shown = cli.run("connections", "show", "openrouter:production", "--json");
        assertThat(shown.exitCode()).isZero();
        JsonNode view = shown.json();
        assertThat(view.get("uuid").asText()).isEqualTo(uuid);
        assertThat(view.get("status").asText()).isEqualTo("connected");
        assertThat(view.get("fields").get("api_key").asText())
                .isEqualTo(GOOD_KEY.substring(0, 8) + "…" + GOOD_KEY.substring(GOOD_KEY.length() - 4));
        assertThat(cli.run("connections", "show", uuid).out())
                .contains("production")
                .contains("api_key");

        CliRunner.Result listed = cli.run("connections", "list", "--provider", "openrouter", "--json");
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("name").asText()).isEqualTo("production");
        assertThat(cli.run("connections", "list").out()).contains(uuid).contains("connected");

        assertThat(cli.run("connections", "remove", uuid).exitCode())
                .as("no terminal, no --yes")
                .isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.run("connections", "show", uuid).exitCode())
                .as("still there")
                .isZero();
        assertThat(cli.run("connections", "remove", uuid, "--yes").exitCode()).isZero();
        assertThat(cli.run("connections", "show", uuid).exitCode()).isEqualTo(ExitCode.FAILURE.code());

        CliRunner.Result audit = cli.run("audit", uuid, "--json");
        assertThat(audit.exitCode()).isZero();
        assertThat(audit.json())
                .extracting(entry -> entry.get("action").asText())
                .contains(
                        "integration.connection_added",
                        "integration.setup_saved",
                        "integration.connection_renamed",
                        "integration.connection_removed");
        assertThat(cli.run("audit", uuid).out()).contains("integration.connection_renamed");
    }

    @Test
    void setWithLiteralSecretIsRefusedWithoutEchoAndSavesNothing() {
        String uuid = cli.run("connections", "add", "openrouter", "work", "--json")
                .json()
                .get("uuid")
                .asText();

        CliRunner.Result refused = cli.run("connections", "set", uuid, "api_key=" + GOOD_KEY, "label=x");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err()).contains("api_key=-").contains("Nothing was changed");
        assertThat(cli.run("connections", "show", uuid, "--json")
                        .json()
                        .get("fields")
                        .has("api_key"))
                .isFalse();
        assertThat(cli.run("audit", uuid, "--json").json()).hasSize(1);
    }

    @Test
    void setWithPromptReadsHiddenInputAndWithoutTerminalIsRefused() {
        String uuid = cli.run("connections", "add", "openrouter", "work", "--json")
                .json()
                .get("uuid")
                .asText();

        assertThat(cli.run("connections", "set", uuid, "api_key=?").exitCode()).isEqualTo(ExitCode.USAGE.code());
        CliRunner.Result prompted = cli.terminal(MigrationCommandsTest.terminalAnswering(BAD_KEY))
                .run("connections", "set", uuid, "api_key=?");
        assertThat(prompted.exitCode()).isZero();

        CliRunner.Result tested = cli.run("connections", "test", uuid);
        assertThat(tested.exitCode()).as("the provider refuses the key").isEqualTo(ExitCode.FAILURE.code());
        assertThat(tested.out()).startsWith("Failed:");
        assertThat(cli.run("connections", "show", uuid, "--json")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("error");
    }

    @Test
    void invalidInputIsUsageErrorAndUnknownConnectionIsFailure() {
        assertThat(cli.run("connections", "add", "openrouter", " ").exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.run("connections", "add", "bad:key", "x").exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.run("connections", "rename", "not-a-uuid", "x").exitCode())
                .isEqualTo(ExitCode.USAGE.code());
        CliRunner.Result missing =
                cli.run("connections", "test", UUID.randomUUID().toString(), "--json");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(missing.errorJson().get("error").asText()).isEqualTo("NOT_CONFIGURED");
        assertThat(cli.run("connections", "list", "--json").json()).isEmpty();
    }

    @Test
    void noSecretConfiguredIsUsageErrorNamingTheSources() {
        cli.env("PHOENIXKIT_SECRET_KEY_BASE", null);

        CliRunner.Result result = cli.run("connections", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err())
                .contains("PHOENIXKIT_SECRET_KEY_BASE")
                .contains("--keyring-file")
                .contains("--plaintext-secrets");
    }

    @Test
    void refreshCallsTheTokenEndpointOnceAndNeverPrintsTheToken() {
        UUID uuid;
        String accessToken;
        try (Integrations integrations = integrations(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))) {
            uuid = integrations.addConnection("google", "drive").uuid();
            integrations.saveSetup(
                    uuid,
                    Map.of(
                            "client_id",
                            FakeProviderServer.CLIENT_ID,
                            "client_secret",
                            FakeProviderServer.CLIENT_SECRET));
            var request = integrations.beginAuthorization(uuid, REDIRECT);
            AuthorizationRedirect redirect = fake.authorize(request.url());
            accessToken = integrations
                    .completeAuthorization(uuid, redirect.state().orElseThrow(), redirect.code(), REDIRECT)
                    .accessToken()
                    .orElseThrow();
        }
        int before = fake.tokenCalls("refresh_token");

        CliRunner.Result refreshed = cli.run("connections", "refresh", uuid.toString(), "--json");

        assertThat(refreshed.exitCode()).isZero();
        assertThat(refreshed.json().get("refreshed").asBoolean()).isTrue();
        assertThat(fake.tokenCalls("refresh_token")).isEqualTo(before + 1);
        assertThat(cli.everythingPrinted()).doesNotContain(accessToken);
        assertThat(cli.run("connections", "show", uuid.toString()).out())
                .doesNotContain(accessToken)
                .contains("access_token");
        assertThat(cli.run(
                                "connections",
                                "refresh",
                                cli.run("connections", "add", "openrouter", "k", "--json")
                                        .json()
                                        .get("uuid")
                                        .asText())
                        .exitCode())
                .as("an API-key connection has no token to refresh")
                .isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void keysReencryptMovesRowsToTheNewestKeyAndReportsWhatItCannotRead(@TempDir Path dir) throws Exception {
        String uuid = cli.run("connections", "add", "openrouter", "work", "--json")
                .json()
                .get("uuid")
                .asText();
        cli.runWithInput(GOOD_KEY + "\n", "connections", "set", uuid, "api_key=-");
        String newSecret = "cli-test-rotated-secret-abcdefghijklmnop";
        Path keyring = dir.resolve("keyring.properties");
        Files.writeString(keyring, "primary=k2\nkey.k2=" + newSecret + "\nlegacy=" + SECRET_KEY_BASE + "\n");
        CliRunner rotated =
                new CliRunner(database, fake.providerRegistry()).env("PHOENIXKIT_KEYRING_FILE", keyring.toString());

        CliRunner.Result status = rotated.run("keys", "status", "--json");
        assertThat(status.exitCode()).isZero();
        assertThat(status.json().get("primaryKey").asText()).isEqualTo("k2");
        assertThat(status.json().get("undecryptableValues").asInt()).isZero();
        assertThat(status.json().get("rowsByKey").get("enc:v1").asInt()).isEqualTo(1);
        assertThat(status.json().get("staleValues").asInt()).isEqualTo(1);

        CliRunner.Result dryRun = rotated.run("keys", "reencrypt", "--dry-run", "--json");
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.json().get("staleValues").asInt()).isEqualTo(1);
        assertThat(rotated.run("keys", "status", "--json")
                        .json()
                        .get("rowsByKey")
                        .has("enc:v1"))
                .as("the dry run changed nothing")
                .isTrue();

        CliRunner.Result moved = rotated.run("keys", "reencrypt", "--batch", "1", "--json");
        assertThat(moved.exitCode()).isZero();
        assertThat(moved.json().get("valuesReencrypted").asInt()).isEqualTo(1);
        assertThat(moved.json().get("complete").asBoolean()).isTrue();
        assertThat(rotated.run("keys", "status", "--json")
                        .json()
                        .get("rowsByKey")
                        .fieldNames())
                .toIterable()
                .containsExactly("k2");

        CliRunner onlyNewKey =
                new CliRunner(database, fake.providerRegistry()).env("PHOENIXKIT_SECRET_KEY_BASE", newSecret);
        assertThat(onlyNewKey
                        .run("keys", "status", "--json")
                        .json()
                        .get("undecryptableValues")
                        .asInt())
                .as("the row is now enc:v2 under k2, which a bare secret key base does not read")
                .isEqualTo(1);
        CliRunner.Result unreadable = onlyNewKey.run("keys", "reencrypt", "--json");
        assertThat(unreadable.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(unreadable.json().get("failedRows").get(0).asText()).isEqualTo(uuid);
        assertThat(rotated.run("connections", "test", uuid).exitCode())
                .as("row left as stored")
                .isZero();
        assertThat(rotated.everythingPrinted() + onlyNewKey.everythingPrinted()).doesNotContain(newSecret, GOOD_KEY);
    }

    @Test
    void keysStatusCountsPlaintextAndReencryptShowsProgressOnATerminal() {
        CliRunner plaintext = new CliRunner(database, fake.providerRegistry());
        String uuid = plaintext
                .run("connections", "add", "openrouter", "legacy", "--plaintext-secrets", "--json")
                .json()
                .get("uuid")
                .asText();
        plaintext.runWithInput(GOOD_KEY + "\n", "connections", "set", uuid, "api_key=-", "--plaintext-secrets");
        assertThat(plaintext.run("keys", "status", "--plaintext-secrets").out()).contains("OFF");

        CliRunner.Result status = cli.run("keys", "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("Plaintext:      1 value(s)");

        CliRunner.Result moved =
                cli.terminal(MigrationCommandsTest.terminalAnswering("")).run("keys", "reencrypt");
        assertThat(moved.exitCode()).isZero();
        assertThat(moved.err()).contains("Re-encrypting: 1 row(s) scanned, 1 value(s) moved");
        assertThat(moved.out()).contains("re-encrypted 1 value(s) in 1 row(s)");
        assertThat(cli.run("keys", "status", "--json")
                        .json()
                        .get("plaintextValues")
                        .asInt())
                .isZero();
        assertThat(plaintext.everythingPrinted()).doesNotContain(GOOD_KEY);
    }

    private Integrations integrations(SecretCipher cipher) {
        return Integrations.builder()
                .dataSource(database.dataSource())
                .cipher(cipher)
                .providers(fake.providerRegistry())
                .build();
    }
}
