package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.audit.AuditActions;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.json.Timestamps;
import dev.phoenixkit.integrations.internal.protocol.TokenEndpoint;
import dev.phoenixkit.integrations.internal.protocol.TokenGrant;
import dev.phoenixkit.integrations.internal.service.ConnectionCommands;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.internal.store.StoreTransaction;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.observe.ProviderCallKind;
import dev.phoenixkit.integrations.observe.RefreshRole;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes OAuth2 access tokens, single-flight per connection (docs/behaviour.md#fix-6).
 *
 * <p>In one JVM, one refresh per connection is in flight at a time: callers arriving while it runs join it and all
 * get its outcome, success or failure (one token call, one write). Across JVMs sharing the database, the refresh
 * runs in a transaction holding {@code pg_advisory_xact_lock(bigint)} keyed on all 128 bits of the uuid folded to 64
 * (most ^ least significant bits). Under that lock the row is re-read: if its token was refreshed or replaced since
 * the caller read it ({@code access_token} or {@code token_obtained_at} differ from the caller's
 * {@link TokenSnapshot}), no token call is made and the current token is the answer.
 *
 * <p>The token endpoint is called holding only the advisory lock, so a {@code disconnect}, {@code saveSetup} or new
 * authorization can commit meanwhile. The result is therefore written only after locking the row and checking that
 * it still holds the {@code refresh_token} and {@code client_id} that were sent; otherwise nothing is written: a new
 * token is discarded ({@link IntegrationError#REFRESH_FAILED} without an HTTP status, message "... changed while its
 * token was being refreshed ..."), and a failure is rethrown without being recorded.
 *
 * <p>After the refresh (docs/phoenixkit-reference.md#2-4), in the same transaction: success from status {@code error} records a successful
 * validation and an {@code integration.auto_recovered} entry; failure records the error status (credentials
 * untouched) and an {@code integration.token_refresh_failed} entry, and is then thrown. A connection whose provider
 * is unregistered or not OAuth2 fails with {@code UNKNOWN_PROVIDER} before anything else, without side effects.
 *
 * <p>Thread-safe.
 */
public final class TokenRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);

    private final ConnectionStore store;
    private final ProviderRegistry providers;
    private final ConnectionCommands commands;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;
    private final Duration skew;
    private final ConcurrentHashMap<UUID, CompletableFuture<TokenSnapshot>> inFlight = new ConcurrentHashMap<>();
    private final IntegrationsObserver observer;

    /**
     * @param store         row access
     * @param providers     the provider registry
     * @param commands      for recording validation results
     * @param tokenEndpoint the protocol client
     * @param clock         the clock
     * @param skew          how close to expiry a token counts as stale (capped at half the token's lifetime)
     * @param observer      told when a caller leads or joins a refresh, and how it ended
     */
    public TokenRefresher(
            ConnectionStore store,
            ProviderRegistry providers,
            ConnectionCommands commands,
            TokenEndpoint tokenEndpoint,
            Clock clock,
            Duration skew,
            IntegrationsObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.store = Objects.requireNonNull(store, "store");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    /**
     * The 64-bit advisory-lock key of a connection's refreshes.
     *
     * @param uuid the connection
     * @return its most significant bits xor its least significant bits
     */
    static long advisoryKey(UUID uuid) {
        return uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
    }

    /**
     * Whether data holds an OAuth2 token that can be refreshed and is expired or expires within the skew. The skew
     * is capped at half the token's lifetime ({@code expires_at - token_obtained_at}), so a provider whose tokens
     * live no longer than the skew does not cause a refresh on every use.
     *
     * @param data a connection's data
     * @return whether to refresh before use
     */
    public boolean needsRefresh(IntegrationData data) {
        return TokenState.canRefresh(data) && TokenState.expiresWithin(data, clock.instant(), skewFor(data));
    }

    private Duration skewFor(IntegrationData data) {
        Optional<Instant> expiresAt = TokenState.expiresAt(data);
        Optional<Instant> obtainedAt = Timestamps.parse(data.get(Fields.TOKEN_OBTAINED_AT));
        if (expiresAt.isEmpty() || obtainedAt.isEmpty() || !expiresAt.get().isAfter(obtainedAt.get())) {
            return skew;
        }
        Duration halfLife = Duration.between(obtainedAt.get(), expiresAt.get()).dividedBy(2);
        return halfLife.compareTo(skew) < 0 ? halfLife : skew;
    }

    /**
     * Refreshes now (the facade's {@code refreshAccessToken}), or joins the refresh in flight.
     *
     * @param uuid the connection
     * @return the new access token (or the one a peer obtained meanwhile)
     * @throws IntegrationException {@code NOT_CONFIGURED}, {@code UNKNOWN_PROVIDER}, {@code DECRYPTION_FAILED} (all
     *                              without side effects); {@code NO_REFRESH_TOKEN}, {@code CLIENT_CREDENTIALS_NOT_CONFIGURED},
     *                              {@code REFRESH_FAILED}, {@code TRANSPORT_FAILED} (recorded as status error)
     */
    public String refresh(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        StoredConnection row = find(uuid);
        OAuthConfig config = OAuthProviders.config(providers, row);
        requireReadable(row);
        return singleFlight(uuid, row.provider(), config, TokenSnapshot.of(row.data()))
                .accessToken();
    }

    /**
     * Refreshes unless someone else refreshed or replaced the token since the caller read {@code seen}.
     *
     * @param uuid the connection
     * @param seen the token fields the caller found stale (expired, about to expire, rejected)
     * @return the current token fields (new, or those a peer obtained)
     * @throws IntegrationException as {@link #refresh(UUID)}
     */
    public TokenSnapshot refresh(UUID uuid, TokenSnapshot seen) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(seen, "seen");
        StoredConnection row = find(uuid);
        OAuthConfig config = OAuthProviders.config(providers, row);
        requireReadable(row);
        if (seen.replacedIn(row.data())) {
            LOG.debug("Connection {}: token already refreshed by another caller", uuid);
            return TokenSnapshot.of(row.data());
        }
        return singleFlight(uuid, row.provider(), config, seen);
    }

    /**
     * Leads a refresh, or joins the one in flight. A joined refresh that ends with exactly the token this caller
     * found stale (it was skipped because its own caller had read an older token) does not answer this caller,
     * who then refreshes itself.
     */
    private TokenSnapshot singleFlight(UUID uuid, String provider, OAuthConfig config, TokenSnapshot seen) {
        while (true) {
            CompletableFuture<TokenSnapshot> mine = new CompletableFuture<>();
            CompletableFuture<TokenSnapshot> running = inFlight.putIfAbsent(uuid, mine);
            RefreshRole role = running == null ? RefreshRole.LEADER : RefreshRole.JOINED;
            observer.tokenRefreshStarted(provider, role);
            long started = System.nanoTime();
            dev.phoenixkit.integrations.observe.Outcome outcome = dev.phoenixkit.integrations.observe.Outcome.FAILURE;
            try {
                if (running == null) {
                    TokenSnapshot led =
                            ProviderHttp.tagged(provider, ProviderCallKind.TOKEN, () -> lead(uuid, config, seen, mine));
                    outcome = dev.phoenixkit.integrations.observe.Outcome.SUCCESS;
                    return led;
                }
                LOG.debug("Connection {}: joining the token refresh in flight", uuid);
                TokenSnapshot joined = await(uuid, running);
                outcome = dev.phoenixkit.integrations.observe.Outcome.SUCCESS;
                if (!joined.equals(seen)) {
                    return joined;
                }
            } finally {
                observer.tokenRefresh(provider, role, outcome, Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    private TokenSnapshot lead(
            UUID uuid, OAuthConfig config, TokenSnapshot seen, CompletableFuture<TokenSnapshot> mine) {
        try {
            TokenSnapshot result = store.inTransaction(tx -> refreshUnderLock(tx, uuid, config, seen))
                    .result();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(uuid, mine);
        }
    }

    private static TokenSnapshot await(UUID uuid, CompletableFuture<TokenSnapshot> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationException(
                    IntegrationError.TRANSPORT_FAILED,
                    "Interrupted while waiting for the token refresh of connection " + uuid,
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IntegrationException failure) {
                // A fresh exception per caller (stack traces are per thread), same code, message, status and error.
                throw IntegrationException.causedBy(failure.error(), failure.getMessage(), failure);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("token refresh failed", cause);
        }
    }

    private Outcome refreshUnderLock(StoreTransaction tx, UUID uuid, OAuthConfig config, TokenSnapshot seen) {
        tx.handle().attach(RefreshLockDao.class).lock(advisoryKey(uuid));
        StoredConnection current = tx.find(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
        requireReadable(current);
        if (seen.replacedIn(current.data())) {
            LOG.debug("Connection {}: token already refreshed by another caller", uuid);
            return Outcome.succeeded(TokenSnapshot.of(current.data()));
        }
        SentCredentials sent = SentCredentials.of(current.data());
        TokenGrant grant = null;
        IntegrationException failure = null;
        try {
            grant = tokenEndpoint.refresh(config, current.data().asMap());
        } catch (IntegrationException e) {
            failure = e;
        }
        Optional<StoredConnection> locked = tx.lock(uuid);
        if (locked.isEmpty()) {
            return Outcome.failed(failure != null ? failure : ConnectionStore.notConfigured(uuid));
        }
        if (!sent.stillIn(locked.get().data())) {
            LOG.warn(
                    "Connection {}: its refresh token or client changed while the token refresh was in flight;" + " {}",
                    uuid,
                    failure == null ? "the new token is discarded" : "the failure is not recorded");
            return Outcome.failed(failure != null ? failure : credentialsChanged(uuid));
        }
        if (failure != null) {
            recordFailure(tx, locked.get(), failure);
            return Outcome.failed(failure);
        }
        return Outcome.succeeded(storeGrant(tx, locked.get(), grant));
    }

    private TokenSnapshot storeGrant(StoreTransaction tx, StoredConnection locked, TokenGrant grant) {
        boolean wasError =
                ConnectionStatus.ERROR.wireValue().equals(locked.data().get(Fields.STATUS));
        Map<String, Object> fields = new LinkedHashMap<>(locked.data().asMap());
        TokenState.putGrant(fields, grant);
        StoredConnection saved = tx.write(locked, fields);
        tx.audit(AuditActions.TOKEN_REFRESHED, saved, null, AuditMode.AUTO, Map.of("mode", "auto"));
        LOG.debug("Connection {}: access token refreshed", locked.uuid());
        if (wasError) {
            saved = commands.recordValidation(tx, saved, ValidationResult.ok());
            tx.audit(AuditActions.AUTO_RECOVERED, saved, null, AuditMode.AUTO, Map.of());
        }
        return TokenSnapshot.of(saved.data());
    }

    private void recordFailure(StoreTransaction tx, StoredConnection locked, IntegrationException failure) {
        String reason = failure.getMessage();
        LOG.warn("Connection {}: token refresh failed: {}", locked.uuid(), reason);
        StoredConnection saved = commands.recordValidation(tx, locked, ValidationResult.error(reason));
        tx.audit(AuditActions.TOKEN_REFRESH_FAILED, saved, null, AuditMode.AUTO, Map.of("reason", reason));
    }

    /**
     * A refresh token or client secret this node cannot decrypt is not missing (docs/behaviour.md#fix-10): no token
     * call, no {@code error} status, nothing written; {@code DECRYPTION_FAILED} instead of {@code NO_REFRESH_TOKEN}.
     */
    private static void requireReadable(StoredConnection row) {
        row.requireReadable(Fields.REFRESH_TOKEN, Fields.CLIENT_SECRET);
    }

    private StoredConnection find(UUID uuid) {
        return store.findByUuid(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
    }

    private static IntegrationException credentialsChanged(UUID uuid) {
        return new IntegrationException(
                IntegrationError.REFRESH_FAILED,
                "The refresh token or client of connection "
                        + uuid
                        + " changed while its token was being refreshed (disconnected, re-authorized or new client"
                        + " credentials saved); the new token was discarded");
    }

    /** The credentials a token call sends, to check the row still holds them before writing its result. */
    private record SentCredentials(String refreshToken, String clientId) {
        static SentCredentials of(IntegrationData data) {
            return new SentCredentials(
                    data.getString(Fields.REFRESH_TOKEN).orElse(null),
                    data.getString(Fields.CLIENT_ID).orElse(null));
        }

        boolean stillIn(IntegrationData data) {
            return equals(of(data));
        }

        @Override
        public String toString() {
            return "SentCredentials[refreshToken=<redacted>, clientId=" + clientId + "]";
        }
    }

    /** What the transaction decided: the token fields, or the failure to throw once the transaction committed. */
    private record Outcome(TokenSnapshot snapshot, IntegrationException failure) {
        static Outcome succeeded(TokenSnapshot snapshot) {
            return new Outcome(snapshot, null);
        }

        static Outcome failed(IntegrationException failure) {
            return new Outcome(null, failure);
        }

        TokenSnapshot result() {
            if (failure != null) {
                throw failure;
            }
            return snapshot;
        }
    }
}
