package dev.phoenixkit.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code phoenixkit.integrations.*} properties. Secrets ({@code secret-key-base}, {@code keyring.*}) may come from
 * any Spring property source (environment variables, a vault, a config server); they are never logged, and
 * {@code /actuator/configprops} and {@code /actuator/env} show them masked.
 */
@ConfigurationProperties(PhoenixKitProperties.PREFIX)
public class PhoenixKitProperties {
    /** The prefix of every property. */
    public static final String PREFIX = "phoenixkit.integrations";

    /** Whether the auto-configuration is on. */
    private boolean enabled = true;

    /**
     * PhoenixKit's secret key base (at least 20 characters); the secrets in the rows are encrypted with a key derived
     * from it (PhoenixKit's enc:v1). Ignored when a keyring is given.
     */
    private String secretKeyBase;

    /** A keyring: key id to secret key base, for key rotation; the primary key encrypts new values. */
    private Map<String, String> keyring = new LinkedHashMap<>();

    /** The keyring entry that encrypts new values (required with more than one key). */
    private String primaryKey;

    /** Store secrets in plaintext when neither a secret key base nor a keyring is given (otherwise start-up fails). */
    private boolean allowPlaintext;

    /** The schema holding PhoenixKit's tables. */
    private String schema = "public";

    /** Whether the library's migrations run at start-up (after the host's Flyway or Liquibase). */
    private boolean migrateOnStartup = true;

    /**
     * When the host's Flyway finds PhoenixKit's tables in a schema without its history table, baseline at version 0
     * so that the host's own V1 still runs (applied only when spring.flyway.baseline-on-migrate and
     * spring.flyway.baseline-version are unset).
     */
    private boolean flywayBaselineZero = true;

    /** Whether events are shared between nodes on the same database (LISTEN/NOTIFY). */
    private boolean crossNodeEvents;

    /** The NOTIFY channel (default phoenix_kit_integrations, suffixed with the schema when not public). */
    private String notifyChannel;

    /** How long one provider call may take. */
    private Duration httpTimeout = Duration.ofSeconds(15);

    /** How long before expiry an OAuth2 token is refreshed before use. */
    private Duration refreshSkew = Duration.ofSeconds(60);

    /** How long an OAuth2 authorization state is accepted. */
    private Duration authorizationTtl = Duration.ofMinutes(10);

    /** Whether the facade's writes join the host's Spring transactions. */
    private boolean joinTransactions = true;

    /** Map IntegrationException to RFC 9457 problem details in the host's controllers. */
    private boolean problemDetails;

    private final Callback callback = new Callback();

    private final Admin admin = new Admin();

    /** @return whether the auto-configuration is on */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the auto-configuration is on */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the secret key base, or {@code null} */
    public String getSecretKeyBase() {
        return secretKeyBase;
    }

    /** @param secretKeyBase the secret key base */
    public void setSecretKeyBase(String secretKeyBase) {
        this.secretKeyBase = secretKeyBase;
    }

    /** @return key id to secret key base */
    public Map<String, String> getKeyring() {
        return keyring;
    }

    /** @param keyring key id to secret key base */
    public void setKeyring(Map<String, String> keyring) {
        this.keyring = keyring;
    }

    /** @return the keyring entry that encrypts, or {@code null} */
    public String getPrimaryKey() {
        return primaryKey;
    }

    /** @param primaryKey the keyring entry that encrypts */
    public void setPrimaryKey(String primaryKey) {
        this.primaryKey = primaryKey;
    }

    /** @return whether plaintext storage is allowed without a secret */
    public boolean isAllowPlaintext() {
        return allowPlaintext;
    }

    /** @param allowPlaintext whether plaintext storage is allowed without a secret */
    public void setAllowPlaintext(boolean allowPlaintext) {
        this.allowPlaintext = allowPlaintext;
    }

    /** @return the schema */
    public String getSchema() {
        return schema;
    }

    /** @param schema the schema */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    /** @return whether migrations run at start-up */
    public boolean isMigrateOnStartup() {
        return migrateOnStartup;
    }

    /** @param migrateOnStartup whether migrations run at start-up */
    public void setMigrateOnStartup(boolean migrateOnStartup) {
        this.migrateOnStartup = migrateOnStartup;
    }

    /** @return whether the host's Flyway baselines at 0 on a schema that already has PhoenixKit's tables */
    public boolean isFlywayBaselineZero() {
        return flywayBaselineZero;
    }

    /** @param flywayBaselineZero whether the host's Flyway baselines at 0 */
    public void setFlywayBaselineZero(boolean flywayBaselineZero) {
        this.flywayBaselineZero = flywayBaselineZero;
    }

