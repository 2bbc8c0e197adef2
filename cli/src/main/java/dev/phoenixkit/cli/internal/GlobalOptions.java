package dev.phoenixkit.cli.internal;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command accepts: where the database is, where the secrets come from, and the output format.
 * Secrets are never option values: options name a file, and the values themselves come from that file, the
 * environment, a {@code --config} file or a hidden prompt.
 */
public final class GlobalOptions {

    @Option(
            names = "--url",
            paramLabel = "JDBC_URL",
            description = "JDBC URL of the PostgreSQL database (else $PHOENIXKIT_DB_URL, else url= in --config).")
    String url;

    @Option(
            names = "--user",
            paramLabel = "USER",
            description = "Database user (else $PHOENIXKIT_DB_USER, else user= in --config).")
    String user;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "File holding the database password (else $PHOENIXKIT_DB_PASSWORD, else password= in"
                    + " --config, else --password-prompt).")
    Path passwordFile;

    @Option(names = "--password-prompt", description = "Ask for the database password on the terminal (hidden).")
    boolean passwordPrompt;

    @Option(
            names = "--schema",
            paramLabel = "SCHEMA",
            description = "Schema (PhoenixKit's prefix; else $PHOENIXKIT_SCHEMA, else schema= in --config,"
                    + " else public).")
    String schema;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with url, user, password, schema, secret-key-base, keyring-file;"
                    + " flags and environment variables take precedence over it.")
    Path config;

    @Option(
            names = "--secret-key-base-file",
            paramLabel = "FILE",
            description = "File holding PhoenixKit's secret key base (else $PHOENIXKIT_SECRET_KEY_BASE, else"
                    + " --keyring-file, else secret-key-base= in --config, else --secret-prompt).")
    Path secretKeyBaseFile;

    @Option(
            names = "--keyring-file",
            paramLabel = "FILE",
            description = "Keyring properties file (primary=ID, key.ID=SECRET…, optional legacy=SECRET_KEY_BASE"
                    + " for enc:v1 values); else $PHOENIXKIT_KEYRING_FILE.")
    Path keyringFile;

    @Option(names = "--secret-prompt", description = "Ask for the secret key base on the terminal (hidden).")
    boolean secretPrompt;

    @Option(
            names = "--plaintext-secrets",
            description = "Store and read secrets unencrypted (SecretCipher.none()); for databases without a key.")
    boolean plaintextSecrets;

    @Option(names = "--json", description = "Print the result as JSON on stdout (for scripts).")
    boolean json;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log the library's INFO lines to stderr.")
    boolean verbose;
}
