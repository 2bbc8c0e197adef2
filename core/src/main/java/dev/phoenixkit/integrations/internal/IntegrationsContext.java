package dev.phoenixkit.integrations.internal;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.audit.AuditLog;
import dev.phoenixkit.integrations.internal.db.Database;
import dev.phoenixkit.integrations.internal.events.LocalEventBus;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The collaborators one {@code Integrations} instance is built from, for the internal services behind the facade
 * (connection commands and queries, OAuth, validation).
 *
 * @param database   the library's own {@code Jdbi} (schema defined, statement rendering {@code NONE})
 * @param store      connection rows: decrypted reads, locked read-modify-write, audit and events in one transaction
 * @param providers  the provider registry
 * @param cipher     the secret cipher
 * @param clock      the clock for every timestamp
 * @param httpClient the HTTP client (created on first use when the builder got none)
 * @param bus        the local event bus
 * @param auditLog   the audit trail
 * @param instanceId this instance's id (origin of its cross-node notifications)
 * @param observer   told about provider calls, refreshes, validations, the cache and the bridge (never throws)
 */
public record IntegrationsContext(
        Database database,
        ConnectionStore store,
        ProviderRegistry providers,
        SecretCipher cipher,
        Clock clock,
        Supplier<HttpClient> httpClient,
        LocalEventBus bus,
        AuditLog auditLog,
        String instanceId,
        IntegrationsObserver observer) {}