    /** @return whether cross-node events are on */
    public boolean isCrossNodeEvents() {
        return crossNodeEvents;
    }

    /** @param crossNodeEvents whether cross-node events are on */
    public void setCrossNodeEvents(boolean crossNodeEvents) {
        this.crossNodeEvents = crossNodeEvents;
    }

    /** @return the NOTIFY channel, or {@code null} for the default */
    public String getNotifyChannel() {
        return notifyChannel;
    }

    /** @param notifyChannel the NOTIFY channel */
    public void setNotifyChannel(String notifyChannel) {
        this.notifyChannel = notifyChannel;
    }

    /** @return the provider call timeout */
    public Duration getHttpTimeout() {
        return httpTimeout;
    }

    /** @param httpTimeout the provider call timeout */
    public void setHttpTimeout(Duration httpTimeout) {
        this.httpTimeout = httpTimeout;
    }

    /** @return the refresh skew */
    public Duration getRefreshSkew() {
        return refreshSkew;
    }

    /** @param refreshSkew the refresh skew */
    public void setRefreshSkew(Duration refreshSkew) {
        this.refreshSkew = refreshSkew;
    }

    /** @return the authorization state's lifetime */
    public Duration getAuthorizationTtl() {
        return authorizationTtl;
    }

    /** @param authorizationTtl the authorization state's lifetime */
    public void setAuthorizationTtl(Duration authorizationTtl) {
        this.authorizationTtl = authorizationTtl;
    }

    /** @return whether writes join the host's Spring transactions */
    public boolean isJoinTransactions() {
        return joinTransactions;
    }

    /** @param joinTransactions whether writes join the host's Spring transactions */
    public void setJoinTransactions(boolean joinTransactions) {
        this.joinTransactions = joinTransactions;
    }

    /** @return whether IntegrationException is mapped to problem details */
    public boolean isProblemDetails() {
        return problemDetails;
    }

    /** @param problemDetails whether IntegrationException is mapped to problem details */
    public void setProblemDetails(boolean problemDetails) {
        this.problemDetails = problemDetails;
    }

    /** @return the OAuth callback settings */
    public Callback getCallback() {
        return callback;
    }

    /** @return the admin console settings */
    public Admin getAdmin() {
        return admin;
    }

    /** The one OAuth2 callback route for every connection. */
    public static class Callback {
        /** Whether the callback route is registered (servlet web applications only). */
        private boolean enabled = true;

        /** The callback's path. */
        private String path = "/phoenixkit/oauth/callback";

        /**
         * The redirect URI registered with the providers, when it differs from the URL the request arrived on (behind
         * a proxy); by default the request's own URL without its query.
         */
        private String redirectUri;

        /** Where the browser goes after a completed authorization ({@code ?connection=<uuid>} is added). */
        private String successRedirect = "/";

        /**
         * Where the browser goes after a failed one ({@code ?error=<code>} is added); without it a short plain page
         * explains the failure.
         */
        private String errorRedirect;

        /** @return whether the callback is registered */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the callback is registered */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the path */
        public String getPath() {
            return path;
        }

        /** @param path the path */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return the registered redirect URI, or {@code null} */
        public String getRedirectUri() {
            return redirectUri;
        }

        /** @param redirectUri the registered redirect URI */
        public void setRedirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
        }

        /** @return where to go on success */
        public String getSuccessRedirect() {
            return successRedirect;
        }

        /** @param successRedirect where to go on success */
        public void setSuccessRedirect(String successRedirect) {
            this.successRedirect = successRedirect;
        }

        /** @return where to go on failure, or {@code null} for the plain page */
        public String getErrorRedirect() {
            return errorRedirect;
        }

        /** @param errorRedirect where to go on failure */
        public void setErrorRedirect(String errorRedirect) {
            this.errorRedirect = errorRedirect;
        }
    }

    /** The admin console (phoenixkit-admin on the class path). */
    public static class Admin {
        /** Whether the console is registered when phoenixkit-admin is on the class path. */
        private boolean enabled = true;

        /** The console's path. */
        private String path = "/phoenixkit/admin";

        /** The authority a user needs for the console when Spring Security is present. */
        private String requiredAuthority = "ROLE_ADMIN";

        /** @return whether the console is registered */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the console is registered */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the path */
        public String getPath() {
            return path;
        }

        /** @param path the path */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return the required authority */
        public String getRequiredAuthority() {
            return requiredAuthority;
        }

        /** @param requiredAuthority the required authority */
        public void setRequiredAuthority(String requiredAuthority) {
            this.requiredAuthority = requiredAuthority;
        }
    }
}
