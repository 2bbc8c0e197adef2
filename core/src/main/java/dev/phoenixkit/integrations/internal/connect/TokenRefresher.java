package dev.phoenixkit.integrations.internal.connect;

import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.audit.AuditActions;
import dev.phoenixkit.integrations.internal.core.ConnectionCommands;
import dev.phoenixkit.integrations.internal.oauth.TokenEndpoint;
import dev.phoenixkit.integrations.internal.oauth.TokenGrant;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.internal.store.StoreTransaction;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes OAuth2 access tokens, single-flight per connection (deliberate fix 6).
 *
 * <p>In one JVM, callers for one connection queue on a lock (striped by uuid); across JVMs sharing the database,
 * the refresh runs in a transaction holding {@code pg_advisory_xact_lock} keyed on the row. Under both locks the
 * row is re-read: if its access token is no longer the one the caller found stale, and is not about to expire,
 * another caller (or node) already refreshed and no token call is made. Otherwise the token endpoint is called
 * (under the lock, so peers wait for its answer) and the result merged into the row-locked current data.
 *
 * <p>After the refresh (spec §2.4): success from status {@code error} records a successful validation and an
 * {@code integration.auto_recovered} entry; failure records the error status (credentials untouched) and an
 * {@code integration.token_refresh_failed} entry, then rethrows.
 *
 * <p>Thread-safe.
 */
public final class TokenRefresher {
    /** The advisory-lock space of token refreshes ("PKRF"). */
    static final int LOCK_SPACE = 0x504B5246;

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);
    private static final int STRIPES = 64;

    private final ConnectionStore store;
    private final ProviderRegistry providers;
    private final ConnectionCommands commands;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;
    private final Duration skew;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    /**
     * @param store         row access
     * @param providers     the provider registry
     * @param commands      for {@code recordValidation}
     * @param tokenEndpoint the protocol client
     * @param clock         the clock
     * @param skew          how close to expiry a token counts as stale
     */
    public TokenRefresher(ConnectionStore store, ProviderRegistry providers, ConnectionCommands commands,
            TokenEndpoint tokenEndpoint, Clock clock, Duration skew) {
        this.store = Objects.requireNonNull(store, "store");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Whether data holds an OAuth2 token that is expired or expires within the skew and can be refreshed.
     *
     * @param data a connection's data
     * @return whether to refresh before use
     */
    public boolean needsRefresh(IntegrationData data) {
        return TokenState.canRefresh(data) && TokenState.expiresWithin(data, clock.instant(), skew);
    }

    /**
     * Refreshes unless someone else already replaced {@code staleToken}.
     *
     * @param uuid       the connection
     * @param staleToken the access token the caller found stale (expired, rejected), or {@code null} to refresh
     *                   unconditionally
     * @return the current access token (new, or the one a peer obtained)
     * @throws IntegrationException {@code NOT_CONFIGURED}, {@code UNKNOWN_PROVIDER}, {@code NO_REFRESH_TOKEN},
     *                              {@code CLIENT_CREDENTIALS_NOT_CONFIGURED}, {@code REFRESH_FAILED},
     *                              {@code TRANSPORT_FAILED}
     */
    public String refresh(UUID uuid, String staleToken) {
        Objects.requireNonNull(uuid, "uuid");
        ReentrantLock lock = stripes[Math.floorMod(uuid.hashCode(), STRIPES)];
        lock.lock();
        try {
            StoredConnection seen = store.findByUuid(uuid).orElseThrow(() -> notConfigured(uuid));
            if (refreshedSince(seen.data(), staleToken)) {
                return TokenState.text(seen.data(), "access_token").orElseThrow();
            }
            Outcome outcome = store.inTransaction(tx -> refreshUnderLock(tx, uuid, staleToken));
            return settle(uuid, outcome);
        } finally {
            lock.unlock();
        }
    }

    private Outcome refreshUnderLock(StoreTransaction tx, UUID uuid, String staleToken) {
        tx.handle().attach(RefreshLockDao.class).lock(LOCK_SPACE, uuid.hashCode());
        StoredConnection current = tx.find(uuid).orElseThrow(() -> notConfigured(uuid));
        if (refreshedSince(current.data(), staleToken)) {
            LOG.debug("Connection {}: token already refreshed by another caller", uuid);
            return Outcome.skipped(TokenState.text(current.data(), "access_token").orElseThrow());
        }
        boolean wasError = ConnectionStatus.ERROR.wireValue().equals(current.data().get("status"));
        TokenGrant grant;
        try {
            OAuthConfig config = providers.get(current.provider()).flatMap(p -> p.oauthConfig())
                    .orElseThrow(() -> new IntegrationException(IntegrationError.UNKNOWN_PROVIDER,
                            "Provider '" + current.provider() + "' is not a registered OAuth2 provider"));
            grant = tokenEndpoint.refresh(config, current.data().asMap());
        } catch (IntegrationException e) {
            return Outcome.failed(e);
        }
        StoredConnection locked = tx.lock(uuid).orElseThrow(() -> notConfigured(uuid));
        Map<String, Object> fields = new LinkedHashMap<>(locked.data().asMap());
        TokenState.putGrant(fields, grant);
        StoredConnection saved = tx.write(locked, fields);
        tx.audit(AuditActions.TOKEN_REFRESHED, saved, null, AuditMode.AUTO, Map.of("mode", "auto"));
        LOG.debug("Connection {}: access token refreshed", uuid);
        return Outcome.refreshed(grant.accessToken(), wasError);
    }

    private String settle(UUID uuid, Outcome outcome) {
        if (outcome.failure() != null) {
            IntegrationException failure = outcome.failure();
            String reason = failure.getMessage();
            LOG.warn("Connection {}: token refresh failed: {}", uuid, reason);
            commands.recordValidation(uuid, ValidationResult.error(reason));
            auditAfter(uuid, AuditActions.TOKEN_REFRESH_FAILED, Map.of("reason", reason));
            throw failure;
        }
        if (outcome.recovered()) {
            commands.recordValidation(uuid, ValidationResult.ok());
            auditAfter(uuid, AuditActions.AUTO_RECOVERED, Map.of());
        }
        return outcome.accessToken();
    }

    private void auditAfter(UUID uuid, String action, Map<String, ?> metadata) {
        store.inTransaction(tx -> {
            tx.find(uuid).ifPresent(row -> tx.audit(action, row, null, AuditMode.AUTO, metadata));
            return null;
        });
    }

    private boolean refreshedSince(IntegrationData data, String staleToken) {
        if (staleToken == null) {
            return false;
        }
        return TokenState.text(data, "access_token").filter(token -> !token.equals(staleToken)).isPresent()
                && !TokenState.expiresWithin(data, clock.instant(), skew);
    }

    private static IntegrationException notConfigured(UUID uuid) {
        return new IntegrationException(IntegrationError.NOT_CONFIGURED, "No connection with uuid " + uuid);
    }

    private record Outcome(String accessToken, boolean recovered, IntegrationException failure) {
        static Outcome skipped(String accessToken) {
            return new Outcome(accessToken, false, null);
        }

        static Outcome refreshed(String accessToken, boolean recovered) {
            return new Outcome(accessToken, recovered, null);
        }

        static Outcome failed(IntegrationException failure) {
            return new Outcome(null, false, failure);
        }

        @Override
        public String toString() {
            return "Outcome[recovered=" + recovered + ", failure=" + (failure != null) + "]";
        }
    }
}
