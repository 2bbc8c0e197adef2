package dev.phoenixkit.integrations.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.migrations.Migrator;
import dev.phoenixkit.testkit.PhoenixKitFixtures;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.PostgresServer;
import dev.phoenixkit.testkit.TestDatabase;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A misspelt setup field for a known provider is refused (docs/behaviour.md#fix-14): {@code saveSetup} with
 * {@code UNKNOWN_FIELD} naming the field and the known ones, never a value, nothing written; {@code validateCredentials}
 * with the same message as an error result, nothing sent. Every field PhoenixKit writes (its V180 fixture rows, its
 * forms' fields) stays accepted.
 */
@PhoenixKitTest
class UnknownFieldTest {
    private static final String SECRET_KEY_BASE = "catalog-unknown-field-tests-secret-key-base-0123456789";
    private static final String SECRET = "sk-or-v1-secret-value-never-in-a-message";

    private final FakeProviderServer fake = FakeProviderServer.start().addApiKey(SECRET);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private Integrations integrations(DataSource dataSource) {
        return Integrations.builder()
                .dataSource(dataSource)
                .providers(fake.providerRegistry())
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .build();
    }

    private static IntegrationException refused(Runnable call) {
        try {
            call.run();
        } catch (IntegrationException e) {
            return e;
        }
        throw new AssertionError("expected an IntegrationException");
    }

    @Test
    void saveSetupWhenApiKeyMisspeltThenUnknownFieldNamingItAndTheKnownFieldsAndNothingWritten(DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource)) {
            UUID uuid = integrations.addConnection("openrouter", "work").uuid();
            IntegrationData before = integrations.getIntegration(uuid.toString());
            int audits = integrations.auditTrail(uuid).size();
            List<IntegrationEvent> events = new CopyOnWriteArrayList<>();
            integrations.events().subscribe(events::add);

            IntegrationException e = refused(() -> integrations.saveSetup(uuid, Map.of("apikey", SECRET)));

            assertThat(e.error()).isEqualTo(IntegrationError.UNKNOWN_FIELD);
            assertThat(e.getMessage())
                    .isEqualTo("Unknown field 'apikey' for provider 'openrouter' (did you mean 'api_key'?);"
                            + " setup fields: api_key; other known fields: auth_type, connected_at,"
                            + " external_account_id, external_account_name, last_validated_at, metadata, name,"
                            + " owner_type, owner_uuid, provider, status, validation_status")
                    .doesNotContain(SECRET);
            assertThat(integrations.getIntegration(uuid.toString())).isEqualTo(before);
            assertThat(integrations.auditTrail(uuid)).hasSize(audits);
            assertThat(events).isEmpty();
        }
    }

    @Test
    void saveSetupWhenSeveralUnknownWithAGoodOneThenAllNamedSortedAndTheGoodOneNotStoredEither(DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource)) {
            UUID ses = integrations.addConnection("aws_ses", "mail").uuid();

            IntegrationException e = refused(() -> integrations.saveSetup(
                    ses,
                    Map.of(
                            "access_key",
                            "AKIAEXAMPLE",
                            "secret_key",
                            SECRET,
                            "region",
                            "eu-west-1",
                            "Secret-Key",
                            "x")));

            assertThat(e.error()).isEqualTo(IntegrationError.UNKNOWN_FIELD);
            assertThat(e.getMessage())
                    .startsWith("Unknown fields 'Secret-Key', 'region' for provider 'aws_ses' (did you mean"
                            + " 'secret_key'?); setup fields: access_key, secret_key, aws_region;")
                    .doesNotContain(SECRET)
                    .doesNotContain("AKIAEXAMPLE");
            assertThat(integrations.getIntegration(ses.toString()).get("access_key"))
                    .isNull();
            assertThat(integrations.getIntegration(ses.toString()).status()).contains(ConnectionStatus.DISCONNECTED);
        }
    }

    @Test
    void saveSetupWhenAFieldNameHoldsAControlCharacterThenItIsShownReplaced(DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource)) {
            UUID uuid = integrations.addConnection("openrouter", "work").uuid();

            IntegrationException e = refused(() -> integrations.saveSetup(uuid, Map.of("api_key\n", "k")));

            assertThat(e.error()).isEqualTo(IntegrationError.UNKNOWN_FIELD);
            assertThat(e.getMessage()).startsWith("Unknown field 'api_key?' for provider 'openrouter'");
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }

    @Test
    void saveSetupOfAnOwnedConnectionIsCheckedToo(DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource)) {
            var mine = integrations.ownedBy(Owner.user(PhoenixKitFixtures.USER_UUID));
            UUID uuid = mine.addConnection("telegram", "bot").uuid();

            assertThat(refused(() -> mine.saveSetup(uuid, Map.of("bottoken", "1:x")))
                            .error())
                    .isEqualTo(IntegrationError.UNKNOWN_FIELD);
            // PhoenixKit's personal form fields are known
            IntegrationData saved =
                    mine.saveSetup(uuid, Map.of("bot_token", "1:x", "mode", "multi", "chat_ids", List.of("42")));
            assertThat(saved.get("chat_ids")).isEqualTo(List.of("42"));
        }
    }

    @Test
    void validateCredentialsWhenFieldMisspeltThenErrorResultWithTheMessageAndNothingSent(DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource)) {
            ValidationResult result = integrations.validateCredentials("openrouter", Map.of("apiKey", SECRET));

            assertThat(result.isOk()).isFalse();
            assertThat(result.message())
                    .startsWith("Unknown field 'apiKey' for provider 'openrouter' (did you mean 'api_key'?)")
                    .doesNotContain(SECRET);
            assertThat(fake.requests()).isEmpty();
            assertThat(integrations.validateCredentials("openrouter", Map.of("api_key", SECRET)))
                    .isEqualTo(ValidationResult.ok());
        }
    }

    @Test
    void saveSetupWhenEveryFieldOfAProvidersFormAndStateThenAccepted(DataSource dataSource) {
        try (Integrations integrations = integrations(dataSource)) {
            UUID smtp = integrations.addConnection("smtp", "mail").uuid();
            integrations.saveSetup(
                    smtp,
                    Map.of(
                            "host", "smtp.example.com",
                            "port", "587",
                            "username", "u",
                            "password", "p",
                            "security", "starttls",
                            "auth", "always",
                            "verify_cert", "verify_peer",
                            "ca_cert", "",
                            "timeout", "15000"));
            UUID google = integrations.addConnection("google", "work").uuid();
            IntegrationData saved = integrations.saveSetup(
                    google,
                    Map.of(
                            "client_id", "cid",
                            "client_secret", "cs",
                            "oauth_state", "state-saved-by-a-phoenixkit-style-form",
                            "status", "disconnected",
                            "metadata", Map.of("connected_email", "a@example.com"),
                            "owner_type", "user"));
            assertThat(saved.get("oauth_state")).isEqualTo("state-saved-by-a-phoenixkit-style-form");
            assertThat(saved.has("owner_type"))
                    .as("owner fields are ignored, as before")
                    .isFalse();
        }
    }

    @Test
    void phoenixKitV180RowsHoldOnlyFieldsTheirProvidersKnowAndRoundTripThroughSaveSetup() {
        try (TestDatabase database = PostgresServer.shared().createEmptyDatabase()) {
            PhoenixKitFixtures.v180(database.dataSource());
            Jdbi jdbi = Jdbi.create(database.dataSource());
            ProviderRegistry registry = ProviderRegistry.loadDefault();
            Map<String, TreeSet<String>> unknownByRow = new TreeMap<>();
            List<Map<String, Object>> keys =
                    jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT uuid::text AS uuid, value_json->>'provider' AS provider,
                                   jsonb_object_keys(value_json) AS field
                            FROM phoenix_kit_settings WHERE module = 'integrations'""").mapToMap().list());
            int checked = 0;
            for (Map<String, Object> row : keys) {
                Optional<ProviderDefinition> provider = registry.get((String) row.get("provider"));
                if (provider.isEmpty()) {
                    continue; // acme_crm: not checked, as the library does not know it
                }
                checked++;
                if (!provider.get().knownFields().contains((String) row.get("field"))) {
                    unknownByRow
                            .computeIfAbsent(row.get("provider") + " " + row.get("uuid"), k -> new TreeSet<>())
                            .add((String) row.get("field"));
                }
            }
            assertThat(checked).isGreaterThan(50);
            assertThat(unknownByRow).isEmpty();

            Migrator.create(database.dataSource()).migrate();
            try (Integrations integrations = Integrations.builder()
                    .dataSource(database.dataSource())
                    .providers(registry)
                    .cipher(SecretCipher.fromSecretKeyBase(PhoenixKitFixtures.SECRET_KEY_BASE))
                    .build()) {
                for (UUID uuid : List.of(
                        PhoenixKitFixtures.GOOGLE_DEFAULT, PhoenixKitFixtures.SMTP_MAIL, PhoenixKitFixtures.AWS_SES)) {
                    IntegrationData stored = integrations.getIntegration(uuid.toString());
                    assertThat(integrations.saveSetup(uuid, stored.asMap()).asMap())
                            .as("PhoenixKit's row %s saved back as read", uuid)
                            .containsAllEntriesOf(stored.asMap());
                }
            }
        }
    }
}
