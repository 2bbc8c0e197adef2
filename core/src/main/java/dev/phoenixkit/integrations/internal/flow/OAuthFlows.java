package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.AuditMode;
import dev.phoenixkit.integrations.AuthorizationOptions;
import dev.phoenixkit.integrations.AuthorizationRequest;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.integrations.internal.audit.AuditActions;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.json.Timestamps;
import dev.phoenixkit.integrations.internal.protocol.AccountProfile;
import dev.phoenixkit.integrations.internal.protocol.AuthorizationUrls;
import dev.phoenixkit.integrations.internal.protocol.OAuthStates;
import dev.phoenixkit.integrations.internal.protocol.Pkce;
import dev.phoenixkit.integrations.internal.protocol.TokenEndpoint;
import dev.phoenixkit.integrations.internal.protocol.TokenGrant;
import dev.phoenixkit.integrations.internal.protocol.UserinfoEndpoint;
import dev.phoenixkit.integrations.internal.store.ConnectionStore;
import dev.phoenixkit.integrations.internal.store.PendingAuthorizationFields;
import dev.phoenixkit.integrations.internal.store.StoreTransaction;
import dev.phoenixkit.integrations.internal.store.StoredConnection;
import dev.phoenixkit.integrations.observe.ProviderCallKind;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth2 authorization-code flow on connection rows: authorization URLs, the stored single-use state with its
 * PKCE verifier (docs/behaviour.md#fix-1, #fix-2), and the code exchange (docs/phoenixkit-reference.md#2-4). Thread-safe.
 *
 * <p>The pending state lives in the row's data as {@code oauth_state} (PhoenixKit's field),
 * {@code oauth_state_expires_at} and {@code oauth_code_verifier}. The verifier is one of the field codec's encrypted
 * fields (encrypted on write, decrypted on read, rotated by {@code reencryptAll}); none of the three is ever handed
 * out ({@link PendingAuthorizationFields}).
 */
public final class OAuthFlows {
    private static final String STATE = PendingAuthorizationFields.STATE;
    private static final String STATE_EXPIRES_AT = PendingAuthorizationFields.STATE_EXPIRES_AT;
    private static final String CODE_VERIFIER = PendingAuthorizationFields.CODE_VERIFIER;
    private static final String REQUESTED_SCOPES = PendingAuthorizationFields.REQUESTED_SCOPES;
    private static final Logger LOG = LoggerFactory.getLogger(OAuthFlows.class);

    private final ConnectionStore store;
    private final ProviderRegistry providers;
    private final TokenEndpoint tokenEndpoint;
    private final UserinfoEndpoint userinfoEndpoint;
    private final Duration authorizationTtl;

    /**
     * @param store            row access
     * @param providers        the provider registry
     * @param tokenEndpoint    the token client
     * @param userinfoEndpoint the userinfo client
     * @param authorizationTtl how long a begun authorization stays valid
     */
    public OAuthFlows(
            ConnectionStore store,
            ProviderRegistry providers,
            TokenEndpoint tokenEndpoint,
            UserinfoEndpoint userinfoEndpoint,
            Duration authorizationTtl) {
        this.store = Objects.requireNonNull(store, "store");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.userinfoEndpoint = Objects.requireNonNull(userinfoEndpoint, "userinfoEndpoint");
        this.authorizationTtl = Objects.requireNonNull(authorizationTtl, "authorizationTtl");
    }

