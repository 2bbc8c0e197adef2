package dev.phoenixkit.integrations.internal;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.StorageLayout;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.audit.AuditLog;
import dev.phoenixkit.integrations.internal.crypto.FieldCodec;
import dev.phoenixkit.integrations.internal.db.Database;
import dev.phoenixkit.integrations.internal.events.EventAnnouncer;
import dev.phoenixkit.integrations.internal.events.LocalEventBus;
import dev.phoenixkit.integrations.internal.events.NotifyAnnouncer;
import dev.phoenixkit.integrations.internal.events.NotifyBridge;
import dev.phoenixkit.integrations.internal.flow.AuthSettings;
import dev.phoenixkit.integrations.internal.flow.ConnectionAuth;
import dev.phoenixkit.integrations.internal.http.LazyHttpClient;
import dev.phoenixkit.integrations.internal.service.ConnectionCommands;
import dev.phoenixkit.integrations.internal.service.ConnectionQueries;
import dev.phoenixkit.integrations.internal.service.EncryptionInventory;
import dev.phoenixkit.integrations.internal.service.Reencryptor;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.internal.store.CredentialCache;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one {@code Integrations} instance: the only place that knows how the internal parts fit together, so the
 * facade only delegates. Build order follows the data path (facade → services → store → db / crypto / audit /
 * events): database, codec, audit log, bus and the cross-node announcer first; the store over them; the services
 * over the store; last the cross-node listener, which re-reads rows through the store (so there is no cycle: the
 * store only knows the announcer, the sending half).
 *
 * <p>Thread-safe once assembled.
 */
