package dev.phoenixkit.cli.internal;

import dev.phoenixkit.cli.CliEnvironment;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The CLI's configuration, resolved in Flyway's order of precedence: flags, then environment variables, then the
 * {@code --config} file. Secret values come only from the environment, a file, or a hidden prompt; they are
 * never option values and are never printed (not even in {@link #toString()}).
 */
public final class Settings {

    /** Environment variable: the JDBC URL. */
    public static final String DB_URL = "PHOENIXKIT_DB_URL";
    /** Environment variable: the database user. */
    public static final String DB_USER = "PHOENIXKIT_DB_USER";
    /** Environment variable: the database password. */
    public static final String DB_PASSWORD = "PHOENIXKIT_DB_PASSWORD";
    /** Environment variable: the schema. */
    public static final String SCHEMA = "PHOENIXKIT_SCHEMA";
    /** Environment variable: PhoenixKit's secret key base. */
    public static final String SECRET_KEY_BASE = "PHOENIXKIT_SECRET_KEY_BASE";
    /** Environment variable: path of a keyring file. */
    public static final String KEYRING_FILE = "PHOENIXKIT_KEYRING_FILE";

    private final GlobalOptions options;
    private final CliEnvironment environment;
    private final Properties file;

    private Settings(GlobalOptions options, CliEnvironment environment, Properties file) {
        this.options = options;
        this.environment = environment;
        this.file = file;
    }

    /**
     * Reads the {@code --config} file, if any.
     *
     * @param options     the parsed flags
     * @param environment the process environment
     * @return the settings
     * @throws CliException {@code USAGE} when the config file cannot be read
     */
    public static Settings resolve(GlobalOptions options, CliEnvironment environment) {
        Properties file = new Properties();
        if (options.config != null) {
            try (Reader reader = Files.newBufferedReader(options.config, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw CliException.usage("Cannot read the config file " + options.config + ": "
                        + e.getClass().getSimpleName());
            }
            TreeSet<String> unknown = new TreeSet<>(file.stringPropertyNames());
            unknown.removeAll(java.util.Set.of("url", "user", "password", "schema", "secret-key-base", "keyring-file"));
            if (!unknown.isEmpty()) {
                throw CliException.usage("Unknown setting(s) in " + options.config + ": " + unknown
                        + "; known: url, user, password, schema, secret-key-base, keyring-file");
            }
        }
        return new Settings(options, environment, file);
    }

    /** @return the JDBC URL; {@code USAGE} when none is configured */
    public String url() {
        return first(options.url, DB_URL, "url")
                .orElseThrow(() -> CliException.usage(
                        "No database: give --url, set " + DB_URL + ", or put url= in the --config file"));
    }

    /** @return the schema, {@code public} by default */
    public String schema() {
        return first(options.schema, SCHEMA, "schema").orElse("public");
    }

    /**
     * A data source for the configured database. Connections are opened on demand (no pool: a CLI run is short).
     *
     * @return the data source
     */
    public DataSource dataSource() {
        String url = url();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw CliException.usage(
                    "The database URL must start with jdbc:postgresql: (got a URL of another" + " kind)");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setURL(url);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("The database URL is not a valid PostgreSQL JDBC URL");
        }
        first(options.user, DB_USER, "user").ifPresent(dataSource::setUser);
        password().ifPresent(dataSource::setPassword);
        return dataSource;
    }

    private Optional<String> password() {
        if (options.passwordFile != null) {
            return Optional.of(readSecretFile(options.passwordFile, "--password-file"));
        }
        Optional<String> fromEnvOrFile = first(null, DB_PASSWORD, "password");
        if (fromEnvOrFile.isPresent()) {
            return fromEnvOrFile;
        }
        if (options.passwordPrompt) {
            return Optional.of(prompt("Database password: ", "--password-prompt", "--password-file or " + DB_PASSWORD));
        }
        return Optional.empty();
    }

    /**
     * The cipher for stored secrets.
     *
     * @return the cipher; {@code USAGE} when no secret is configured, or a secret is refused
     */
    public SecretCipher cipher() {
        try {
            if (options.plaintextSecrets) {
                return SecretCipher.none();
            }
            if (options.secretKeyBaseFile != null) {
                return SecretCipher.fromSecretKeyBase(
                        readSecretFile(options.secretKeyBaseFile, "--secret-key-base-file"));
            }
            if (options.keyringFile != null) {
                return keyring(options.keyringFile);
            }
            Optional<String> secret = environment.variable(SECRET_KEY_BASE);
            if (secret.isPresent()) {
                return SecretCipher.fromSecretKeyBase(secret.get());
            }
            Optional<String> keyring = environment.variable(KEYRING_FILE);
            if (keyring.isPresent()) {
                return keyring(Path.of(keyring.get()));
            }
            String fromFile = file.getProperty("secret-key-base");
            if (fromFile != null && !fromFile.isBlank()) {
                return SecretCipher.fromSecretKeyBase(fromFile.strip());
            }
            String keyringFromFile = file.getProperty("keyring-file");
            if (keyringFromFile != null && !keyringFromFile.isBlank()) {
                return keyring(Path.of(keyringFromFile.strip()));
            }
            if (options.secretPrompt) {
                return SecretCipher.fromSecretKeyBase(
                        prompt("Secret key base: ", "--secret-prompt", "--secret-key-base-file or " + SECRET_KEY_BASE));
            }
        } catch (IntegrationException | IllegalArgumentException e) {
            throw CliException.usage("The configured secret was refused: " + e.getMessage());
        }
        throw CliException.usage("No secret for stored credentials: set " + SECRET_KEY_BASE + " or "
                + KEYRING_FILE + ", give --secret-key-base-file FILE, --keyring-file FILE or --secret-prompt, or"
                + " --plaintext-secrets for a database that stores secrets unencrypted");
    }

    private SecretCipher keyring(Path path) {
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            keys.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.usage(
                    "Cannot read the keyring file " + path + ": " + e.getClass().getSimpleName());
        }
        SecretCipher.KeyringBuilder builder = SecretCipher.keyring();
        int count = 0;
        for (String name : new TreeSet<>(keys.stringPropertyNames())) {
            String value = keys.getProperty(name).strip();
            if (name.startsWith("key.")) {
                builder.keyFromSecret(name.substring("key.".length()), value);
                count++;
            } else if (name.equals("legacy")) {
                builder.legacySecretKeyBase(value);
                count++;
            } else if (!name.equals("primary")) {
                throw CliException.usage("Unknown entry '" + name + "' in the keyring file " + path
                        + "; expected primary=ID, key.ID=SECRET or legacy=SECRET_KEY_BASE");
            }
        }
        if (count == 0) {
            throw CliException.usage("The keyring file " + path + " holds no key (key.ID=SECRET lines)");
        }
        String primary = keys.getProperty("primary");
        if (primary != null) {
            builder.primary(primary.strip());
        }
        return builder.build();
    }

    private Optional<String> first(String flag, String variable, String fileKey) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag);
        }
        Optional<String> fromEnvironment = environment.variable(variable);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment;
        }
        return Optional.ofNullable(file.getProperty(fileKey)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String readSecretFile(Path path, String option) {
        try {
            String value = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw CliException.usage("The file given to " + option + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw CliException.usage("Cannot read the file given to " + option + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private String prompt(String question, String option, String alternative) {
        CliEnvironment.Terminal terminal = environment
                .terminal()
                .orElseThrow(() -> CliException.usage(option + " needs a terminal; without one use " + alternative));
        char[] typed = terminal.readSecret(question);
        if (typed == null || typed.length == 0) {
            throw CliException.usage("Nothing was entered for " + option);
        }
        String value = new String(typed).strip();
        Arrays.fill(typed, '\0');
        return value;
    }

    @Override
    public String toString() {
        return "Settings[schema=" + schema() + "]";
    }
}
