package dev.phoenixkit.integrations;

/**
 * PhoenixKit's field names in a connection's data ({@code value_json}), as hosts pass them to
 * {@link Integrations#saveSetup} and read them from {@link IntegrationData}:
 *
 * <pre>{@code
 * integrations.saveSetup(uuid, Map.of(Fields.API_KEY, key));
 * }</pre>
 *
 * <p>The names are PhoenixKit's wire format and never change. A text field counts as present only when it holds
 * non-blank text: an {@code api_key} of spaces is missing (see {@link IntegrationData#getString(String)}).
 */
public final class Fields {
    /** Provider key copy (the row's key column is authoritative). */
    public static final String PROVIDER = "provider";
    /** Connection name copy (the row's key column is authoritative). */
    public static final String NAME = "name";
    /** The provider's auth type, for example {@code "api_key"} or {@code "oauth2"}. */
    public static final String AUTH_TYPE = "auth_type";
    /** The connection status ({@link ConnectionStatus#wireValue()}). */
    public static final String STATUS = "status";

    /** API key (secret). */
    public static final String API_KEY = "api_key";
    /** Bot token (secret). */
    public static final String BOT_TOKEN = "bot_token";
    /** Access key id of a key/secret pair. */
    public static final String ACCESS_KEY = "access_key";
    /** Secret key of a key/secret pair (secret). */
    public static final String SECRET_KEY = "secret_key";
    /** SMTP password (secret). */
    public static final String PASSWORD = "password";
    /** A map of provider-specific credentials. */
    public static final String CREDENTIALS = "credentials";

    /** OAuth2 client id. */
    public static final String CLIENT_ID = "client_id";
    /** OAuth2 client secret (secret). */
    public static final String CLIENT_SECRET = "client_secret";
    /** Microsoft tenant id. */
    public static final String TENANT_ID = "tenant_id";
    /** OAuth2 access token (secret). */
    public static final String ACCESS_TOKEN = "access_token";
    /** OAuth2 refresh token (secret). */
    public static final String REFRESH_TOKEN = "refresh_token";
    /** OAuth2 token type, usually {@code "Bearer"}. */
    public static final String TOKEN_TYPE = "token_type";
    /** Granted scopes, space-separated. */
    public static final String SCOPES = "scopes";
    /** When the access token expires (ISO-8601). */
    public static final String EXPIRES_AT = "expires_at";
    /** When the access token was obtained (ISO-8601). */
    public static final String TOKEN_OBTAINED_AT = "token_obtained_at";

    /** When the connection was last connected (ISO-8601). */
    public static final String CONNECTED_AT = "connected_at";
    /** When the connection was last validated (ISO-8601). */
    public static final String LAST_VALIDATED_AT = "last_validated_at";
    /** Open text: {@code "ok"}, a success note (with status connected) or {@code "error: <message>"}. */
    public static final String VALIDATION_STATUS = "validation_status";

    /** The connected account's id (OAuth2: the e-mail from userinfo). */
    public static final String EXTERNAL_ACCOUNT_ID = "external_account_id";
    /** The connected account's display name. */
    public static final String EXTERNAL_ACCOUNT_NAME = "external_account_name";
    /** A map of account details ({@code connected_email}, {@code name}, {@code picture}). */
    public static final String METADATA = "metadata";
    /** PhoenixKit's owner type of a personal connection ({@code "user"}, ...); plaintext, write-once. */
    public static final String OWNER_TYPE = "owner_type";
    /** PhoenixKit's owner uuid of a personal connection; absent on system rows; plaintext, write-once. */
    public static final String OWNER_UUID = "owner_uuid";
    /** The CSRF state of a pending OAuth2 redirect, as PhoenixKit's admin form saves it. */
    public static final String OAUTH_STATE = "oauth_state";

    private Fields() {}
}