public final class IntegrationsAssembly implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationsAssembly.class);

    private final IntegrationsContext context;
    private final ConnectionCommands commands;
    private final ConnectionQueries queries;
    private final ConnectionAuth auth;
    private final Reencryptor reencryptor;
    private final EncryptionInventory inventory;
    private final NotifyBridge bridge;

    /**
     * What the builder collected (already checked for presence and exclusivity).
     *
     * @param jdbi            the caller's {@code Jdbi}, or {@code null}
     * @param dataSource      the caller's {@code DataSource}, or {@code null}
     * @param providers       the registry, or {@code null} for {@link ProviderRegistry#loadDefault()}
     * @param cipher          the cipher
     * @param clock           the clock
     * @param httpClient      the caller's HTTP client, or {@code null} for the lazily created default
     * @param schema          the schema (checked by {@link Database})
     * @param crossNodeEvents whether the LISTEN/NOTIFY bridge is on
     * @param channel         the NOTIFY channel (checked by the caller)
     * @param authSettings    HTTP timeout, refresh skew, authorization TTL, check deadline
     * @param hostTransactions connections that may belong to a transaction the host has open, for the facade's
     *                        commands and reads, or {@code null} to run everything on the main source
     * @param afterHostCommit runs event delivery after the host's commit (used with {@code hostTransactions})
     * @param cache           the credential cache's size, staleness and whether it runs without cross-node events
     * @param observer        told about provider calls, refreshes, validations, the cache and the bridge
     * @param storageLayout   the forced storage layout, or {@code null} to detect it from the schema
     */
    public record Settings(
            Jdbi jdbi,
            DataSource dataSource,
            ProviderRegistry providers,
            SecretCipher cipher,
            Clock clock,
            HttpClient httpClient,
            String schema,
            boolean crossNodeEvents,
            String channel,
            AuthSettings authSettings,
            DataSource hostTransactions,
            Consumer<Runnable> afterHostCommit,
            CacheSettings cache,
            IntegrationsObserver observer,
            StorageLayout storageLayout) {
        /** Checks the required parts. */
        public Settings {
            Objects.requireNonNull(cache, "cache");
            Objects.requireNonNull(observer, "observer");
            Objects.requireNonNull(cipher, "cipher");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(authSettings, "authSettings");
            Objects.requireNonNull(afterHostCommit, "afterHostCommit");
        }
    }

    /**
     * The credential cache's tuning.
     *
     * @param maxEntries              the most rows cached (0: no cache)
     * @param maxStaleness            the longest a cached row is used after it was read
     * @param withoutCrossNodeEvents  whether to cache when cross-node events are off (only this instance's writes
     *                                and the staleness then keep it coherent)
     */
    public record CacheSettings(int maxEntries, Duration maxStaleness, boolean withoutCrossNodeEvents) {
        /** 10,000 rows, 30 seconds, off without cross-node events. */
        public static final CacheSettings DEFAULTS = new CacheSettings(10_000, Duration.ofSeconds(30), false);

        /** Checks the ranges. */
        public CacheSettings {
            Objects.requireNonNull(maxStaleness, "maxStaleness");
            if (maxEntries < 0) {
                throw new IllegalArgumentException(
                        "credential cache maxEntries must not be negative, was " + maxEntries);
            }
            if (maxStaleness.isNegative() || maxStaleness.isZero()) {
                throw new IllegalArgumentException(
                        "credential cache maxStaleness must be positive, was " + maxStaleness);
            }
        }
    }

    private IntegrationsAssembly(
            IntegrationsContext context,
            ConnectionCommands commands,
            ConnectionQueries queries,
            ConnectionAuth auth,
            Reencryptor reencryptor,
            EncryptionInventory inventory,
            NotifyBridge bridge) {
        this.context = context;
        this.commands = commands;
        this.queries = queries;
        this.auth = auth;
        this.reencryptor = reencryptor;
        this.inventory = inventory;
        this.bridge = bridge;
    }

    /**
     * Builds and wires every part, and starts the cross-node listener when it is on.
     *
     * @param settings what the builder collected
     * @return the wired parts
     */
    public static IntegrationsAssembly assemble(Settings settings) {
        Database database = settings.jdbi() != null
                ? Database.over(settings.jdbi(), settings.schema(), settings.storageLayout())
                : Database.over(settings.dataSource(), settings.schema(), settings.storageLayout());
        LOG.info(
                "Integrations on schema {}: storage layout {} ({})",
                settings.schema(),
                database.layout(),
                database.layoutReason());
        ProviderRegistry registry =
                settings.providers() != null ? settings.providers() : ProviderRegistry.loadDefault();
        String instanceId = UUID.randomUUID().toString();
        LocalEventBus bus = new LocalEventBus();
        AuditLog auditLog = new AuditLog(database, settings.clock());
        FieldCodec codec = new FieldCodec(settings.cipher());
        NotifyAnnouncer announcer =
                settings.crossNodeEvents() ? new NotifyAnnouncer(settings.channel(), instanceId) : null;
        IntegrationsObserver observer = settings.observer();
        CacheSettings cacheSettings = settings.cache();
        boolean caching =
                cacheSettings.maxEntries() > 0 && (announcer != null || cacheSettings.withoutCrossNodeEvents());
        CredentialCache cache = caching
                ? new CredentialCache(
                        cacheSettings.maxEntries(),
                        cacheSettings.maxStaleness(),
                        settings.clock(),
                        observer,
                        announcer == null)
                : null;
        ConnectionStore store = new ConnectionStore(
                database,
                codec,
                settings.clock(),
                auditLog,
                bus,
                announcer != null ? announcer : EventAnnouncer.NONE,
                Runnable::run,
                cache,
                true);
        IntegrationsContext context = new IntegrationsContext(
                database,
                store,
                registry,
                settings.cipher(),
                settings.clock(),
                LazyHttpClient.orDefault(settings.httpClient()),
                bus,
                auditLog,
                instanceId,
                observer);
        ConnectionCommands commands = new ConnectionCommands(store, registry);
        ConnectionQueries queries = new ConnectionQueries(store, registry);
        // The flows (refresh, validation stamps, code exchange) record what a provider said: always on the main
        // source, committing on their own. Only the facade's commands and reads join a host's transaction.
        ConnectionAuth auth = ConnectionAuth.create(context, commands, queries, settings.authSettings());
        if (settings.hostTransactions() != null) {
            Database hostDatabase = Database.over(settings.hostTransactions(), settings.schema(), database.layout());
            ConnectionStore hostStore = new ConnectionStore(
                    hostDatabase,
                    codec,
                    settings.clock(),
                    new AuditLog(hostDatabase, settings.clock()),
                    bus,
                    announcer != null ? announcer : EventAnnouncer.NONE,
                    settings.afterHostCommit(),
                    cache,
                    false);
            commands = new ConnectionCommands(hostStore, registry);
            queries = new ConnectionQueries(hostStore, registry);
        }
        Reencryptor reencryptor = new Reencryptor(store, settings.cipher());
        NotifyBridge bridge = announcer != null
                ? new NotifyBridge(
                        database,
                        announcer,
                        bus,
                        uuid -> store.findByUuidAnyOwner(uuid)
                                .map(StoredConnection::publicData)
                                .orElse(IntegrationData.empty()),
                        bridgeHooks(cache, observer))
                : null;
        IntegrationsAssembly assembly = new IntegrationsAssembly(
                context,
                commands,
                queries,
                auth,
                reencryptor,
                new EncryptionInventory(store, settings.cipher()),
                bridge);
        if (bridge != null) {
            bridge.start();
            LOG.info("Integrations {} started with cross-node events on channel {}", instanceId, settings.channel());
        }
        return assembly;
    }

    /** The bridge keeps the cache coherent: other nodes' writes drop rows; not listening suspends the cache. */
    private static NotifyBridge.Hooks bridgeHooks(CredentialCache cache, IntegrationsObserver observer) {
        return new NotifyBridge.Hooks() {
            @Override
            public void listening(Duration downtime) {
                if (cache != null) {
                    cache.resume();
                }
                if (downtime != null) {
                    observer.bridgeReconnected(downtime);
                }
            }

            @Override
            public void notListening() {
                if (cache != null) {
                    cache.suspend();
                }
                observer.bridgeDisconnected();
            }

            @Override
            public void written(UUID uuid) {
                if (cache != null) {
                    cache.invalidate(uuid);
                }
            }
        };
    }

    /** @return the storage layout this instance reads and writes */
    public StorageLayout storageLayout() {
        return context.database().layout();
    }

    /** @return the write side */
    public ConnectionCommands commands() {
        return commands;
    }

    /** @return the read side */
    public ConnectionQueries queries() {
        return queries;
    }

    /** @return the HTTP-facing flows (validation, OAuth2, refresh, authenticated requests) */
    public ConnectionAuth auth() {
        return auth;
    }

    /** @return re-encryption to the cipher's primary key */
    public Reencryptor reencryptor() {
        return reencryptor;
    }

    /** @return the encryption-status report */
    public EncryptionInventory encryptionInventory() {
        return inventory;
    }

    /** @return the provider registry */
    public ProviderRegistry providers() {
        return context.providers();
    }

    /** @return the local event bus */
    public LocalEventBus bus() {
        return context.bus();
    }

    /** @return the cross-node listener, when cross-node events are on */
    public Optional<NotifyBridge> bridge() {
        return Optional.ofNullable(bridge);
    }

    /** @return the instance's collaborators */
    public IntegrationsContext context() {
        return context;
    }

    /** Stops the cross-node listener, if any, and the credential checks' workers. Idempotent. */
    @Override
    public void close() {
        if (bridge != null) {
            bridge.close();
        }
        auth.close();
    }

    @Override
    public String toString() {
        return "Integrations[schema=" + context.database().schema() + ", layout="
                + context.database().layout()
                + ", cipher=" + context.cipher()
                + ", crossNodeEvents=" + (bridge != null) + ", credentialCache="
                + context.store().cache().isPresent() + "]";
    }
}
