package dev.phoenixkit.integrations;

/**
 * What went wrong, as a machine-readable code. Every {@link IntegrationException} carries one.
 *
 * <p>The first nineteen constants mirror PhoenixKit's error atoms one to one (for example
 * {@code :not_configured} is {@link #NOT_CONFIGURED}); the ones after them are this library's own additions.
 */
public enum IntegrationError {
    /** No connection row for the reference, or the row has no usable credentials. */
    NOT_CONFIGURED,
    /** A uuid was given to {@code getCredentials} and no row has it (any more). */
    DELETED,
    /** Text that was supposed to be a uuid is empty or malformed. */
    INVALID_UUID,
    /** A provider key is empty, malformed ({@code "provider:"}, {@code ":"}) or contains a forbidden character. */
    INVALID_PROVIDER_KEY,
    /** A {@code provider:name} reference that cannot name any connection. */
    INVALID,
    /** A well-formed reference that names no connection. */
    NOT_FOUND,
    /** A connection name that is empty after trimming. */
    EMPTY_NAME,
    /** A connection name that does not match {@code ^[a-zA-Z0-9][a-zA-Z0-9\-_]*$}. */
    INVALID_NAME,
    /** Another connection of the same provider already has that name. */
    ALREADY_EXISTS,
    /** The provider does not allow connections in that owner scope (a typed owner needs {@code PERSONAL}). */
    SCOPE_NOT_ALLOWED,
    /**
     * The provider is not in the {@code ProviderRegistry}: {@code addConnection} with an unregistered key (the
     * message names it and lists the registered keys; nothing is written), or an OAuth2 call on a connection whose
     * provider is unregistered or not OAuth2.
     */
    UNKNOWN_PROVIDER,
    /** An OAuth2 authorization URL was asked for before a {@code client_id} was saved. */
    CLIENT_ID_NOT_CONFIGURED,
    /** A token call needs both {@code client_id} and {@code client_secret}, and one is missing. */
    CLIENT_CREDENTIALS_NOT_CONFIGURED,
    /** A refresh was asked for and the connection holds no refresh token. */
    NO_REFRESH_TOKEN,
    /** The token endpoint refused a refresh; {@link IntegrationException#httpStatus()} has the status. */
    REFRESH_FAILED,
    /** The token endpoint refused an authorization code; {@link IntegrationException#httpStatus()} has the status. */
    TOKEN_EXCHANGE_FAILED,
    /** The userinfo endpoint answered with an error status. */
    USERINFO_FAILED,
    /**
     * An authenticated request got a 401, or its token had expired, and the refresh that followed failed;
     * {@link IntegrationException#httpStatus()} and {@link IntegrationException#oauthError()} have the refused
     * refresh's answer (empty for a transport failure), the cause is the refresh failure.
     */
    TOKEN_REFRESH_FAILED,
    /** An authenticated request got a 401 and the connection cannot be refreshed; the status is 401. */
    UNAUTHORIZED,
    /** An OAuth2 callback's {@code state} is missing, foreign, already used or expired. */
    STATE_MISMATCH,

    /**
     * The provider redirected back without a code (for example {@code error=access_denied}: the user declined
     * consent). The pending state is consumed; nothing else changes.
     */
    AUTHORIZATION_DENIED,

    /** A stored secret could not be decrypted with any key of the configured keyring. */
    DECRYPTION_FAILED,
    /** The provider could not be reached (connection refused, timeout, malformed response). */
    TRANSPORT_FAILED,
    /** The database rejected or failed an operation (connection lost, constraint, ...); the message has the
     * SQLState, never bound values. */
    STORAGE_FAILED,
    /**
     * The PhoenixKit tables are not in the configured schema (SQLState {@code 42P01} undefined table or
     * {@code 3F000} no such schema): the database was never migrated, or {@code Integrations.Builder.schema} names
     * another schema than the one migrated. The message says how to migrate ({@code Migrator} or the CLI's
     * {@code migrate}).
     */
    SCHEMA_NOT_MIGRATED,
    /**
     * A secret (API key, bot token, access or refresh token, client secret, secret key) holds a control character
     * inside it (a line break, tab or NUL), so it could not be sent in an HTTP header. {@code saveSetup} strips a
     * secret's surrounding whitespace (a pasted key's trailing newline) and refuses what is left with this code; a
     * stored value (written by PhoenixKit) gets it when a request would carry it. The message names the field or
     * header, never the value (docs/behaviour.md#fix-13).
     */
    INVALID_SECRET
}
