package dev.phoenixkit.integrations;

import static dev.phoenixkit.integrations.TestIntegrations.setupConn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Port of PhoenixKit's test/integration/integrations_test.exs (docs/phoenixkit-reference.md#11-1), the parts without HTTP. */
@PhoenixKitTest
class IntegrationsTest {
    private static final UUID GHOST = UUID.fromString("00000000-0000-7000-8000-000000000000");

    private Integrations integrations;
    private Jdbi jdbi;
    private final List<IntegrationEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp(DataSource dataSource, Jdbi jdbi) {
        this.jdbi = jdbi;
        integrations = TestIntegrations.create(dataSource);
        integrations.events().subscribe(events::add);
    }

    private static void assertError(ThrowingCallable call, IntegrationError error) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        IntegrationException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    /** Seeds a row directly, like PhoenixKit's tests do with update_json_setting_with_module. */
    private UUID seed(String key, String json) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                INSERT INTO public.phoenix_kit_settings (key, value_json, module)
                VALUES (:key, CAST(:json AS jsonb), 'integrations') RETURNING uuid""")
                .bind("key", key)
                .bind("json", json)
                .mapTo(UUID.class)
                .one());
    }

    private String storedKey(UUID uuid) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT key FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                        .bind("uuid", uuid)
                        .mapTo(String.class)
                        .one());
    }

    @Nested
    class SaveSetupAndGetCredentialsApiKey {
        @Test
        void saveSetupWhenApiKeyThenConfiguredAndCredentialsReturnTheKey() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "sk-or-test-key"));
            IntegrationData data = integrations.getIntegration("openrouter");
            assertThat(data.provider()).contains("openrouter");
            assertThat(data.authType()).contains("api_key");
            assertThat(data.status()).contains(ConnectionStatus.CONFIGURED);
            assertThat(integrations.getCredentials(uuid.toString()).apiKey()).contains("sk-or-test-key");
        }

        @Test
        void isConnectedWhenSavedThenTrueByUuid() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            assertThat(integrations.isConnected(uuid.toString())).isTrue();
        }

        @Test
        void isConnectedWhenNoDataThenFalse() {
            assertThat(integrations.isConnected("openrouter")).isFalse();
        }

        @Test
        void saveSetupWhenSavedTwiceThenMerged() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "key-1", "extra", "x"));
            integrations.saveSetup(uuid, Map.of("api_key", "key-2"));
            IntegrationData data = integrations.getCredentials("openrouter");
            assertThat(data.apiKey()).contains("key-2");
            assertThat(data.get("extra")).isEqualTo("x");
        }

        @Test
        void saveSetupWhenGhostUuidThenNotConfigured() {
            assertError(() -> integrations.saveSetup(GHOST, Map.of("api_key", "k")), IntegrationError.NOT_CONFIGURED);
        }

        @Test
        void saveSetupWhenEmptyApiKeyOnConfiguredThenDisconnectedButConnectedStays() {
            UUID configured = setupConn(integrations, "openrouter", "a", Map.of("api_key", "k"));
            assertThat(integrations.saveSetup(configured, Map.of("api_key", "")).status())
                    .contains(ConnectionStatus.DISCONNECTED);
            UUID connected = setupConn(integrations, "openrouter", "b", Map.of("api_key", "k"));
            integrations.recordValidation(connected, ValidationResult.ok());
            assertThat(integrations.saveSetup(connected, Map.of("api_key", "")).status())
                    .contains(ConnectionStatus.CONNECTED);
        }

        @Test
        void saveSetupWhenUnregisteredProviderThenKeepsStatusAndAuthType() {
            UUID uuid = seed("integration:aws:default", """
                    {"provider":"aws","name":"default","auth_type":"key_secret","status":"configured"}""");
            IntegrationData saved = integrations.saveSetup(uuid, Map.of("access_key", "AKIA"));
            assertThat(saved.status()).contains(ConnectionStatus.CONFIGURED);
            assertThat(saved.authType()).contains("key_secret");
        }

        @Test
        void saveSetupWhenStatusPassedThenForced() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of());
            IntegrationData saved = integrations.saveSetup(uuid, Map.of("status", "connected"));
            assertThat(saved.status()).contains(ConnectionStatus.CONNECTED);
            assertThat(saved.connectedAt()).isPresent();
        }

        @Test
        void saveSetupWhenSavedThenEventAndAuditEntry() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of());
            events.clear();
            UUID actor = UUID.randomUUID();
            integrations.saveSetup(uuid, Map.of("api_key", "sk-event"), actor);
            assertThat(events).singleElement().isInstanceOfSatisfying(IntegrationEvent.SetupSaved.class, e -> {
                assertThat(e.uuid()).isEqualTo(uuid);
                assertThat(e.provider()).isEqualTo("openrouter");
                assertThat(e.name()).isEqualTo("default");
                assertThat(e.data().apiKey()).contains("sk-event");
            });
            assertThat(integrations.auditTrail(uuid)).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("integration.setup_saved");
                assertThat(entry.actorUuid()).contains(actor);
                assertThat(entry.mode()).isEqualTo(AuditMode.MANUAL);
                assertThat(entry.metadata())
                        .containsEntry("status", "configured")
                        .containsEntry("provider", "openrouter")
                        .containsEntry("connection", "default");
            });
        }
    }

    @Nested
    class SaveSetupOAuth {
        @Test
        void saveSetupWhenClientCredentialsThenOauth2AndDisconnected() {
            UUID uuid = setupConn(
                    integrations, "google", "default", Map.of("client_id", "cid", "client_secret", "csecret"));
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat(data.authType()).contains("oauth2");
            assertThat(data.status()).contains(ConnectionStatus.DISCONNECTED);
            assertThat(data.clientSecret()).contains("csecret");
            assertThat(data.connectedAt()).isEmpty();
        }

        @Test
        void isConnectedWhenNoTokensThenFalse() {
            UUID uuid = setupConn(integrations, "google", "default", Map.of("client_id", "c", "client_secret", "s"));
            assertThat(integrations.isConnected(uuid.toString())).isFalse();
            assertError(() -> integrations.getCredentials(uuid.toString()), IntegrationError.NOT_CONFIGURED);
        }
    }

    @Nested
    class GetIntegration {
        @Test
        void getIntegrationWhenConfiguredThenFullBlob() {
            setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            assertThat(integrations.getIntegration("openrouter").status()).contains(ConnectionStatus.CONFIGURED);
        }

        @Test
        void getIntegrationWhenMissingThenNotConfigured() {
            assertError(() -> integrations.getIntegration("nonexistent"), IntegrationError.NOT_CONFIGURED);
            assertError(() -> integrations.getIntegration(GHOST.toString()), IntegrationError.NOT_CONFIGURED);
        }

        @Test
        void getIntegrationWhenEmptyOrMalformedThenInvalidProviderKey() {
            assertError(() -> integrations.getIntegration(""), IntegrationError.INVALID_PROVIDER_KEY);
            assertError(() -> integrations.getIntegration("google:"), IntegrationError.INVALID_PROVIDER_KEY);
            assertError(() -> integrations.getIntegration(":"), IntegrationError.INVALID_PROVIDER_KEY);
        }

        @Test
        void getIntegrationWhenLegacyDocumentCreatorKeyThenNotAutoMigrated() {
            seed("document_creator_google_oauth", "{\"access_token\":\"t\"}");
            assertError(() -> integrations.getIntegration("google"), IntegrationError.NOT_CONFIGURED);
        }

        @Test
        void getIntegrationWhenUuidOfNonIntegrationRowThenNotConfigured() {
            UUID other = seed("site_settings", "{\"a\":1}");
            assertError(() -> integrations.getIntegration(other.toString()), IntegrationError.NOT_CONFIGURED);
            assertError(() -> integrations.getCredentials(other.toString()), IntegrationError.DELETED);
        }
    }

    @Nested
    class Disconnect {
        @Test
        void disconnectWhenOAuthThenKeepsAppCredentialsAndTenantDropsTokens() {
            UUID uuid = setupConn(
                    integrations,
                    "google",
                    "default",
                    Map.of(
                            "client_id",
                            "cid",
                            "client_secret",
                            "cs",
                            "tenant_id",
                            "contoso",
                            "access_token",
                            "at",
                            "refresh_token",
                            "rt",
                            "external_account_id",
                            "me@example.com",
                            "status",
                            "connected"));
            integrations.disconnect(uuid);
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat(data.clientId()).contains("cid");
            assertThat(data.clientSecret()).contains("cs");
            assertThat(data.get("tenant_id")).isEqualTo("contoso");
            assertThat(data.has("access_token")).isFalse();
            assertThat(data.has("refresh_token")).isFalse();
            assertThat(data.has("external_account_id")).isFalse();
            assertThat(data.has("connected_at")).isFalse();
            assertThat(data.status()).contains(ConnectionStatus.DISCONNECTED);
            assertThat(events).last().isEqualTo(new IntegrationEvent.Disconnected(uuid, "google", "default"));
        }

        @Test
        void disconnectWhenApiKeyThenKeepsProviderAndAuthTypeDropsKey() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.disconnect(uuid);
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat(data.asMap()).containsOnlyKeys("provider", "auth_type", "name", "status");
            assertThat(data.provider()).contains("openrouter");
            assertThat(data.authType()).contains("api_key");
        }

        @Test
        void disconnectWhenKeySecretThenDropsKeysAndMetadata() {
            UUID uuid = seed("integration:aws:default", """
                    {"provider":"aws","name":"default","auth_type":"key_secret","status":"configured",
                     "access_key":"AKIA","secret_key":"s3cr3t","metadata":{"region":"eu"}}""");
            integrations.disconnect(uuid);
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat(data.has("access_key")).isFalse();
            assertThat(data.has("secret_key")).isFalse();
            assertThat(data.has("metadata")).isFalse();
        }

        @Test
        void disconnectWhenGhostUuidThenNotConfiguredAndNoEvent() {
            assertThatThrownBy(() -> integrations.disconnect(GHOST))
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_CONFIGURED));
            assertThat(events).isEmpty();
        }
    }

    @Nested
    class GetIntegrationByUuid {
        @Test
        void getIntegrationByUuidWhenPresentThenNormalizedConnection() {
            UUID uuid = setupConn(integrations, "openrouter", "primary", Map.of("api_key", "k"));
            Connection connection = integrations.getIntegrationByUuid(uuid);
            assertThat(connection.uuid()).isEqualTo(uuid);
            assertThat(connection.provider()).isEqualTo("openrouter");
            assertThat(connection.name()).isEqualTo("primary");
            assertThat(connection.data().apiKey()).contains("k");
        }

        @Test
        void getIntegrationByUuidWhenGhostThenNotConfigured() {
            assertError(() -> integrations.getIntegrationByUuid(GHOST), IntegrationError.NOT_CONFIGURED);
        }

        @Test
        void getIntegrationByUuidWhenNullThenInvalidUuid() {
            assertError(() -> integrations.getIntegrationByUuid(null), IntegrationError.INVALID_UUID);
        }

        @Test
        void readShimsWhenNullThenTheirTypedErrorLikePhoenixKitForNil() {
            assertError(() -> integrations.resolveToUuid(null), IntegrationError.INVALID);
            assertError(() -> integrations.findUuidByProviderName(null), IntegrationError.INVALID);
            assertError(() -> integrations.findUuidByProviderName(null, "default"), IntegrationError.INVALID);
            assertError(() -> integrations.findUuidByProviderName("openrouter", null), IntegrationError.INVALID);
            assertError(() -> integrations.getIntegration(null), IntegrationError.INVALID_PROVIDER_KEY);
            assertError(() -> integrations.getCredentials(null), IntegrationError.NOT_CONFIGURED);
            assertThat(integrations.isConnected(null)).isFalse();
        }

        @Test
        void getIntegrationByUuidWhenJsonDriftedThenProviderAndNameFromKey() {
            UUID uuid = seed("integration:openrouter:default", """
                    {"provider":"openrouter:default","name":"default:default","status":"configured"}""");
            Connection connection = integrations.getIntegrationByUuid(uuid);
            assertThat(connection.provider()).isEqualTo("openrouter");
            assertThat(connection.name()).isEqualTo("default");
        }
    }

    @Nested
    class GetCredentialsByAuthType {
        @Test
        void getCredentialsWhenConnectedOAuthWithTokenThenOk() {
            seed("integration:google:default", """
                    {"provider":"google","auth_type":"oauth2","status":"connected","access_token":"ya29"}""");
            assertThat(integrations.getCredentials("google").accessToken()).contains("ya29");
        }

        @Test
        void getCredentialsWhenBotTokenThenOk() {
            seed("integration:telegram:default", "{\"auth_type\":\"bot_token\",\"bot_token\":\"123:abc\"}");
            assertThat(integrations.getCredentials("telegram").botToken()).contains("123:abc");
        }

        @Test
        void getCredentialsWhenKeySecretThenOk() {
            seed("integration:aws:default", "{\"auth_type\":\"key_secret\",\"access_key\":\"AKIA\"}");
            assertThat(integrations.getCredentials("aws").get("access_key")).isEqualTo("AKIA");
        }

        @Test
        void getCredentialsWhenCredentialsMapThenOk() {
            seed("integration:smtp:default", "{\"auth_type\":\"credentials\",\"credentials\":{\"host\":\"mx\"}}");
            assertThat(integrations.getCredentials("smtp").get("credentials")).isEqualTo(Map.of("host", "mx"));
        }

        @Test
        void getCredentialsWhenOAuthSetupOnlyThenNotConfigured() {
            seed("integration:google:default", """
                    {"auth_type":"oauth2","status":"disconnected","client_id":"c","client_secret":"s"}""");
            assertError(() -> integrations.getCredentials("google"), IntegrationError.NOT_CONFIGURED);
        }
    }

    @Nested
    class ListIntegrations {
        @Test
        void listIntegrationsWhenEmptyThenEmpty() {
            assertThat(integrations.listIntegrations()).isEmpty();
        }

        @Test
        void listIntegrationsWhenOneOpenRouterRowThenOneEntry() {
            setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            seed("integration:aws:default", "{\"access_key\":\"x\"}");
            assertThat(integrations.listIntegrations())
                    .singleElement()
                    .satisfies(c -> assertThat(c.provider()).isEqualTo("openrouter"));
        }

        @Test
        void listProvidersWhenRegistryThenItsProviders() {
            assertThat(integrations.listProviders())
                    .extracting(p -> p.key())
                    .containsExactly("google", "openrouter", "mistral");
        }
    }

    @Nested
    class AddConnection {
        @Test
        void addConnectionWhenValidThenUuidDataAndResolvesBack() {
            Connection added = integrations.addConnection("google", "work");
            assertThat(added.data().provider()).contains("google");
            assertThat(added.data().name()).contains("work");
            assertThat(added.data().status()).contains(ConnectionStatus.DISCONNECTED);
            assertThat(added.data().authType()).contains("oauth2");
            assertThat(added.uuid().version()).isEqualTo(7);
            assertThat(integrations.getIntegrationByUuid(added.uuid()).name()).isEqualTo("work");
            assertThat(storedKey(added.uuid())).isEqualTo("integration:google:work");
            assertThat(events).containsExactly(new IntegrationEvent.ConnectionAdded(added.uuid(), "google", "work"));
            assertThat(integrations.auditTrail(added.uuid())).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("integration.connection_added");
                assertThat(entry.metadata()).containsEntry("name", "work");
                assertThat(entry.actorUuid()).isEmpty();
            });
        }

        @Test
        void addConnectionWhenRowWrittenThenPhoenixKitColumns() {
            UUID uuid = integrations.addConnection("openrouter", "default").uuid();
            Map<String, Object> row = jdbi.withHandle(handle ->
                    handle.createQuery("""
                    SELECT key, value, module, value_json->>'auth_type' AS auth_type FROM public.phoenix_kit_settings
                    WHERE uuid = :uuid""").bind("uuid", uuid).mapToMap().one());
            assertThat(row)
                    .containsEntry("key", "integration:openrouter:default")
                    .containsEntry("value", null)
                    .containsEntry("module", "integrations")
                    .containsEntry("auth_type", "api_key");
        }

        @Test
        void addConnectionWhenUnregisteredProviderThenUnknownProviderNamingKnownKeysAndNothingWritten() {
            assertThatThrownBy(() -> integrations.addConnection("aws", "default"))
                    .isInstanceOfSatisfying(IntegrationException.class, e -> {
                        assertThat(e.error()).isEqualTo(IntegrationError.UNKNOWN_PROVIDER);
                        assertThat(e.getMessage())
                                .isEqualTo("Unknown provider 'aws'; registered providers: google, openrouter, mistral");
                    });
            int rows = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT count(*) FROM public.phoenix_kit_settings WHERE module = 'integrations'")
                    .mapTo(Integer.class)
                    .one());
            assertThat(rows).isZero();
            assertThat(events).isEmpty();
        }

        @Test
        void addConnectionWhenEmptyThenEmptyName() {
            assertError(() -> integrations.addConnection("google", ""), IntegrationError.EMPTY_NAME);
        }

        @Test
        void addConnectionWhenBadCharactersThenInvalidName() {
            assertError(() -> integrations.addConnection("google", "my drive!"), IntegrationError.INVALID_NAME);
            assertError(() -> integrations.addConnection("google", "-bad"), IntegrationError.INVALID_NAME);
        }

        @Test
        void addConnectionWhenDashesAndUnderscoresThenAccepted() {
            assertThat(integrations.addConnection("google", "my-company_drive").name())
                    .isEqualTo("my-company_drive");
        }

        @Test
        void addConnectionWhenDuplicateThenAlreadyExists() {
            integrations.addConnection("google", "work");
            assertError(() -> integrations.addConnection("google", " work "), IntegrationError.ALREADY_EXISTS);
            assertThat(integrations.listConnections("google")).hasSize(1);
        }

        @Test
        void addConnectionWhenProviderKeyMalformedThenInvalidProviderKey() {
            for (String provider : List.of("", "a:b", "a%b", "_ab", "bad key")) {
                assertError(
                        () -> integrations.addConnection(provider, "default"), IntegrationError.INVALID_PROVIDER_KEY);
            }
        }

        @Test
        void addConnectionWhenLegacyBareKeyExistsThenDefaultStillAllowed() {
            seed("integration:google", "{\"access_token\":\"legacy\"}");
            assertThat(integrations.addConnection("google", "default").name()).isEqualTo("default");
        }
    }

    @Nested
    class RemoveConnection {
        @Test
        void removeConnectionWhenPresentThenGoneWithEventAndAudit() {
            UUID uuid = integrations.addConnection("google", "work").uuid();
            UUID actor = UUID.randomUUID();
            integrations.removeConnection(uuid, actor);
            assertThat(integrations.listConnections("google")).isEmpty();
            assertThat(events).last().isEqualTo(new IntegrationEvent.ConnectionRemoved(uuid, "google", "work"));
            assertThat(integrations.auditTrail(uuid)).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("integration.connection_removed");
                assertThat(entry.actorUuid()).contains(actor);
            });
        }

        @Test
        void removeConnectionWhenNamedDefaultThenRemoved() {
            UUID uuid = integrations.addConnection("openrouter", "default").uuid();
            integrations.removeConnection(uuid);
            assertThat(integrations.listConnections("openrouter")).isEmpty();
        }

        @Test
        void removeConnectionWhenGhostThenNotConfiguredAndNoEvent() {
            assertThatThrownBy(() -> integrations.removeConnection(GHOST))
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_CONFIGURED));
            assertThat(events).isEmpty();
        }

        @Test
        void removeConnectionWhenUuidOfNonIntegrationRowThenNotConfiguredAndRowKept() {
            UUID other = seed("site_settings", "{\"a\":1}");
            assertThatThrownBy(() -> integrations.removeConnection(other))
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_CONFIGURED));
            assertThat(storedKey(other)).isEqualTo("site_settings");
        }
    }

    @Nested
    class RenameConnection {
        @Test
        void renameConnectionWhenValidThenInPlaceSameUuid() {
            UUID uuid = setupConn(integrations, "google", "personal", Map.of("client_id", "c"));
            IntegrationData data = integrations.renameConnection(uuid, "work");
            assertThat(data.name()).contains("work");
            assertThat(storedKey(uuid)).isEqualTo("integration:google:work");
            assertError(() -> integrations.getIntegration("google:personal"), IntegrationError.NOT_CONFIGURED);
            assertThat(integrations.getIntegration("google:work").clientId()).contains("c");
            assertThat(integrations.findUuidByProviderName("google:work")).isEqualTo(uuid);
        }

        @Test
        void renameConnectionWhenSameNameThenNoWriteNoEvent() {
            UUID uuid = setupConn(integrations, "google", "personal", Map.of("client_id", "c"));
            events.clear();
            IntegrationData data = integrations.renameConnection(uuid, " personal ");
            assertThat(data.clientId()).contains("c");
            assertThat(events).isEmpty();
        }

        @Test
        void renameConnectionWhenBlankThenEmptyName() {
            UUID uuid = integrations.addConnection("google", "personal").uuid();
            assertError(() -> integrations.renameConnection(uuid, ""), IntegrationError.EMPTY_NAME);
            assertError(() -> integrations.renameConnection(uuid, "   "), IntegrationError.EMPTY_NAME);
        }

        @Test
        void renameConnectionWhenBadCharactersThenInvalidName() {
            UUID uuid = integrations.addConnection("google", "personal").uuid();
            for (String name : List.of("my work", "-leading-dash", "with/slash")) {
                assertError(() -> integrations.renameConnection(uuid, name), IntegrationError.INVALID_NAME);
            }
        }

        @Test
        void renameConnectionWhenTargetExistsThenAlreadyExistsAndBothRemain() {
            UUID personal = integrations.addConnection("google", "personal").uuid();
            integrations.addConnection("google", "work");
            events.clear();
            assertError(() -> integrations.renameConnection(personal, "work"), IntegrationError.ALREADY_EXISTS);
            assertThat(integrations.listConnections("google"))
                    .extracting(Connection::name)
                    .containsExactly("personal", "work");
            assertThat(events).isEmpty();
            assertThat(integrations.auditTrail(personal))
                    .extracting(AuditEntry::action)
                    .doesNotContain("integration.connection_renamed");
        }

        @Test
        void renameConnectionWhenDefaultThenAllowed() {
            UUID uuid = integrations.addConnection("google", "default").uuid();
            assertThat(integrations.renameConnection(uuid, "main").name()).contains("main");
        }

        @Test
        void renameConnectionWhenGhostThenNotConfigured() {
            assertError(() -> integrations.renameConnection(GHOST, "x"), IntegrationError.NOT_CONFIGURED);
        }

        @Test
        void renameConnectionWhenPaddedThenTrimmed() {
            UUID uuid = integrations.addConnection("google", "personal").uuid();
            assertThat(integrations.renameConnection(uuid, "  work  ").name()).contains("work");
            assertThat(storedKey(uuid)).isEqualTo("integration:google:work");
        }

        @Test
        void renameConnectionWhenRenamedThenEventAndAudit() {
            UUID uuid = integrations.addConnection("google", "personal").uuid();
            events.clear();
            UUID actor = UUID.randomUUID();
            integrations.renameConnection(uuid, "work", actor);
            assertThat(events)
                    .containsExactly(new IntegrationEvent.ConnectionRenamed(uuid, "google", "personal", "work"));
            assertThat(integrations.auditTrail(uuid)).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("integration.connection_renamed");
                assertThat(entry.name()).contains("work");
                assertThat(entry.metadata())
                        .containsEntry("old_name", "personal")
                        .containsEntry("new_name", "work");
            });
        }

        @Test
        void renameConnectionWhenFailedThenNoEvent() {
            UUID uuid = integrations.addConnection("google", "personal").uuid();
            events.clear();
            assertError(() -> integrations.renameConnection(uuid, "bad name"), IntegrationError.INVALID_NAME);
            assertThat(events).isEmpty();
        }

        @Test
        void renameConnectionWhenLegacyBareKeyThenGetsAFullKey() {
            UUID uuid = seed("integration:google", "{\"access_token\":\"t\"}");
            integrations.renameConnection(uuid, "work");
            assertThat(storedKey(uuid)).isEqualTo("integration:google:work");
        }
    }

    @Nested
    class ListConnections {
        @Test
        void listConnectionsWhenEmptyThenEmpty() {
            assertThat(integrations.listConnections("google")).isEmpty();
        }

        @Test
        void listConnectionsWhenOneThenUuidNameData() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            assertThat(integrations.listConnections("openrouter"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.uuid()).isEqualTo(uuid);
                        assertThat(c.name()).isEqualTo("default");
                        assertThat(c.data().apiKey()).contains("k");
                    });
        }

        @Test
        void listConnectionsWhenSeveralThenDefaultFirstThenByName() {
            for (String name : List.of("zeta", "alpha", "default", "Beta", "0day")) {
                integrations.addConnection("openrouter", name);
            }
            assertThat(integrations.listConnections("openrouter"))
                    .extracting(Connection::name)
                    .containsExactly("default", "0day", "Beta", "alpha", "zeta");
        }

        @Test
        void listConnectionsWhenLegacyBareKeyAndNoDefaultThenLegacyAsDefault() {
            UUID legacy = seed("integration:google", "{\"access_token\":\"t\"}");
            integrations.addConnection("google", "work");
            assertThat(integrations.listConnections("google"))
                    .extracting(Connection::uuid, Connection::name)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(legacy, "default"),
                            org.assertj.core.groups.Tuple.tuple(
                                    integrations.findUuidByProviderName("google:work"), "work"));
        }

        @Test
        void listConnectionsWhenProviderHasWildcardsThenExactMatch() {
            seed("integration:a_b:x", "{\"k\":1}");
            seed("integration:aXb:y", "{\"k\":1}");
            seed("integration:a%:z", "{\"k\":1}");
            assertThat(integrations.listConnections("a_b"))
                    .extracting(Connection::name)
                    .containsExactly("x");
            assertThat(integrations.listConnections("a%"))
                    .extracting(Connection::name)
                    .containsExactly("z");
            assertThat(integrations.loadAllConnections(List.of("a_b")).get("a_b"))
                    .hasSize(1);
        }

        @Test
        void listConnectionsWhenMalformedProviderThenInvalidProviderKey() {
            assertError(() -> integrations.listConnections(""), IntegrationError.INVALID_PROVIDER_KEY);
            assertError(() -> integrations.listConnections("a:b"), IntegrationError.INVALID_PROVIDER_KEY);
        }

        @Test
        void loadAllConnectionsWhenSeveralProvidersThenEveryKeyPresentDefaultFirst() {
            integrations.addConnection("openrouter", "work");
            integrations.addConnection("openrouter", "default");
            integrations.addConnection("google", "x");
            seed("integration:mistral", "{\"api_key\":\"legacy\"}");
            Map<String, List<Connection>> all =
                    integrations.loadAllConnections(List.of("openrouter", "google", "mistral", "deepseek"));
            assertThat(all).containsOnlyKeys("openrouter", "google", "mistral", "deepseek");
            assertThat(all.get("openrouter")).extracting(Connection::name).containsExactly("default", "work");
            assertThat(all.get("google")).extracting(Connection::name).containsExactly("x");
            assertThat(all.get("mistral")).isEmpty();
            assertThat(all.get("deepseek")).isEmpty();
        }
    }

    @Nested
    class GetCredentialsWithUuid {
        @Test
        void getCredentialsWhenUuidThenOk() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            assertThat(integrations.getCredentials(uuid.toString()).apiKey()).contains("k");
            assertThat(integrations
                            .getCredentials(uuid.toString().toUpperCase())
                            .apiKey())
                    .contains("k");
        }

        @Test
        void getCredentialsWhenDeletedUuidThenDeleted() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.removeConnection(uuid);
            assertError(() -> integrations.getCredentials(uuid.toString()), IntegrationError.DELETED);
        }

        @Test
        void getCredentialsWhenProviderMissThenNotConfiguredNotDeleted() {
            assertError(() -> integrations.getCredentials(GHOST.toString()), IntegrationError.DELETED);
            assertError(() -> integrations.getCredentials("openrouter"), IntegrationError.NOT_CONFIGURED);
            assertError(() -> integrations.getCredentials("openrouter:nope"), IntegrationError.NOT_CONFIGURED);
            assertError(() -> integrations.getCredentials(""), IntegrationError.NOT_CONFIGURED);
            assertError(() -> integrations.getCredentials("openrouter:"), IntegrationError.INVALID_PROVIDER_KEY);
        }
    }

    @Nested
    class IsConnectedWithUuid {
        @Test
        void isConnectedWhenConnectedUuidThenTrue() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.recordValidation(uuid, ValidationResult.ok());
            assertThat(integrations.isConnected(uuid.toString())).isTrue();
        }

        @Test
        void isConnectedWhenDeletedUuidOrMalformedThenFalse() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.removeConnection(uuid);
            assertThat(integrations.isConnected(uuid.toString())).isFalse();
            assertThat(integrations.isConnected("openrouter:")).isFalse();
            assertThat(integrations.isConnected(":")).isFalse();
            assertThat(integrations.isConnected("")).isFalse();
        }
    }

    @Nested
    class FindUuidByProviderName {
        @Test
        void findWhenProviderNameThenResolves() {
            UUID uuid = integrations.addConnection("openrouter", "primary").uuid();
            assertThat(integrations.findUuidByProviderName("openrouter:primary"))
                    .isEqualTo(uuid);
            assertThat(integrations.findUuidByProviderName("openrouter", "primary"))
                    .isEqualTo(uuid);
        }

        @Test
        void findWhenBareProviderThenDefault() {
            UUID uuid = integrations.addConnection("openrouter", "default").uuid();
            integrations.addConnection("openrouter", "other");
            assertThat(integrations.findUuidByProviderName("openrouter")).isEqualTo(uuid);
        }

        @Test
        void findWhenLegacyBareRowThenFoundAsDefault() {
            UUID legacy = seed("integration:openrouter", "{\"api_key\":\"k\"}");
            assertThat(integrations.findUuidByProviderName("openrouter")).isEqualTo(legacy);
        }

        @Test
        void findWhenNoMatchThenNotFound() {
            assertError(() -> integrations.findUuidByProviderName("openrouter:nope"), IntegrationError.NOT_FOUND);
        }

        @Test
        void findWhenMalformedThenInvalid() {
            assertError(() -> integrations.findUuidByProviderName(""), IntegrationError.INVALID);
            assertError(() -> integrations.findUuidByProviderName("foo", ""), IntegrationError.INVALID);
            assertError(() -> integrations.findUuidByProviderName("", "x"), IntegrationError.INVALID);
            assertError(() -> integrations.findUuidByProviderName("foo:"), IntegrationError.INVALID);
            assertError(() -> integrations.findUuidByProviderName(":"), IntegrationError.INVALID);
            assertError(() -> integrations.findUuidByProviderName(null), IntegrationError.INVALID);
        }
    }

    @Nested
    class ResolveToUuid {
        @Test
        void resolveWhenValidUuidThenPassesThrough() {
            UUID uuid = integrations.addConnection("openrouter", "default").uuid();
            assertThat(integrations.resolveToUuid(uuid.toString())).isEqualTo(uuid);
        }

        @Test
        void resolveWhenOrphanUuidThenNotFound() {
            assertError(() -> integrations.resolveToUuid(GHOST.toString()), IntegrationError.NOT_FOUND);
        }

        @Test
        void resolveWhenProviderNameOrBareThenDelegates() {
            UUID primary = integrations.addConnection("openrouter", "primary").uuid();
            UUID fallback = integrations.addConnection("openrouter", "default").uuid();
            assertThat(integrations.resolveToUuid("openrouter:primary")).isEqualTo(primary);
            assertThat(integrations.resolveToUuid("openrouter")).isEqualTo(fallback);
        }

        @Test
        void resolveWhenUnknownNameThenNotFound() {
            assertError(() -> integrations.resolveToUuid("openrouter:unknown"), IntegrationError.NOT_FOUND);
        }

        @Test
        void resolveWhenEmptyOrMalformedThenInvalid() {
            assertError(() -> integrations.resolveToUuid(""), IntegrationError.INVALID);
            assertError(() -> integrations.resolveToUuid("openrouter:"), IntegrationError.INVALID);
            assertError(() -> integrations.resolveToUuid("0000-zz"), IntegrationError.NOT_FOUND);
        }
    }

    @Nested
    class ConnectedAtTracking {
        @Test
        void saveSetupWhenApiKeyThenConfiguredWithoutConnectedAt() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat(data.status()).contains(ConnectionStatus.CONFIGURED);
            assertThat(data.has("connected_at")).isFalse();
        }

        @Test
        void saveSetupWhenOAuthSetupThenNoConnectedAt() {
            UUID uuid = setupConn(integrations, "google", "default", Map.of("client_id", "c", "client_secret", "s"));
            assertThat(integrations.getIntegration(uuid.toString()).has("connected_at"))
                    .isFalse();
        }

        @Test
        void recordValidationWhenOkThenStampsBothTimestampsEqualAndConnected() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.recordValidation(uuid, ValidationResult.ok());
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
            assertThat(data.get("connected_at")).isNotNull().isEqualTo(data.get("last_validated_at"));
            assertThat((String) data.get("connected_at"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        }

        @Test
        void recordValidationWhenOkAgainThenConnectedAtAdvances() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.recordValidation(uuid, ValidationResult.ok());
            String first = (String) integrations.getIntegration(uuid.toString()).get("connected_at");
            integrations.recordValidation(uuid, ValidationResult.ok());
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat((String) data.get("connected_at")).isGreaterThan(first);
            assertThat(data.get("last_validated_at")).isEqualTo(data.get("connected_at"));
        }

        @Test
        void recordValidationWhenErrorThenNoConnectedAtAndExistingKept() {
            UUID fresh = setupConn(integrations, "openrouter", "a", Map.of("api_key", "k"));
            integrations.recordValidation(fresh, ValidationResult.error("Invalid credentials"));
            assertThat(integrations.getIntegration(fresh.toString()).has("connected_at"))
                    .isFalse();

            UUID uuid = setupConn(integrations, "openrouter", "b", Map.of("api_key", "k"));
            integrations.recordValidation(uuid, ValidationResult.ok());
            Object connectedAt = integrations.getIntegration(uuid.toString()).get("connected_at");
            integrations.recordValidation(uuid, ValidationResult.error("Invalid credentials"));
            assertThat(integrations.getIntegration(uuid.toString()).get("connected_at"))
                    .isEqualTo(connectedAt);
        }
    }

    @Nested
    class RecordValidation {
        @Test
        void recordValidationWhenOkThenConnectedOkAndTimestamp() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.recordValidation(uuid, ValidationResult.ok());
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
            assertThat(data.validationStatus()).contains("ok");
            assertThat(data.lastValidatedAt()).isPresent();
        }

        @Test
        void recordValidationWhenRefreshFailedTextThenErrorPrefix() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.recordValidation(uuid, ValidationResult.error("Token refresh failed (HTTP 400)"));
            IntegrationData data = integrations.getIntegration(uuid.toString());
            assertThat(data.status()).contains(ConnectionStatus.ERROR);
            assertThat(data.validationStatus()).contains("error: Token refresh failed (HTTP 400)");
        }

        @Test
        void recordValidationWhenStatusUnchangedThenLastValidatedAtStillAdvances() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            integrations.recordValidation(uuid, ValidationResult.ok());
            String first = (String) integrations.getIntegration(uuid.toString()).get("last_validated_at");
            integrations.recordValidation(uuid, ValidationResult.ok());
            assertThat((String) integrations.getIntegration(uuid.toString()).get("last_validated_at"))
                    .isGreaterThan(first);
        }

        @Test
        void recordValidationWhenResultChangesThenBroadcastOnlyOnChange() {
            UUID uuid = setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            events.clear();
            integrations.recordValidation(uuid, ValidationResult.ok());
            integrations.recordValidation(uuid, ValidationResult.ok());
            integrations.recordValidation(uuid, ValidationResult.error("boom"));
            assertThat(events)
                    .containsExactly(
                            new IntegrationEvent.Validated(uuid, "openrouter", "default", ValidationResult.ok()),
                            new IntegrationEvent.Validated(
                                    uuid, "openrouter", "default", ValidationResult.error("boom")));
        }

        @Test
        void recordValidationWhenGhostThenNotConfiguredAndNoEvent() {
            assertThatThrownBy(() -> integrations.recordValidation(GHOST, ValidationResult.ok()))
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.NOT_CONFIGURED));
            assertThat(events).isEmpty();
        }
    }

    @Nested
    class StorageKeyInvariant {
        @Test
        void renameWhenDoneThenNoExtraColonSegments() {
            UUID uuid = integrations.addConnection("openrouter", "primary").uuid();
            integrations.renameConnection(uuid, "work");
            assertThat(storedKey(uuid)).isEqualTo("integration:openrouter:work");
        }

        @Test
        void renameWhenRoundTripThenBackToOriginalKey() {
            UUID uuid = integrations.addConnection("openrouter", "a").uuid();
            integrations.renameConnection(uuid, "b");
            integrations.renameConnection(uuid, "c");
            integrations.renameConnection(uuid, "a");
            assertThat(storedKey(uuid)).isEqualTo("integration:openrouter:a");
        }

        @Test
        void saveSetupWhenJsonCorruptedThenCanonicalKeyAndRepairedCopies() {
            UUID uuid = seed("integration:openrouter:primary", """
                    {"provider":"openrouter:default","name":"default:default","api_key":"old"}""");
            integrations.saveSetup(uuid, Map.of("api_key", "new"));
            assertThat(storedKey(uuid)).isEqualTo("integration:openrouter:primary");
            Connection connection = integrations.getIntegrationByUuid(uuid);
            assertThat(connection.provider()).isEqualTo("openrouter");
            assertThat(connection.name()).isEqualTo("primary");
            assertThat(connection.data().apiKey()).contains("new");
            assertThat(connection.data().provider()).contains("openrouter");
            assertThat(connection.data().name()).contains("primary");
            long rows = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT count(*) FROM public.phoenix_kit_settings WHERE key LIKE 'integration:%'")
                    .mapTo(Long.class)
                    .one());
            assertThat(rows).isEqualTo(1);
        }
    }

    @Nested
    class ConnectedSimplified {
        @Test
        void isConnectedWhenBareProviderWithDefaultCredentialsThenTrue() {
            setupConn(integrations, "openrouter", "default", Map.of("api_key", "k"));
            assertThat(integrations.isConnected("openrouter")).isTrue();
        }

        @Test
        void isConnectedWhenNoRowsThenFalse() {
            assertThat(integrations.isConnected("openrouter")).isFalse();
        }

        @Test
        void isConnectedWhenOnlyNonDefaultRowThenBareProviderDoesNotFallBack() {
            UUID secondary = setupConn(integrations, "openrouter", "secondary", Map.of("api_key", "k"));
            assertThat(integrations.isConnected("openrouter")).isFalse();
            assertThat(integrations.isConnected(secondary.toString())).isTrue();
            assertThat(integrations.isConnected("openrouter:secondary")).isTrue();
        }
    }
}
