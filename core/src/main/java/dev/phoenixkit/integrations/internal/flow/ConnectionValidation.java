package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.audit.AuditActions;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import dev.phoenixkit.integrations.internal.protocol.CredentialValidator;
import dev.phoenixkit.integrations.internal.service.CredentialRules;
import dev.phoenixkit.integrations.internal.service.SecretInput;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.observe.Outcome;
import dev.phoenixkit.integrations.observe.ProviderCallKind;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code validateConnection} and {@code validateCredentials} (docs/phoenixkit-reference.md#2-5), refreshing an expired or nearly expired
 * OAuth2 token first (docs/behaviour.md#fix-5). Neither ever throws; neither stores the result (callers use
 * {@code recordValidation}). Thread-safe.
 */
public final class ConnectionValidation {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionValidation.class);

    private final ConnectionStore store;
    private final ProviderRegistry providers;
    private final CredentialValidator validator;
    private final TokenRefresher refresher;
    private final IntegrationsObserver observer;

    /**
     * @param store     row access
     * @param providers the provider registry
     * @param validator the HTTP check
     * @param refresher refreshes stale OAuth2 tokens first
     * @param observer  told about every validation that reaches the provider check
     */
    public ConnectionValidation(
            ConnectionStore store,
            ProviderRegistry providers,
            CredentialValidator validator,
            TokenRefresher refresher,
            IntegrationsObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.store = Objects.requireNonNull(store, "store");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
    }

    /**
     * Tests a stored connection and audits {@code integration.validated}.
     *
     * @param uuid the connection
     * @return the outcome; "Not configured", "Unknown provider", the refresh failure, or the provider's verdict
     */
    public ValidationResult validateConnection(UUID uuid) {
        return validateConnection(uuid, Owner.SYSTEM);
    }

    /**
     * {@link #validateConnection(UUID)} on a connection of one owner (another owner's reads as not configured).
     *
     * @param uuid  the connection
     * @param scope the owner it must belong to
     * @return the outcome
     */
    public ValidationResult validateConnection(UUID uuid, Owner scope) {
        return validateConnection(uuid, scope, null);
    }

    /**
     * {@link #validateConnection(UUID, Owner)} audited with an actor.
     *
     * @param uuid  the connection
     * @param scope the owner it must belong to
     * @param actor who asked for the test (the {@code integration.validated} entry's actor), or {@code null}
     * @return the outcome
     */
    public ValidationResult validateConnection(UUID uuid, Owner scope, UUID actor) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(scope, "scope");
        ValidationResult result;
        try {
            result = check(uuid, scope);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Validation of connection {} failed unexpectedly: {}",
                    uuid,
                    e.getClass().getSimpleName());
            result = ValidationResult.error("Validation failed unexpectedly");
        }
        audit(uuid, scope, result, actor);
        return result;
    }

    /**
     * Tests credentials that are not stored (the "Test Connection" button of a new connection). Persists nothing.
     *
     * @param providerKey the provider key
     * @param attrs       PhoenixKit field names to values
     * @return the outcome; "Unknown provider" for an unregistered provider
     */
    public ValidationResult validateCredentials(String providerKey, Map<String, ?> attrs) {
        Objects.requireNonNull(providerKey, "providerKey");
        Objects.requireNonNull(attrs, "attrs");
        Optional<ProviderDefinition> provider = providers.get(providerKey);
        if (provider.isEmpty()) {
            return ValidationResult.error("Unknown provider");
        }
        try {
            Map<String, Object> plain = new LinkedHashMap<>();
            attrs.forEach((key, value) -> plain.put(key, JsonCodec.toPlain(value)));
            SecretInput.normalize(plain);
            return validate(provider.get(), plain);
        } catch (IntegrationException e) {
            // INVALID_SECRET: the message names the field, never the value; nothing is sent
            return ValidationResult.error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Validation of {} credentials failed unexpectedly: {}",
                    providerKey,
                    e.getClass().getSimpleName());
            return ValidationResult.error("Validation failed unexpectedly");
        }
    }

    private ValidationResult check(UUID uuid, Owner scope) {
        Optional<StoredConnection> row = store.findByUuid(uuid, scope);
        if (row.isEmpty()) {
            return ValidationResult.error("Not configured");
        }
        Optional<ProviderDefinition> provider = providers.get(row.get().provider());
        if (provider.isEmpty()) {
            return ValidationResult.error("Unknown provider");
        }
        IntegrationData data = row.get().data();
        Set<String> unreadable = row.get().publicData().undecryptableFields();
        if (!unreadable.isEmpty()) {
            // Never "Not configured" for a secret that is there but unreadable here (docs/behaviour.md#fix-10).
            LOG.warn(
                    "Connection {}: not validated, stored secrets {} cannot be decrypted with the configured key",
                    uuid,
                    unreadable);
            return ValidationResult.error(
                    "Stored secrets cannot be decrypted with the configured key: " + new TreeSet<>(unreadable));
        }
        if (!CredentialRules.hasCredentials(data.asMap())) {
            return ValidationResult.error("Not configured");
        }
        if (refresher.needsRefresh(data)) {
            try {
                refresher.refresh(uuid, TokenSnapshot.of(data));
            } catch (IntegrationException e) {
                return ValidationResult.error(e.getMessage());
            }
            data = store.findByUuid(uuid, scope).map(StoredConnection::data).orElse(data);
        }
        return validate(provider.get(), data.asMap());
    }

    /** The provider check, its HTTP calls tagged as validation calls and its outcome observed. */
    private ValidationResult validate(ProviderDefinition provider, Map<String, ?> data) {
        long started = System.nanoTime();
        ValidationResult result = ProviderHttp.tagged(
                provider.key(), ProviderCallKind.VALIDATION, () -> validator.validate(provider, data));
        observer.validation(
                provider.key(),
                result.isOk() ? Outcome.SUCCESS : Outcome.FAILURE,
                Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    private void audit(UUID uuid, Owner scope, ValidationResult result, UUID actor) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("result", result.isOk() ? "ok" : "error");
        if (!result.isOk()) {
            metadata.put("reason", result.message());
        }
        try {
            store.inTransaction(tx -> {
                tx.find(uuid, scope)
                        .ifPresent(row -> tx.audit(AuditActions.VALIDATED, row, actor, AuditMode.MANUAL, metadata));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not audit the validation of connection {}: {}", uuid, e.getMessage());
        }
    }
}
