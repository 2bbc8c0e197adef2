package dev.phoenixkit.integrations.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.ForeignRows;
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
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Providers the registry does not know (docs/behaviour.md#fix-14): no connection of one is born here, while a row of
 * one written by PhoenixKit or another host keeps working for reads and writes, its {@code auth_type} and fields
 * preserved. The registry is the fifteen built-ins; the foreign provider is {@code acme_crm}.
 */
@PhoenixKitTest
class UnknownProviderTest {
    private static final String SECRET_KEY_BASE = "catalog-unknown-provider-tests-secret-key-base-0123456789";
    private static final String KEY = "acme-api-key-0001";

    private final List<IntegrationEvent> events = new CopyOnWriteArrayList<>();
    private Integrations integrations;
    private Jdbi jdbi;
    private UUID acme;

    @BeforeEach
    void setUp(DataSource dataSource, Jdbi jdbi) {
        this.jdbi = jdbi;
        integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(ProviderRegistry.loadDefault())
                .cipher(SecretCipher.fromSecretKeyBase(SECRET_KEY_BASE))
                .build();
        acme = ForeignRows.insert(
                jdbi,
                integrations.storageLayout(),
                "acme_crm",
                "sandbox",
                Map.of(
                        "auth_type", "api_key",
                        "api_key", KEY,
                        "workspace", "sandbox-42",
                        "region", "eu",
                        "status", "connected"));
        integrations.events().subscribe(events::add);
    }

    @AfterEach
    void tearDown() {
        integrations.close();
    }

    private String column(String expression) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + expression + " FROM public.phoenix_kit_settings WHERE uuid = :uuid")
                .bind("uuid", acme)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
    }

    private int integrationRows() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM public.phoenix_kit_settings WHERE module = 'integrations'")
                .mapTo(Integer.class)
                .one());
    }

    @Test
    void addConnectionWhenProviderUnregisteredThenUnknownProviderListingTheFifteenAndNothingWritten() {
        String known = ProviderRegistry.loadDefault().all().stream()
                .map(ProviderDefinition::key)
                .collect(Collectors.joining(", "));
        assertThat(known.split(", ")).hasSize(15);

        assertThatThrownBy(() -> integrations.addConnection("acme_crm", "second"))
                .isInstanceOfSatisfying(IntegrationException.class, e -> {
                    assertThat(e.error()).isEqualTo(IntegrationError.UNKNOWN_PROVIDER);
                    assertThat(e.getMessage()).isEqualTo("Unknown provider 'acme_crm'; registered providers: " + known);
                });
        assertThatThrownBy(() -> integrations.addConnection("aws", "default", UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.UNKNOWN_PROVIDER));
        UUID user = UUID.fromString("0190a000-0000-7000-8000-00000000aaaa");
        assertThatThrownBy(() -> integrations.ownedBy(Owner.user(user)).addConnection("acme_crm", "mine"))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.UNKNOWN_PROVIDER));

        assertThat(integrationRows()).isEqualTo(1);
        assertThat(events).isEmpty();
        assertThat(integrations.auditTrail(acme)).isEmpty();
    }

    @Test
    void readsWhenProviderUnregisteredThenTheRowAsStored() {
        IntegrationData data = integrations.getIntegration(acme.toString());
        assertThat(data.provider()).contains("acme_crm");
        assertThat(data.get("auth_type")).isEqualTo("api_key");
        assertThat(data.apiKey()).contains(KEY);
        assertThat(data.get("workspace")).isEqualTo("sandbox-42");

        Connection connection = integrations.getIntegrationByUuid(acme);
        assertThat(connection.provider()).isEqualTo("acme_crm");
        assertThat(connection.name()).isEqualTo("sandbox");
        assertThat(integrations.getCredentials("acme_crm:sandbox").apiKey()).contains(KEY);
        assertThat(integrations.isConnected(acme.toString())).isTrue();
        assertThat(integrations.resolveToUuid("acme_crm:sandbox")).isEqualTo(acme);
        assertThat(integrations.listConnections("acme_crm"))
                .extracting(Connection::uuid)
                .containsExactly(acme);
    }

    @Test
    void saveSetupWhenProviderUnregisteredThenMergedWithAuthTypeAndUnknownFieldsPreservedAndSecretEncrypted() {
        IntegrationData saved = integrations.saveSetup(acme, Map.of("api_key", "acme-api-key-0002", "tier", "gold"));

        assertThat(saved.get("auth_type")).isEqualTo("api_key");
        assertThat(saved.status()).contains(ConnectionStatus.CONNECTED);
        assertThat(saved.get("workspace")).isEqualTo("sandbox-42");
        assertThat(saved.get("region")).isEqualTo("eu");
        assertThat(saved.get("tier")).isEqualTo("gold");
        assertThat(column("value_json->>'auth_type'")).isEqualTo("api_key");
        assertThat(column("value_json->>'provider'")).isEqualTo("acme_crm");
        assertThat(column("value_json->>'api_key'")).startsWith("enc:v1:");
        assertThat(integrations.getCredentials(acme.toString()).apiKey()).contains("acme-api-key-0002");
        assertThat(events).hasSize(1).first().isInstanceOf(IntegrationEvent.SetupSaved.class);
    }

    @Test
    void renameValidateRecordAndDisconnectWhenProviderUnregisteredThenAuthTypeAndIdentityKept() {
        integrations.renameConnection(acme, "production");
        assertThat(integrations.getIntegrationByUuid(acme).name()).isEqualTo("production");
        assertThat(column("value_json->>'auth_type'")).isEqualTo("api_key");
        assertThat(column("value_json->>'workspace'")).isEqualTo("sandbox-42");

        assertThat(integrations.validateConnection(acme)).isEqualTo(ValidationResult.error("Unknown provider"));
        integrations.recordValidation(acme, ValidationResult.ok("checked by the host"));
        assertThat(column("value_json->>'validation_status'")).isEqualTo("checked by the host");
        assertThat(column("value_json->>'auth_type'")).isEqualTo("api_key");

        integrations.disconnect(acme);
        assertThat(column("value_json->>'provider'")).isEqualTo("acme_crm");
        assertThat(column("value_json->>'name'")).isEqualTo("production");
        assertThat(column("value_json->>'auth_type'")).isEqualTo("api_key");
        assertThat(column("value_json->>'status'")).isEqualTo("disconnected");
        assertThat(column("jsonb_exists(value_json, 'api_key')::text")).isEqualTo("false");

        integrations.removeConnection(acme);
        assertThat(integrationRows()).isZero();
    }
}
