package dev.phoenixkit.integrations;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.events.IntegrationEvents;
import dev.phoenixkit.integrations.internal.IntegrationsAssembly;
import dev.phoenixkit.integrations.internal.flow.AuthSettings;
import dev.phoenixkit.integrations.internal.flow.ConnectionAuth;
import dev.phoenixkit.integrations.internal.naming.Names;
import dev.phoenixkit.integrations.internal.naming.ProviderRef;
import dev.phoenixkit.integrations.internal.service.ConnectionCommands;
import dev.phoenixkit.integrations.internal.service.ConnectionQueries;
import dev.phoenixkit.integrations.internal.service.Reencryptor;
import dev.phoenixkit.integrations.observe.IntegrationsObserver;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.migrations.PostgresIdentifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * PhoenixKit's Integrations: named connections per provider, one {@code phoenix_kit_settings} row each
 * ({@code key = integration:<provider>:<name>}, {@code module = integrations}, data in {@code value_json}), with a
 * stable UUIDv7 identity that survives renames.
 *
 * <p>Writes are uuid-strict ({@link #saveSetup}, {@link #renameConnection}, ...): they take a {@link UUID}, so a
 * {@code provider:name} string cannot reach them. Reads also accept {@code String} references: uuid text,
 * {@code "provider"} (meaning {@code provider:default}) or {@code "provider:name"}. Provider and name always come
 * from the row's key column, never from the JSON copies. Every change is a row-locked read-modify-write whose
 * audit entry commits with it; its event is delivered after the commit.
 *
 * <pre>{@code
 * Integrations integrations = Integrations.builder()
 *         .dataSource(dataSource)
 *         .cipher(SecretCipher.fromSecretKeyBase(secretKeyBase))
 *         .build();
 * Connection work = integrations.addConnection("openrouter", "work");
 * integrations.saveSetup(work.uuid(), Map.of("api_key", key));
 * String apiKey = integrations.getCredentials(work.uuid().toString()).apiKey().orElseThrow();
 * }</pre>
 *
 * <p>Errors are {@link IntegrationException}s; database failures are {@link IntegrationError#STORAGE_FAILED}.
 * No message, log line or {@code toString()} contains a secret. Built once, immutable and thread-safe; close it to
 * stop the optional LISTEN/NOTIFY listener (it never closes the caller's {@code DataSource} or {@code Jdbi}).
 */
public final class Integrations implements AutoCloseable {
    private final IntegrationsAssembly assembly;
    private final ConnectionCommands commands;
    private final ConnectionQueries queries;
    private final ConnectionAuth auth;

    private Integrations(IntegrationsAssembly assembly) {
        this.assembly = assembly;
        this.commands = assembly.commands();
        this.queries = assembly.queries();
        this.auth = assembly.auth();
    }

    /**
     * The connections of one owner (PhoenixKit's personal integrations). This facade is the system's view: its
     * listings, {@code provider:name} lookups, reads and writes by uuid see system connections only, and an owned
     * connection's uuid reads as missing here.
     *
     * @param owner the owner, for example {@code Owner.of("user", userUuid)}
     * @return a view scoped to that owner
     */
    public OwnedConnections ownedBy(Owner owner) {
        return new OwnedConnections(Objects.requireNonNull(owner, "owner"), commands, queries, auth.validation());
    }

    /**
     * @return the storage layout this instance reads and writes, detected when it was built or forced by
     *         {@link Builder#storageLayout(StorageLayout)}
     */
    public StorageLayout storageLayout() {
        return assembly.storageLayout();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- uuid-strict writes

    /**
     * Creates a connection: the only place a storage key is born. Status {@code disconnected}; {@code auth_type}
     * from the registry. The provider must be registered: rows of providers this application does not register
     * (written by PhoenixKit or another host) keep working for reads and writes, but none is born here
     * (docs/behaviour.md#fix-14).
     *
     * @param provider a registered provider key (so one matching {@link ProviderDefinition#KEY_PATTERN})
     * @param name     the connection name, trimmed, then matching {@code ^[a-zA-Z0-9][a-zA-Z0-9\-_]*$}
     * @return the new connection
     * @throws IntegrationException {@code EMPTY_NAME}, {@code INVALID_NAME}, {@code ALREADY_EXISTS} (decided by the
     *                              unique index, so concurrent adds of one name have exactly one winner),
     *                              {@code INVALID_PROVIDER_KEY}, {@code UNKNOWN_PROVIDER} (the message names the
     *                              key and lists the registered ones; nothing is written)
     */
    public Connection addConnection(String provider, String name) {
        return commands.addConnection(provider, name, null, Owner.SYSTEM);
    }

    /**
     * {@link #addConnection(String, String)} recording who asked in the audit trail.
     *
     * @param provider the provider key
     * @param name     the connection name
     * @param actor    the acting user's uuid
     * @return the new connection
     */
    public Connection addConnection(String provider, String name, UUID actor) {
        return commands.addConnection(provider, name, Objects.requireNonNull(actor, "actor"), Owner.SYSTEM);
    }

    /**
     * Saves setup: shallow-merges {@code attrs} into the stored data (attributes cannot delete fields), rewrites
     * {@code provider}/{@code name} from the key and {@code auth_type} from the registry, then applies the status
     * rule: {@code connected}/{@code error} stay; otherwise {@code configured} when the auth type's runtime
     * credential is present, else {@code disconnected}. Secrets are encrypted; a secret {@code attrs} does not change
     * keeps its stored ciphertext byte for byte, one stored as plaintext (by PhoenixKit before it had a key) is
     * encrypted, and stored secrets that cannot be decrypted are kept unless {@code attrs} replaces them. Fields the
     * library does not know (PhoenixKit's {@code aws_region}, {@code chat_ids}, ...) are kept as stored.
     *
     * @param uuid  the connection
     * @param attrs PhoenixKit field names ({@code api_key}, {@code client_id}, ...) to JSON-compatible values
     * <p>A secret's surrounding whitespace is removed (a pasted key's trailing newline); a secret with a control
     * character inside it is refused ({@code password} is kept exactly as given; docs/behaviour.md#fix-13).
     *
     * @return the data as saved
     * @throws IntegrationException {@code NOT_CONFIGURED} if there is no such connection; {@code INVALID_SECRET}
     *                              naming the field (never the value) for a secret with a control character inside
     *                              it (nothing is written)
     */
    public IntegrationData saveSetup(UUID uuid, Map<String, ?> attrs) {
        return commands.saveSetup(uuid, attrs, null, Owner.SYSTEM);
    }

    /**
     * {@link #saveSetup(UUID, Map)} recording who asked in the audit trail.
     *
     * @param uuid  the connection
     * @param attrs the attributes
     * @param actor the acting user's uuid
     * @return the data as saved
     */
    public IntegrationData saveSetup(UUID uuid, Map<String, ?> attrs, UUID actor) {
        return commands.saveSetup(uuid, attrs, Objects.requireNonNull(actor, "actor"), Owner.SYSTEM);
    }

    /**
     * Drops tokens, account details, timestamps and validation state; keeps {@code provider}, {@code auth_type},
     * {@code name}, PhoenixKit's {@code owner_type}/{@code owner_uuid} and, for OAuth2, {@code client_id},
     * {@code client_secret} and {@code tenant_id}. Status becomes {@code disconnected}. A stored secret the
     * configured key cannot decrypt is removed too unless it is one of the kept fields, as in PhoenixKit.
     *
     * @param uuid the connection
     * @throws IntegrationException {@code NOT_CONFIGURED} if there is no such connection (nothing is written)
     */
    public void disconnect(UUID uuid) {
        commands.disconnect(uuid, null, Owner.SYSTEM);
    }

    /**
     * {@link #disconnect(UUID)} recording who asked in the audit trail.
     *
     * @param uuid  the connection
     * @param actor the acting user's uuid
     */
    public void disconnect(UUID uuid, UUID actor) {
        commands.disconnect(uuid, Objects.requireNonNull(actor, "actor"), Owner.SYSTEM);
    }

    /**
     * Deletes a connection (any name, "default" included).
     *
     * @param uuid the connection
     * @throws IntegrationException {@code NOT_CONFIGURED} if there is no such connection (also when another node
     *                              removed it first)
     */
    public void removeConnection(UUID uuid) {
        commands.removeConnection(uuid, null, Owner.SYSTEM);
    }

    /**
     * {@link #removeConnection(UUID)} recording who asked in the audit trail.
     *
     * @param uuid  the connection
     * @param actor the acting user's uuid
     */
    public void removeConnection(UUID uuid, UUID actor) {
        commands.removeConnection(uuid, Objects.requireNonNull(actor, "actor"), Owner.SYSTEM);
    }

    /**
     * Renames a connection in place: the key changes, the uuid does not. The new name is trimmed; renaming to the
     * current name returns the data without writing anything.
     *
     * @param uuid    the connection
     * @param newName the new name
     * @return the data after the rename
     * @throws IntegrationException {@code NOT_CONFIGURED}, {@code EMPTY_NAME}, {@code INVALID_NAME},
     *                              {@code ALREADY_EXISTS}
     */
    public IntegrationData renameConnection(UUID uuid, String newName) {
        return commands.renameConnection(uuid, newName, null, Owner.SYSTEM);
    }

    /**
     * {@link #renameConnection(UUID, String)} recording who asked in the audit trail.
     *
     * @param uuid    the connection
     * @param newName the new name
     * @param actor   the acting user's uuid
     * @return the data after the rename
     */
    public IntegrationData renameConnection(UUID uuid, String newName, UUID actor) {
        return commands.renameConnection(uuid, newName, Objects.requireNonNull(actor, "actor"), Owner.SYSTEM);
    }

    /**
     * Stores a validation outcome: status {@code connected} or {@code error}, {@code validation_status}
     * ({@code "ok"}, the success note, or {@code "error: <message>"}) and {@code last_validated_at} always,
     * {@code connected_at} on success. Publishes {@code Validated} only when the status or validation status
     * changed. Stored secrets keep their ciphertext byte for byte.
     *
     * @param uuid   the connection
     * @param result the outcome
     * @throws IntegrationException {@code NOT_CONFIGURED} if there is no such connection (nothing is written)
     */
    public void recordValidation(UUID uuid, ValidationResult result) {
        commands.recordValidation(uuid, result, Owner.SYSTEM);
    }

    // ---------------------------------------------------------------- validation and OAuth2 (HTTP-facing)

    /**
     * Tests a connection's credentials against its provider (docs/phoenixkit-reference.md#2-5) and audits {@code integration.validated}.
     * Does not store the outcome: pass it to {@link #recordValidation(UUID, ValidationResult)}. An OAuth2 token
     * that is expired or expires within the refresh skew is refreshed first (single-flight). API-key providers are
     * checked with their validation endpoint and header; OAuth2 providers through userinfo; other auth types are
     * accepted unchecked. Each provider call is bounded by the HTTP timeout (default 15 s).
     *
     * @param uuid the connection
     * @return ok, or an error with a message such as "Not configured", "Unknown provider", "No access token",
     *         "Invalid credentials", "Access denied", "Service error 500", "Could not reach the service", or the
     *         refresh failure ("Token refresh failed (HTTP 400)"); never throws
     */
    public ValidationResult validateConnection(UUID uuid) {
        return auth.validation().validateConnection(Objects.requireNonNull(uuid, "uuid"));
    }

    /**
     * {@link #validateConnection(UUID)} with the actor who asked for the test recorded on its
     * {@code integration.validated} audit entry (an admin console's operator).
     *
     * @param uuid  the connection
     * @param actor who asked, or {@code null}
     * @return as {@link #validateConnection(UUID)}; never throws
     */
    public ValidationResult validateConnection(UUID uuid, UUID actor) {
        return auth.validation().validateConnection(Objects.requireNonNull(uuid, "uuid"), Owner.SYSTEM, actor);
    }

    /**
     * Tests credentials that are not stored (a dry run: nothing is written, no event, no audit entry).
     *
     * @param provider the provider key
     * @param attrs    PhoenixKit field names ({@code api_key}, {@code access_token}, ...) to values
     * @return as {@link #validateConnection(UUID)}; "Unknown provider" for an unregistered provider; never throws
     */
    public ValidationResult validateCredentials(String provider, Map<String, ?> attrs) {
        return auth.validation()
                .validateCredentials(
                        Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(attrs, "attrs"));
    }

    /**
     * Builds the provider's authorization URL as PhoenixKit does (docs/phoenixkit-reference.md#5-2), plus PKCE S256 unless the provider
     * opts out: the PKCE verifier is stored (encrypted) on the connection, replacing an earlier one, and
     * {@link #exchangeCode(UUID, String, URI)} sends it, so only the most recently built URL can complete. The
     * caller keeps the {@code state}, as with PhoenixKit. Prefer {@link #beginAuthorization(UUID, URI)}, which also
     * stores a single-use, expiring state and checks it for you.
     *
     * @param uuid        the connection (needs a saved {@code client_id})
     * @param redirectUri the callback registered with the provider
     * @param extraScopes scopes replacing the provider's defaults, or {@code null} (or blank) for the defaults
     * @param state       the CSRF state to send, or {@code null} for none
     * @return the URL to send the browser to
     * @throws IntegrationException {@code NOT_CONFIGURED}, {@code UNKNOWN_PROVIDER} (unregistered or not OAuth2),
     *                              {@code CLIENT_ID_NOT_CONFIGURED}
     */
    public URI authorizationUrl(UUID uuid, URI redirectUri, String extraScopes, String state) {
        return auth.flows()
                .authorizationUrl(
                        Objects.requireNonNull(uuid, "uuid"),
                        Objects.requireNonNull(redirectUri, "redirectUri"),
                        extraScopes,
                        state);
    }

    /**
     * Starts an OAuth2 authorization: stores a fresh 32-byte state with an expiry (default 10 minutes) and, unless
     * the provider opts out, a PKCE S256 verifier (encrypted) on the connection, replacing any pending one.
     *
     * @param uuid        the connection (needs a saved {@code client_id})
     * @param redirectUri the callback registered with the provider
     * @return the URL to send the browser to, and the state
     * @throws IntegrationException {@code NOT_CONFIGURED}, {@code UNKNOWN_PROVIDER}, {@code CLIENT_ID_NOT_CONFIGURED}
     */
    public AuthorizationRequest beginAuthorization(UUID uuid, URI redirectUri) {
        return beginAuthorization(uuid, redirectUri, AuthorizationOptions.defaults());
    }

    /**
     * {@link #beginAuthorization(UUID, URI)} with per-call scopes and query parameters, for example to narrow
     * Google's broad default scopes, add one, or send {@code prompt}/{@code login_hint}. The requested scopes are
     * stored as the connection's {@code scopes} when the authorization completes.
     *
     * @param uuid        the connection (needs a saved {@code client_id})
     * @param redirectUri the callback registered with the provider
     * @param options     the scopes and parameters ({@link AuthorizationOptions#defaults()} for none)
     * @return the URL to send the browser to, and the state
     * @throws IntegrationException {@code NOT_CONFIGURED}, {@code UNKNOWN_PROVIDER}, {@code CLIENT_ID_NOT_CONFIGURED}
     */
    public AuthorizationRequest beginAuthorization(UUID uuid, URI redirectUri, AuthorizationOptions options) {
        return auth.flows()
                .begin(
                        Objects.requireNonNull(uuid, "uuid"),
                        Objects.requireNonNull(redirectUri, "redirectUri"),
                        Objects.requireNonNull(options, "options"));
    }

    /**
     * Finishes an OAuth2 authorization from the callback: the state must be the pending one and unexpired; it is
     * consumed in the same transaction that checks it, so it works once. Then the code is exchanged with the
     * stored PKCE verifier, as {@link #exchangeCode(UUID, String, URI)}.
     *
     * @param uuid        the connection
     * @param state       the callback's {@code state} parameter (may be {@code null}: then it cannot match)
     * @param code        the callback's {@code code} parameter; {@code null} when the provider redirected back
     *                    with an error instead (for example {@code error=access_denied})
     * @param redirectUri the callback, as given to {@link #beginAuthorization(UUID, URI)}
     * @return the connected data
     * @throws IntegrationException {@code STATE_MISMATCH} for a missing, foreign, replayed or expired state
     *                              (nothing changes but the consumption of a matching, expired state);
     *                              {@code AUTHORIZATION_DENIED} when there is no code (the state is consumed,
     *                              nothing else changes); then the {@link #exchangeCode(UUID, String, URI)} errors
     */
    public IntegrationData completeAuthorization(UUID uuid, String state, String code, URI redirectUri) {
        return completeAuthorization(uuid, state, code, redirectUri, null);
    }

    /**
     * {@link #completeAuthorization(UUID, String, String, URI)} with the actor who connected the account recorded on
     * its {@code integration.connected} audit entry.
     *
     * @param uuid        the connection
     * @param state       the callback's {@code state} parameter
     * @param code        the callback's {@code code} parameter, or {@code null}
     * @param redirectUri the callback, as given to {@link #beginAuthorization(UUID, URI)}
     * @param actor       who connected it, or {@code null}
     * @return the connected data
     * @throws IntegrationException as {@link #completeAuthorization(UUID, String, String, URI)}
     */
    public IntegrationData completeAuthorization(UUID uuid, String state, String code, URI redirectUri, UUID actor) {
        return auth.flows()
                .complete(
                        Objects.requireNonNull(uuid, "uuid"),
                        state,
                        code,
                        Objects.requireNonNull(redirectUri, "redirectUri"),
                        actor);
    }

    /**
     * Finishes an OAuth2 authorization from the callback by its state alone, so one callback route serves every
     * connection: finds the connection holding that pending state (one indexed, row-locking query, then a
     * constant-time comparison), consumes the state in the same transaction, then exchanges the code with the
     * stored PKCE verifier as {@link #completeAuthorization(UUID, String, String, URI)}.
     *
     * @param state       the callback's {@code state} parameter (may be {@code null}: then it cannot match)
     * @param code        the callback's {@code code} parameter; {@code null} when the provider redirected back
     *                    with an error instead (for example {@code error=access_denied})
     * @param redirectUri the callback, as given to {@link #beginAuthorization(UUID, URI)}
     * @return the connected connection (uuid, provider, name and its data)
     * @throws IntegrationException {@code STATE_MISMATCH} for a missing, unknown, replayed or expired state
     *                              (nothing is changed, except that a matching expired state is consumed);
     *                              {@code AUTHORIZATION_DENIED} when there is no code (the state is consumed,
     *                              nothing else changes); then the {@link #exchangeCode(UUID, String, URI)} errors
     */
    public Connection completeAuthorization(String state, String code, URI redirectUri) {
        return completeAuthorization(state, code, redirectUri, null);
    }

    /**
     * {@link #completeAuthorization(String, String, URI)} with the actor who connected the account recorded on its
     * {@code integration.connected} audit entry (the admin console passes its operator).
     *
     * @param state       the callback's {@code state} parameter (may be {@code null}: then it cannot match)
     * @param code        the callback's {@code code} parameter, or {@code null}
     * @param redirectUri the callback, as given to {@link #beginAuthorization(UUID, URI)}
     * @param actor       who connected it, or {@code null}
     * @return the connected connection
     * @throws IntegrationException as {@link #completeAuthorization(String, String, URI)}
     */
    public Connection completeAuthorization(String state, String code, URI redirectUri, UUID actor) {
        return auth.flows().completeByState(state, code, Objects.requireNonNull(redirectUri, "redirectUri"), actor);
    }

    /**
     * Exchanges an authorization code (docs/phoenixkit-reference.md#2-4, #5-3), sending the PKCE verifier that
     * {@link #authorizationUrl(UUID, URI, String, String)} stored, if any (and then discarding it): stores the tokens ({@code expires_at} from
     * {@code expires_in}), status {@code connected}, {@code connected_at}, {@code scopes} and the account from
     * userinfo (Google {@code email}/{@code name}/{@code picture}; Microsoft Graph {@code mail} or
     * {@code userPrincipalName}, and {@code displayName}); userinfo failures are ignored. Publishes
     * {@code Connected} and audits {@code integration.connected}.
     *
     * @param uuid        the connection
     * @param code        the authorization code
     * @param redirectUri the callback used in the authorization request
     * @return the connected data
     * @throws IntegrationException {@code NOT_CONFIGURED}, {@code UNKNOWN_PROVIDER},
     *                              {@code CLIENT_CREDENTIALS_NOT_CONFIGURED}, {@code TOKEN_EXCHANGE_FAILED} (with the
     *                              HTTP status, also for a 200 without {@code access_token}), {@code TRANSPORT_FAILED}
     */
    public IntegrationData exchangeCode(UUID uuid, String code, URI redirectUri) {
        return auth.flows()
                .exchangeWithStoredVerifier(
                        Objects.requireNonNull(uuid, "uuid"),
                        Objects.requireNonNull(code, "code"),
                        Objects.requireNonNull(redirectUri, "redirectUri"));
    }

    /**
     * Refreshes the access token (docs/phoenixkit-reference.md#2-4, #5-4), single-flight: concurrent callers in this JVM join the one
     * refresh in flight and all get its outcome, success or failure; callers on other nodes sharing the database
     * queue behind it and get its token. A rotated refresh token is stored; otherwise the old one is kept. Success
     * from status {@code error} records a successful validation ({@code integration.auto_recovered}); failure
     * records status {@code error} with the reason, leaves the credentials as they were and audits
     * {@code integration.token_refresh_failed}. If the connection is disconnected, re-authorized or given new client
     * credentials while the token call is in flight, nothing is written: the new token is discarded
     * ({@code REFRESH_FAILED} without an HTTP status) or the failure is thrown unrecorded.
     *
     * @param uuid the connection
     * @return the new access token (or the one another caller obtained meanwhile)
     * @throws IntegrationException {@code NOT_CONFIGURED} and {@code UNKNOWN_PROVIDER} (an unregistered or
     *                              non-OAuth2 provider), both checked first and without side effects;
     *                              {@code NO_REFRESH_TOKEN}, {@code CLIENT_CREDENTIALS_NOT_CONFIGURED},
     *                              {@code REFRESH_FAILED} (with the HTTP status and, for example,
     *                              {@code oauthError() = invalid_grant}; without a status when the credentials
     *                              changed during the refresh), {@code TRANSPORT_FAILED}
     */
    public String refreshAccessToken(UUID uuid) {
        return auth.refresher().refresh(Objects.requireNonNull(uuid, "uuid"));
    }

    /**
     * A valid token for any HTTP client or SDK: the stored token ({@code access_token}, else {@code api_key}, else
     * {@code bot_token}) while an OAuth2 token is outside the refresh skew (default 60 s, capped at half the token's
     * lifetime), otherwise the token of one single-flight refresh, exactly as {@link #authenticatedRequest} does:
     * concurrent callers in this JVM join one refresh, callers on other nodes queue behind it and get its token. When
     * an early refresh (token still valid) fails, the stored token is returned and the failure is recorded as for
     * {@link #refreshAccessToken(UUID)}. Call it before each use rather than keeping the token; see
     * docs/decisions/tokens-access.md for how this compares with google-auth-library-java's
     * {@code refreshIfExpired}.
     *
     * <pre>{@code
     * AccessToken token = integrations.accessToken(uuid);
     * request.header("Authorization", token.authorizationHeader());
     * }</pre>
     *
     * @param uuid the connection
     * @return the token; its {@code toString()} hides the value
     * @throws IntegrationException the {@link #getCredentials(String)} errors ({@code DELETED},
     *                              {@code NOT_CONFIGURED}, {@code DECRYPTION_FAILED}, ...); {@code NOT_CONFIGURED}
     *                              for a connection without a token or key; {@code NO_REFRESH_TOKEN} for an expired
     *                              OAuth2 token without a refresh token; {@code TOKEN_REFRESH_FAILED} when an
     *                              expired token's refresh fails (its cause carries the provider's HTTP status and
     *                              OAuth2 error, for example {@code REFRESH_FAILED} with {@code invalid_grant})
     */
    public AccessToken accessToken(UUID uuid) {
        return auth.requests().accessToken(Objects.requireNonNull(uuid, "uuid"));
    }

    /**
     * Sends a request with the connection's bearer token ({@code access_token}, else {@code api_key}, else
     * {@code bot_token}), replacing any {@code Authorization} header. An OAuth2 token that is expired or expires
     * within the refresh skew (default 60 s) is refreshed first. On a 401, an OAuth2 connection with a refresh
     * token is refreshed once and the request retried once (that answer is returned whatever its status). A request
     * without its own timeout gets the HTTP timeout (default 15 s).
     *
     * @param uuid    the connection
     * @param request the request to send
     * @return the provider's response
     * @throws IntegrationException the {@link #getCredentials(String)} errors ({@code DELETED},
     *                              {@code NOT_CONFIGURED}, ...), {@code UNAUTHORIZED} (401 and no refresh possible),
     *                              {@code TOKEN_REFRESH_FAILED}, {@code TRANSPORT_FAILED}
     */
    public HttpResponse<byte[]> authenticatedRequest(UUID uuid, HttpRequest request) {
        return auth.requests().send(Objects.requireNonNull(uuid, "uuid"), Objects.requireNonNull(request, "request"));
    }

    // ---------------------------------------------------------------- dual-input reads

    /**
     * Any connection's data, whether or not it has credentials.
     *
     * @param ref uuid text, {@code "provider"} (means {@code provider:default}) or {@code "provider:name"}
     * @return the decrypted data
     * @throws IntegrationException {@code NOT_CONFIGURED} on a miss; {@code INVALID_PROVIDER_KEY} for {@code null},
     *                              {@code ""}, {@code ":"} or {@code "provider:"}
     */
    public IntegrationData getIntegration(String ref) {
        return queries.getIntegration(ref, Owner.SYSTEM);
    }

    /**
     * @param uuid the connection
     * @return the connection, with provider and name parsed from the key column
     * @throws IntegrationException {@code NOT_CONFIGURED} if there is no such connection; {@code INVALID_UUID} for
     *                              {@code null}
     */
    public Connection getIntegrationByUuid(UUID uuid) {
        return queries.getIntegrationByUuid(uuid, Owner.SYSTEM);
    }

    /**
     * A connection's data, if it has usable credentials (status {@code configured}/{@code connected}, or a token,
     * key or credentials map).
     *
     * @param ref uuid text, {@code "provider"} or {@code "provider:name"}
     * @return the decrypted data
     * @throws IntegrationException {@code DELETED} for uuid text naming no row; {@code NOT_CONFIGURED} for a
     *                              {@code provider[:name]} miss, {@code null} or {@code ""}, or a connection
     *                              without credentials;
     *                              {@code INVALID_PROVIDER_KEY} for a malformed reference;
     *                              {@code DECRYPTION_FAILED} if a stored secret cannot be decrypted
     */
    public IntegrationData getCredentials(String ref) {
        return queries.getCredentials(ref, Owner.SYSTEM);
    }

    /**
     * @param ref uuid text, {@code "provider"} or {@code "provider:name"}
     * @return whether {@link #getCredentials(String)} would succeed; never throws, {@code false} for {@code null}
     */
    public boolean isConnected(String ref) {
        return queries.isConnected(ref, Owner.SYSTEM);
    }

    /**
     * Exact lookup for migrations: {@code "provider"} means {@code provider:default}, which also finds a legacy
     * bare {@code integration:<provider>} row.
     *
     * @param ref {@code "provider"} or {@code "provider:name"}
     * @return the connection's uuid
     * @throws IntegrationException {@code NOT_FOUND}; {@code INVALID} for {@code null}, {@code ""}, {@code ":"},
     *                              {@code "provider:"}
     */
    public UUID findUuidByProviderName(String ref) {
        return queries.findUuidByProviderName(ref, Owner.SYSTEM);
    }

    /**
     * @param provider the provider key
     * @param name     the connection name
     * @return the connection's uuid
     * @throws IntegrationException {@code NOT_FOUND}; {@code INVALID} if either part is {@code null} or empty
     */
    public UUID findUuidByProviderName(String provider, String name) {
        return queries.findUuidByProviderName(provider, name, Owner.SYSTEM);
    }

    /**
     * @param ref uuid text (returned if such a connection exists), {@code "provider"} or {@code "provider:name"}
     * @return the connection's uuid
     * @throws IntegrationException {@code NOT_FOUND}; {@code INVALID} for {@code null} or a malformed reference
     */
    public UUID resolveToUuid(String ref) {
        return queries.resolveToUuid(ref, Owner.SYSTEM);
    }

    // ---------------------------------------------------------------- listings

    /**
     * @param provider a provider key (matched exactly; {@code _} and {@code %} are not wildcards)
     * @return its connections, "default" first, then by name; a legacy bare-key row appears as "default" when no
     *         real "default" exists
     * @throws IntegrationException {@code INVALID_PROVIDER_KEY} for {@code ""} or a key containing {@code ':'}
     */
    public List<Connection> listConnections(String provider) {
        return queries.listConnections(provider, Owner.SYSTEM);
    }

    /**
     * @param providerKeys provider keys
     * @return every requested key mapped to its connections ("default" first), read with one query
     */
    public Map<String, List<Connection>> loadAllConnections(Collection<String> providerKeys) {
        return queries.loadAllConnections(providerKeys, Owner.SYSTEM);
    }

    /** @return the connections of every registered provider, in registry order */
    public List<Connection> listIntegrations() {
        return queries.listIntegrations(Owner.SYSTEM);
    }

    /** @return every registered provider, built-ins first */
    public List<ProviderDefinition> listProviders() {
        return assembly.providers().all();
    }

    /** @return the provider registry this instance uses */
    public ProviderRegistry providers() {
        return assembly.providers();
    }

    // ---------------------------------------------------------------- static helpers

    /**
     * PhoenixKit's {@code settings_key/1}: {@code "google"} → {@code "integration:google:default"},
     * {@code "google:work"} → {@code "integration:google:work"}. The name is not validated.
     *
     * @param ref {@code "provider"} or {@code "provider:name"}
     * @return the storage key
     * @throws IntegrationException {@code INVALID_PROVIDER_KEY} for {@code ""}, {@code ":"} or {@code "provider:"}
     */
    public static String settingsKey(String ref) {
        return ProviderRef.parse(ref, IntegrationError.INVALID_PROVIDER_KEY).storageKey();
    }

    /**
     * @param text any text, may be {@code null}
     * @return whether it is uuid-shaped (8-4-4-4-12 hex, any version, either case)
     */
    public static boolean isUuid(String text) {
        return Names.isUuid(text);
    }

    // ---------------------------------------------------------------- events, audit, keys

    /** @return this instance's event bus */
    public IntegrationEvents events() {
        return assembly.bus();
    }

    /**
     * @param uuid a connection's uuid (the connection may since have been removed)
     * @return its audit entries, oldest first
     */
    public List<AuditEntry> auditTrail(UUID uuid) {
        return queries.auditTrail(uuid);
    }

    /**
     * Appends an entry to the audit trail, for feature modules (for example {@code integration.legacy_migrated}
     * from a {@code migrateLegacy}).
     *
     * @param action   the action name, 1 to 64 characters, no control characters
     * @param uuid     the connection concerned
     * @param actor    who asked, or {@code null}
     * @param mode     manual or automatic
     * @param metadata non-secret details (JSON-compatible values)
     * @throws IntegrationException {@code NOT_CONFIGURED} if there is no such connection
     * @throws IllegalArgumentException for an empty or longer action, or one with a control character (NUL, ...)
     */
    public void recordAuditEntry(String action, UUID uuid, UUID actor, AuditMode mode, Map<String, ?> metadata) {
        commands.recordAuditEntry(action, uuid, actor, mode, metadata);
    }

    /**
     * Moves every stored secret to the cipher's primary key (and encrypts plaintext secrets), in batches of
     * {@value Reencryptor#DEFAULT_BATCH_SIZE} rows per short transaction. Safe to run while the application is
     * serving; an interrupted run is completed by running it again.
     *
     * @return what was done; rows with undecryptable secrets are listed and left as stored
     */
    public ReencryptionReport reencryptAll() {
        return reencryptAll(Reencryptor.DEFAULT_BATCH_SIZE);
    }

    /**
     * {@link #reencryptAll()} with a chosen batch size.
     *
     * @param batchSize rows per transaction, at least 1
     * @return what was done
     */
    public ReencryptionReport reencryptAll(int batchSize) {
        return assembly.reencryptor().run(batchSize);
    }

    /**
     * {@link #reencryptAll(int)} reporting progress: after each committed batch, {@code progress} receives the
     * totals so far (the last call receives the result). Each batch commits on its own, so a run that stops (a
     * crash, or {@code progress} throwing to cancel) is resumed by running again: rows already under the primary key
     * are skipped. Rows holding a value that cannot be decrypted are listed in
     * {@link ReencryptionReport#failedRows()} and left exactly as stored.
     *
     * @param batchSize rows per transaction, at least 1
     * @param progress  called on the calling thread after each batch
     * @return what was done
     */
    public ReencryptionReport reencryptAll(int batchSize, Consumer<ReencryptionReport> progress) {
        return assembly.reencryptor().run(batchSize, Objects.requireNonNull(progress, "progress"));
    }

    /**
     * Reports how the stored secrets are encrypted: whether the cipher encrypts at all, the key new values use, how
     * many rows hold values under each key, and how many values are plaintext, undecryptable with this cipher, or
     * due for {@link #reencryptAll()}. Reads every connection row (in batches, without locks) and writes nothing;
     * meant for operators (the admin console, the CLI's {@code keys status}), not for a request path.
     *
     * @return the report; never contains a secret
     */
    public EncryptionStatus encryptionStatus() {
        return assembly.encryptionInventory().scan();
    }

    /** Stops the LISTEN/NOTIFY listener, if any. Idempotent. Local subscriptions stay valid. */
    @Override
    public void close() {
        assembly.close();
    }

    @Override
    public String toString() {
        return assembly.toString();
    }

    /**
     * Builds {@link Integrations}. Not thread-safe; {@link #build()} validates.
     *
     * <p>Required: {@link #jdbi(Jdbi)} or {@link #dataSource(DataSource)}, and {@link #cipher(SecretCipher)}.
     * Defaults: providers {@link ProviderRegistry#loadDefault()}, clock {@link Clock#systemUTC()}, schema
     * {@code "public"}, an HTTP client with a 10 s connect timeout (created on first use), cross-node events off,
     * HTTP timeout 15 s, check deadline 15 s, refresh skew 60 s, authorization TTL 10 min.
     */
    public static final class Builder {
        /** Channel used when cross-node events are on and no channel was given (schema {@code public}). */
        public static final String DEFAULT_CHANNEL = "phoenix_kit_integrations";

        private Jdbi jdbi;
        private DataSource dataSource;
        private ProviderRegistry providers;
        private SecretCipher cipher;
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;
        private String schema = "public";
        private boolean crossNodeEvents;
        private String notifyChannel;
        private Duration httpTimeout = AuthSettings.DEFAULTS.httpTimeout();
        private Duration refreshSkew = AuthSettings.DEFAULTS.refreshSkew();
        private Duration checkDeadline = AuthSettings.DEFAULTS.checkDeadline();
        private Duration authorizationTtl = AuthSettings.DEFAULTS.authorizationTtl();
        private IntegrationsAssembly.CacheSettings cache = IntegrationsAssembly.CacheSettings.DEFAULTS;
        private final List<IntegrationsObserver> observers = new ArrayList<>();
        private DataSource hostTransactions;
        private StorageLayout storageLayout;
        private Consumer<Runnable> afterHostCommit = Runnable::run;

        private Builder() {}

        /**
         * Sizes the credential cache used by {@link Integrations#getCredentials(String)} (by uuid),
         * {@link Integrations#accessToken(UUID)} and {@link Integrations#authenticatedRequest}: it keeps rows as
         * stored (secrets encrypted, decrypted on each use), drops a row when this instance or (through the
         * cross-node listener) another one writes it, and uses no row older than {@code maxStaleness}, which bounds
         * how late writes that send no notification (PhoenixKit itself, SQL by hand) are seen. On only with
         * cross-node events, unless {@link #credentialCacheWithoutCrossNodeEvents(boolean)}. Default 10,000 rows,
         * 30 seconds.
         *
         * @param maxEntries   the most rows kept; 0 turns the cache off
         * @param maxStaleness the longest a row is used after it was read; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code maxEntries} is negative or {@code maxStaleness} not positive
         */
        public Builder credentialCache(int maxEntries, Duration maxStaleness) {
            this.cache =
                    new IntegrationsAssembly.CacheSettings(maxEntries, maxStaleness, cache.withoutCrossNodeEvents());
            return this;
        }

        /**
         * Caches credentials even with cross-node events off (default {@code false}: the cache is then off). Only
         * for a single instance, or when seeing other instances' writes up to the maximum staleness late is fine.
         *
         * @param enabled whether to cache without cross-node events
         * @return this builder
         */
        public Builder credentialCacheWithoutCrossNodeEvents(boolean enabled) {
            this.cache = new IntegrationsAssembly.CacheSettings(cache.maxEntries(), cache.maxStaleness(), enabled);
            return this;
        }

        /**
         * Adds an observer told about provider calls, token refreshes, validations, the credential cache and the
         * cross-node listener (metrics, tracing; see {@code phoenixkit-micrometer}). May be called more than once.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(IntegrationsObserver observer) {
            this.observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * @param timeout how long one provider call (validation, token, userinfo, or an authenticated request
         *                without its own timeout) may take before it counts as unreachable; default 15 seconds
         * @return this builder
         */
        public Builder httpTimeout(Duration timeout) {
            this.httpTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Bounds every credential check ({@link Integrations#validateConnection}, {@link
         * Integrations#validateCredentials}, and the strategies of {@code ValidationSpec.strategy}): the check runs on
         * a worker thread, and the caller waits at most this long before it gets "The service did not respond in
         * time" (the worker is then interrupted). Nothing is retried inside the deadline unless the provider's
         * strategy does so (AWS's confirm-retry). Default 15 seconds, PhoenixKit's {@code integration_check_deadline}.
         *
         * @param deadline how long a caller waits for a check; positive
         * @return this builder
         */
        public Builder checkDeadline(Duration deadline) {
            this.checkDeadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /**
         * @param skew how long before {@code expires_at} an OAuth2 token is refreshed before use and before
         *             validation; default 60 seconds ({@link Duration#ZERO} refreshes only expired tokens). Capped
         *             at half the token's lifetime ({@code expires_at - token_obtained_at}), so tokens living no
         *             longer than the skew are not refreshed on every use
         * @return this builder
         */
        public Builder refreshSkew(Duration skew) {
            this.refreshSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /**
         * @param ttl how long a state from {@link Integrations#beginAuthorization} is accepted; default 10 minutes
         * @return this builder
         */
        public Builder authorizationTtl(Duration ttl) {
            this.authorizationTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Uses the caller's {@code Jdbi} to obtain connections. Its configuration is not changed: the library runs
         * its own {@code Jdbi} over the connections it borrows.
         *
         * @param jdbi the caller's {@code Jdbi}
         * @return this builder
         */
        public Builder jdbi(Jdbi jdbi) {
            this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
            return this;
        }

        /**
         * @param dataSource the connections to use (pooled, for example HikariCP)
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Lets the host's own transactions decide for the writes it asks for. The facade's commands
         * ({@code addConnection}, {@code saveSetup}, {@code renameConnection}, {@code removeConnection},
         * {@code disconnect}, {@code recordValidation}, {@code recordAuditEntry}) and its reads take their connection
         * from {@code transactionAware}, which may hand out the connection of a transaction the host has open (for
         * example Spring's {@code TransactionAwareDataSourceProxy}): such a write commits or rolls back with the
         * host's transaction, and its events are passed to {@code afterCommit}, which must run them after that
         * commit (or at once when there is no transaction) and drop them on rollback. What the library records about
         * a provider (token refresh, validation stamps, the code exchange), re-encryption and the LISTEN session keep
         * using the main source ({@link #dataSource} or {@link #jdbi}) and commit on their own. Off by default.
         *
         * @param transactionAware connections that may belong to an open host transaction (a connection in
         *                         auto-commit mode means there is none; the library then runs its own)
         * @param afterCommit      runs the delivery of a write's events after the host's commit
         * @return this builder
         */
        public Builder hostTransactions(DataSource transactionAware, Consumer<Runnable> afterCommit) {
            this.hostTransactions = Objects.requireNonNull(transactionAware, "transactionAware");
            this.afterHostCommit = Objects.requireNonNull(afterCommit, "afterCommit");
            return this;
        }

        /**
         * @param providers the provider registry (default {@link ProviderRegistry#loadDefault()})
         * @return this builder
         */
        public Builder providers(ProviderRegistry providers) {
            this.providers = Objects.requireNonNull(providers, "providers");
            return this;
        }

        /**
         * @param cipher the secret cipher; required ({@link SecretCipher#none()} for plaintext)
         * @return this builder
         */
        public Builder cipher(SecretCipher cipher) {
            this.cipher = Objects.requireNonNull(cipher, "cipher");
            return this;
        }

        /**
         * @param clock the clock for every stored timestamp (default {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param httpClient the client for provider calls (default: one with a 10 s connect timeout)
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * @param schema the schema holding PhoenixKit's tables (default {@code "public"}), unquoted; the
         *               {@code Migrator}'s rule ({@link PostgresIdentifier}: not blank, no NUL, at most 63 bytes)
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * Forces the storage layout instead of detecting it when {@link #build()} runs (detection reads PhoenixKit's
         * version marker, and the rows where the marker is missing or not a number; see
         * {@code docs/decisions/storage-layouts.md}). Forcing the wrong layout makes every connection invisible.
         *
         * @param layout the layout connections are stored in
         * @return this builder
         */
        public Builder storageLayout(StorageLayout layout) {
            this.storageLayout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Turns the PostgreSQL LISTEN/NOTIFY bridge on or off (default off). When on, every instance on the same
         * database and channel receives the others' events; one connection from the configured source is held for
         * {@code LISTEN} until {@link Integrations#close()}.
         *
         * @param enabled whether to bridge events across nodes
         * @return this builder
         */
        public Builder crossNodeEvents(boolean enabled) {
            this.crossNodeEvents = enabled;
            return this;
        }

        /**
         * Sets the NOTIFY channel and turns the bridge on. Default {@value #DEFAULT_CHANNEL}, suffixed with
         * {@code _<schema>} for a schema other than {@code public}.
         *
         * @param channel the channel, unquoted ({@link PostgresIdentifier}: not blank, no NUL, at most 63 bytes)
         * @return this builder
         */
        public Builder notifyChannel(String channel) {
            this.notifyChannel = Objects.requireNonNull(channel, "channel");
            this.crossNodeEvents = true;
            return this;
        }

        /**
         * @return the facade (with the listener thread started when cross-node events are on)
         * @throws IllegalStateException    if no connection source or no cipher was given, or both a {@code Jdbi}
         *                                  and a {@code DataSource}
         * @throws IllegalArgumentException if the schema or channel breaks the {@link PostgresIdentifier} rule, or a
         *                                  duration is out of
         *                                  range (timeout and TTL positive, skew not negative)
         */
        public Integrations build() {
            if (jdbi == null && dataSource == null) {
                throw new IllegalStateException("jdbi or dataSource is required");
            }
            if (jdbi != null && dataSource != null) {
                throw new IllegalStateException("jdbi and dataSource are exclusive: set one");
            }
            if (cipher == null) {
                throw new IllegalStateException("cipher is required: use SecretCipher.fromSecretKeyBase(...), "
                        + "SecretCipher.keyring()...build(), or SecretCipher.none() to store secrets in plaintext");
            }
            PostgresIdentifier.check("schema", schema);
            AuthSettings authSettings = new AuthSettings(httpTimeout, refreshSkew, authorizationTtl, checkDeadline);
            String channel = PostgresIdentifier.check(
                    "notifyChannel", notifyChannel != null ? notifyChannel : defaultChannel(schema));
            return new Integrations(IntegrationsAssembly.assemble(new IntegrationsAssembly.Settings(
                    jdbi,
                    dataSource,
                    providers,
                    cipher,
                    clock,
                    httpClient,
                    schema,
                    crossNodeEvents,
                    channel,
                    authSettings,
                    hostTransactions,
                    afterHostCommit,
                    cache,
                    IntegrationsObserver.composite(observers),
                    storageLayout)));
        }

        private static String defaultChannel(String schema) {
            return "public".equals(schema)
                    ? DEFAULT_CHANNEL
                    : PostgresIdentifier.truncate(DEFAULT_CHANNEL + "_" + schema);
        }
    }
}
