package dev.phoenixkit.integrations.providers.smtp;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import dev.phoenixkit.integrations.providers.smtp.internal.SmtpCheck;

/**
 * Any SMTP relay by host, port and an optional login, validated with the strategy {@code smtp}: a real SMTP
 * session (greeting, {@code EHLO}, {@code STARTTLS} or implicit TLS per {@code security}, {@code AUTH PLAIN} or
 * {@code LOGIN} per {@code auth}, {@code QUIT}) with {@code verify_cert}, {@code ca_cert} and {@code timeout}
 * applied. A relay that offers no {@code AUTH} passes. Why a socket dialogue and not a mail library is in
 * {@code docs/decisions/catalog-smtp.md}. Stateless.
 */
public final class Smtp {
    /** The provider key. */
    public static final String KEY = "smtp";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .name("SMTP")
            .description("Universal SMTP relay — works with any vendor (Brevo, Mailgun, SendGrid, a self-hosted mail"
                    + " server, etc). Add one named connection per relay/account.")
            .icon("hero-envelope")
            .authType(AuthType.CREDENTIALS)
            .validation(ValidationSpec.strategy(KEY, new SmtpCheck()))
            .setupField(SetupField.builder("host")
                    .label("SMTP Host")
                    .type(SetupFieldType.TEXT)
                    .required(true)
                    .placeholder("smtp-relay.brevo.com")
                    .build())
            .setupField(SetupField.builder("port")
                    .label("Port")
                    .type(SetupFieldType.NUMBER)
                    .required(true)
                    .placeholder("587")
                    .build())
            .setupField(SetupField.builder("username")
                    .label("Username")
                    .type(SetupFieldType.TEXT)
                    .placeholder("your-login@smtp-brevo.com")
                    .help("For Brevo: your account's SMTP login, shown as <subaccount>@smtp-brevo.com under SMTP & API"
                            + " → SMTP.")
                    .build())
            .setupField(SetupField.builder("password")
                    .label("Password")
                    .type(SetupFieldType.PASSWORD)
                    .placeholder("xsmtpsib-...")
                    .help("For Brevo: the SMTP key starting with xsmtpsib- (SMTP & API → SMTP tab) — not the API key"
                            + " (xkeysib-).")
                    .build())
            .setupField(SetupField.builder("security")
                    .label("Encryption")
                    .type(SetupFieldType.SELECT)
                    .help("Auto follows the port: 465 means implicit TLS, anything else STARTTLS (required when a login"
                            + " is set). Choose explicitly for a relay that ignores that convention.")
                    .option("auto", "Auto (from port)")
                    .option("ssl", "Implicit TLS / SMTPS")
                    .option("starttls", "STARTTLS — required")
                    .option("starttls_optional", "STARTTLS — if offered")
                    .option("none", "None — plaintext")
                    .build())
            .setupField(SetupField.builder("auth")
                    .label("Authentication")
                    .type(SetupFieldType.SELECT)
                    .help("Whether to send the login at all. “If offered” follows the relay; “Never” is for relays"
                            + " that authenticate by IP.")
                    .option("if_available", "If offered (default)")
                    .option("always", "Always")
                    .option("never", "Never")
                    .build())
            .setupField(SetupField.builder("verify_cert")
                    .label("Certificate verification")
                    .type(SetupFieldType.SELECT)
                    .help("Turning verification off means the login travels to whoever answers, including an impostor."
                            + " Use a CA certificate below instead whenever you can.")
                    .option("verify_peer", "Verify (default)")
                    .option("verify_none", "Do not verify")
                    .build())
            .setupField(SetupField.builder("ca_cert")
                    .label("CA certificate (PEM)")
                    .type(SetupFieldType.TEXTAREA)
                    .placeholder("-----BEGIN CERTIFICATE-----")
                    .help("For a private or self-signed relay certificate. Replaces the system CA store for this"
                            + " connection only.")
                    .build())
            .setupField(SetupField.builder("timeout")
                    .label("Timeout (seconds)")
                    .type(SetupFieldType.NUMBER)
                    .placeholder("30")
                    .help("Leave blank for the gen_smtp default.")
                    .build())
            .capability("email_send")
            .build();

    private Smtp() {}

    /** @return the SMTP provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