    /**
     * docs/phoenixkit-reference.md#2-4 {@code authorization_url} plus PKCE S256 (docs/behaviour.md#fix-2). Unless the provider opts out of PKCE, a
     * fresh verifier is stored (encrypted) on the row, replacing an earlier one, and
     * {@link #exchangeWithStoredVerifier} sends it; so only the most recently built URL can complete.
     *
     * @param uuid        the connection
     * @param redirectUri the callback
     * @param extraScopes scopes replacing the defaults, or {@code null}
     * @param state       the CSRF state, or {@code null}
     * @return the URL
     */
    public URI authorizationUrl(UUID uuid, URI redirectUri, String extraScopes, String state) {
        StoredConnection row = find(uuid);
        OAuthConfig config = OAuthProviders.config(providers, row);
        Pkce pkce = config.pkce() ? Pkce.generate() : null;
        URI url = AuthorizationUrls.build(config, row.data().asMap(), redirectUri.toString(), extraScopes, state, pkce);
        if (pkce != null) {
            store.inTransaction(tx -> {
                StoredConnection locked = tx.lock(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
                Map<String, Object> fields = new LinkedHashMap<>(locked.data().asMap());
                fields.put(CODE_VERIFIER, pkce.verifier());
                return tx.write(locked, fields);
            });
        }
        return url;
    }

    /**
     * docs/phoenixkit-reference.md#2-4 {@code exchange_code} for a URL built by {@link #authorizationUrl}: sends the PKCE verifier stored
     * with it, if any.
     *
     * @param uuid        the connection
     * @param code        the authorization code
     * @param redirectUri the callback used in the authorization request
     * @return the connected data
     */
    public IntegrationData exchangeWithStoredVerifier(UUID uuid, String code, URI redirectUri) {
        StoredConnection row = find(uuid);
        row.requireReadable(CODE_VERIFIER);
        String verifier = row.data().get(CODE_VERIFIER) instanceof String text ? text : null;
        return exchange(uuid, code, redirectUri, verifier);
    }

    /**
     * Starts an authorization: stores a fresh state, its expiry and (unless the provider opts out) a PKCE verifier
     * on the row, replacing any earlier pending one.
     *
     * @param uuid        the connection
     * @param redirectUri the callback
     * @param options     the scopes and extra parameters to request
     * @return the URL and state
     */
    public AuthorizationRequest begin(UUID uuid, URI redirectUri, AuthorizationOptions options) {
        Objects.requireNonNull(options, "options");
        return store.inTransaction(tx -> {
            StoredConnection row = tx.lock(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            OAuthConfig config = OAuthProviders.config(providers, row);
            String state = OAuthStates.generate();
            Pkce pkce = config.pkce() ? Pkce.generate() : null;
            String scopes = options.effectiveScopes(config.defaultScopes());
            URI url = AuthorizationUrls.build(
                    config, row.data().asMap(), redirectUri.toString(), scopes, state, pkce, options.params());
            Instant expiresAt = tx.now().plus(authorizationTtl);
            Map<String, Object> fields = new LinkedHashMap<>(row.data().asMap());
            fields.put(STATE, state);
            fields.put(STATE_EXPIRES_AT, Timestamps.format(expiresAt));
            if (pkce != null) {
                fields.put(CODE_VERIFIER, pkce.verifier());
            } else {
                fields.remove(CODE_VERIFIER);
            }
            if (scopes.isBlank()) {
                fields.remove(REQUESTED_SCOPES);
            } else {
                fields.put(REQUESTED_SCOPES, scopes);
            }
            tx.write(row, fields);
            return new AuthorizationRequest(url, state, expiresAt);
        });
    }

    /**
     * Completes an authorization: checks the callback's state against the stored one and consumes it (in one
     * transaction), then exchanges the code with the stored PKCE verifier.
     *
     * @param uuid        the connection
     * @param state       the callback's {@code state}
     * @param code        the callback's {@code code}, or {@code null} when the provider sent an error instead
     * @param redirectUri the callback, as given to {@link #begin}
     * @return the connected data
     * @throws IntegrationException {@code STATE_MISMATCH} for a missing, foreign, used or expired state;
     *                              {@code AUTHORIZATION_DENIED} (state consumed) when there is no code; then the
     *                              {@link #exchange} errors
     */
    public IntegrationData complete(UUID uuid, String state, String code, URI redirectUri) {
        return complete(uuid, state, code, redirectUri, null);
    }

    /**
     * {@link #complete(UUID, String, String, URI)} audited with an actor.
     *
     * @param uuid        the connection
     * @param state       the callback's {@code state}
     * @param code        the callback's {@code code}, or {@code null}
     * @param redirectUri the callback, as given to {@link #begin}
     * @param actor       who completed it (the {@code integration.connected} entry's actor), or {@code null}
     * @return the connected data
     */
    public IntegrationData complete(UUID uuid, String state, String code, URI redirectUri, UUID actor) {
        Pending pending = store.inTransaction(
                tx -> consume(tx.lock(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid)), state, tx));
        return finish(uuid, pending, code, redirectUri, actor);
    }

    /**
     * Completes an authorization by its state alone (one callback route for every connection): finds the row
     * holding that pending state with one locked query, compares in constant time, consumes it, then exchanges the
     * code as {@link #complete}.
     *
     * @param state       the callback's {@code state}, may be {@code null}
     * @param code        the callback's {@code code}, or {@code null} when the provider sent an error instead
     * @param redirectUri the callback, as given to {@link #begin}
     * @return the connected connection
     * @throws IntegrationException {@code STATE_MISMATCH} when no connection holds that pending, unexpired state
     *                              (nothing is changed); {@code AUTHORIZATION_DENIED} (state consumed) when there
     *                              is no code; then the {@link #exchange} errors
     */
    public Connection completeByState(String state, String code, URI redirectUri) {
        return completeByState(state, code, redirectUri, null);
    }

    /**
     * {@link #completeByState(String, String, URI)} audited with an actor.
     *
     * @param state       the callback's {@code state}, may be {@code null}
     * @param code        the callback's {@code code}, or {@code null}
     * @param redirectUri the callback, as given to {@link #begin}
     * @param actor       who completed it (the {@code integration.connected} entry's actor), or {@code null}
     * @return the connected connection
     */
    public Connection completeByState(String state, String code, URI redirectUri, UUID actor) {
        if (state == null || state.isEmpty() || state.length() > 128) {
            throw stateMismatch("no pending authorization holds the callback's state");
        }
        Located located = store.inTransaction(tx -> tx.lockByPendingState(state)
                .map(row -> new Located(row.uuid(), row.provider(), row.name(), consume(row, state, tx)))
                .orElse(null));
        if (located == null) {
            LOG.warn("OAuth callback state matches no pending authorization (missing, used or foreign)");
            throw stateMismatch("no pending authorization holds the callback's state");
        }
        IntegrationData data = finish(located.uuid(), located.pending(), code, redirectUri, actor);
        return new Connection(
                located.uuid(),
                data.provider().orElse(located.provider()),
                data.name().orElse(located.name()),
                data);
    }

    private Pending consume(StoredConnection row, String state, StoreTransaction tx) {
        IntegrationData data = row.data();
        if (!OAuthStates.matches(data.get(STATE) instanceof String text ? text : null, state)) {
            return Pending.REJECTED;
        }
        // Before consuming: an unreadable verifier or client secret must not become an exchange without them (a
        // PKCE downgrade, or CLIENT_CREDENTIALS_NOT_CONFIGURED after the state was spent). docs/behaviour.md#fix-10
        row.requireReadable(CODE_VERIFIER, Fields.CLIENT_SECRET);
        Map<String, Object> fields = new LinkedHashMap<>(data.asMap());
        PendingAuthorizationFields.ALL.forEach(fields::remove);
        tx.write(row, fields);
        Optional<Instant> expiresAt = Timestamps.parse(data.get(STATE_EXPIRES_AT));
        if (expiresAt.isEmpty() || !tx.now().isBefore(expiresAt.get())) {
            return Pending.REJECTED;
        }
        String verifier = data.get(CODE_VERIFIER) instanceof String text ? text : null;
        String scopes = data.get(REQUESTED_SCOPES) instanceof String text ? text : null;
        return new Pending(true, verifier, scopes);
    }

    private IntegrationData finish(UUID uuid, Pending pending, String code, URI redirectUri, UUID actor) {
        if (!pending.accepted()) {
            LOG.warn("Connection {}: OAuth callback state is missing, foreign, used or expired", uuid);
            throw stateMismatch(
                    "the OAuth callback's state does not match a pending authorization of connection " + uuid);
        }
        if (code == null || code.isBlank()) {
            LOG.info("Connection {}: the provider redirected back without a code (consent denied or failed)", uuid);
            throw new IntegrationException(
                    IntegrationError.AUTHORIZATION_DENIED,
                    "The provider returned no authorization code for connection " + uuid
                            + " (consent was denied or the authorization failed); nothing was changed");
        }
        return exchange(uuid, code, redirectUri, pending.verifier(), pending.scopes(), actor);
    }

    private static IntegrationException stateMismatch(String detail) {
        return new IntegrationException(IntegrationError.STATE_MISMATCH, "The OAuth callback was refused: " + detail);
    }

    /**
     * {@link #exchange(UUID, String, URI, String, String)} storing the provider's default scopes.
     *
     * @param uuid         the connection
     * @param code         the authorization code
     * @param redirectUri  the callback used in the authorization request
     * @param codeVerifier the PKCE verifier, or {@code null}
     * @return the connected data
     */
    public IntegrationData exchange(UUID uuid, String code, URI redirectUri, String codeVerifier) {
        return exchange(uuid, code, redirectUri, codeVerifier, null);
    }

    /**
     * docs/phoenixkit-reference.md#2-4 {@code exchange_code}: exchanges the code, fetches userinfo (failures ignored), stores the tokens,
     * status {@code connected}, {@code connected_at}, {@code scopes} and the account, then publishes
     * {@code Connected} and audits {@code integration.connected}.
     *
     * @param uuid         the connection
     * @param code         the authorization code
     * @param redirectUri  the callback used in the authorization request
     * @param codeVerifier the PKCE verifier, or {@code null}
     * @param scopes       the scopes requested, or {@code null} for the provider's defaults
     * @return the connected data
     */
    public IntegrationData exchange(UUID uuid, String code, URI redirectUri, String codeVerifier, String scopes) {
        return exchange(uuid, code, redirectUri, codeVerifier, scopes, null);
    }

    /**
     * {@link #exchange(UUID, String, URI, String, String)} audited with an actor.
     *
     * @param uuid         the connection
     * @param code         the authorization code
     * @param redirectUri  the callback used in the authorization request
     * @param codeVerifier the PKCE verifier, or {@code null}
     * @param scopes       the scopes requested, or {@code null} for the provider's defaults
     * @param actor        who connected it (the {@code integration.connected} entry's actor), or {@code null}
     * @return the connected data
     */
    public IntegrationData exchange(
            UUID uuid, String code, URI redirectUri, String codeVerifier, String scopes, UUID actor) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(redirectUri, "redirectUri");
        StoredConnection row = find(uuid);
        OAuthConfig config = OAuthProviders.config(providers, row);
        row.requireReadable(Fields.CLIENT_SECRET);
        TokenGrant grant = ProviderHttp.tagged(
                row.provider(),
                ProviderCallKind.TOKEN,
                () -> tokenEndpoint.exchangeCode(
                        config, row.data().asMap(), code, redirectUri.toString(), codeVerifier));
        Map<String, Object> userinfo = ProviderHttp.tagged(
                row.provider(),
                ProviderCallKind.USERINFO,
                () -> fetchUserinfoQuietly(uuid, config, grant.accessToken()));
        return store.inTransaction(tx -> {
            StoredConnection locked = tx.lock(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
            Map<String, Object> fields = new LinkedHashMap<>(locked.data().asMap());
            TokenState.putGrant(fields, grant);
            fields.remove(CODE_VERIFIER);
            fields.put(Fields.TOKEN_TYPE, grant.tokenType());
            fields.put(Fields.STATUS, ConnectionStatus.CONNECTED.wireValue());
            fields.put(Fields.CONNECTED_AT, tx.nowText());
            fields.put(Fields.SCOPES, scopes != null ? scopes : config.defaultScopes());
            AccountProfile.from(config.userinfoMapping(), userinfo).applyTo(fields);
            StoredConnection saved = tx.write(locked, fields);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("account", saved.data().get("external_account_id"));
            tx.audit(AuditActions.CONNECTED, saved, actor, AuditMode.MANUAL, metadata);
            tx.publish(new IntegrationEvent.Connected(uuid, saved.provider(), saved.name(), saved.publicData()));
            return saved.publicData();
        });
    }

    private Map<String, Object> fetchUserinfoQuietly(UUID uuid, OAuthConfig config, String accessToken) {
        try {
            return userinfoEndpoint.fetch(config, accessToken);
        } catch (IntegrationException e) {
            LOG.warn(
                    "Connection {}: userinfo after code exchange failed, connecting without account details: {}",
                    uuid,
                    e.getMessage());
            return Map.of();
        }
    }

    private StoredConnection find(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return store.findByUuid(uuid).orElseThrow(() -> ConnectionStore.notConfigured(uuid));
    }

    private record Located(UUID uuid, String provider, String name, Pending pending) {}

    private record Pending(boolean accepted, String verifier, String scopes) {
        static final Pending REJECTED = new Pending(false, null, null);

        @Override
        public String toString() {
            return "Pending[accepted=" + accepted + "]";
        }
    }
}
