package dev.phoenixkit.integrations.providers.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SelectOption;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import org.junit.jupiter.api.Test;

/** Pins {@code smtp} to PhoenixKit's definition (providers.ex, reference §4). */
class SmtpTest {
    private final ProviderDefinition provider = Smtp.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(provider.key()).isEqualTo("smtp");
        assertThat(provider.name()).isEqualTo("SMTP");
        assertThat(provider.description())
                .isEqualTo("Universal SMTP relay — works with any vendor (Brevo, Mailgun, SendGrid, a self-hosted mail"
                        + " server, etc). Add one named connection per relay/account.");
        assertThat(provider.icon()).isEqualTo("hero-envelope");
        assertThat(provider.authType()).isEqualTo(AuthType.CREDENTIALS);
        assertThat(provider.scopes()).containsExactly(ProviderScope.SYSTEM, ProviderScope.PERSONAL);
        assertThat(provider.baseUrl()).isEmpty();
        assertThat(provider.capabilities()).containsExactly("email_send");
        assertThat(provider.instructions()).isEmpty();
        assertThat(provider.validation())
                .get()
                .isInstanceOfSatisfying(
                        ValidationSpec.Strategy.class,
                        strategy -> assertThat(strategy.name()).isEqualTo("smtp"));
    }

    @Test
    void setupFieldsInPhoenixKitsOrderWithTypesAndRequiredness() {
        assertThat(provider.setupFields())
                .extracting(SetupField::key, SetupField::type, SetupField::required)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("host", SetupFieldType.TEXT, true),
                        org.assertj.core.groups.Tuple.tuple("port", SetupFieldType.NUMBER, true),
                        org.assertj.core.groups.Tuple.tuple("username", SetupFieldType.TEXT, false),
                        org.assertj.core.groups.Tuple.tuple("password", SetupFieldType.PASSWORD, false),
                        org.assertj.core.groups.Tuple.tuple("security", SetupFieldType.SELECT, false),
                        org.assertj.core.groups.Tuple.tuple("auth", SetupFieldType.SELECT, false),
                        org.assertj.core.groups.Tuple.tuple("verify_cert", SetupFieldType.SELECT, false),
                        org.assertj.core.groups.Tuple.tuple("ca_cert", SetupFieldType.TEXTAREA, false),
                        org.assertj.core.groups.Tuple.tuple("timeout", SetupFieldType.NUMBER, false));
        assertThat(provider.setupFields())
                .extracting(SetupField::label)
                .containsExactly(
                        "SMTP Host",
                        "Port",
                        "Username",
                        "Password",
                        "Encryption",
                        "Authentication",
                        "Certificate verification",
                        "CA certificate (PEM)",
                        "Timeout (seconds)");
        assertThat(provider.setupFields())
                .extracting(field -> field.placeholder().orElse(null))
                .containsExactly(
                        "smtp-relay.brevo.com",
                        "587",
                        "your-login@smtp-brevo.com",
                        "xsmtpsib-...",
                        null,
                        null,
                        null,
                        "-----BEGIN CERTIFICATE-----",
                        "30");
    }

    @Test
    void selectsOfferPhoenixKitsOptions() {
        assertThat(field("security").options())
                .containsExactly(
                        new SelectOption("auto", "Auto (from port)"),
                        new SelectOption("ssl", "Implicit TLS / SMTPS"),
                        new SelectOption("starttls", "STARTTLS — required"),
                        new SelectOption("starttls_optional", "STARTTLS — if offered"),
                        new SelectOption("none", "None — plaintext"));
        assertThat(field("auth").options())
                .containsExactly(
                        new SelectOption("if_available", "If offered (default)"),
                        new SelectOption("always", "Always"),
                        new SelectOption("never", "Never"));
        assertThat(field("verify_cert").options())
                .containsExactly(
                        new SelectOption("verify_peer", "Verify (default)"),
                        new SelectOption("verify_none", "Do not verify"));
    }

    @Test
    void helpTextsAreVerbatim() {
        assertThat(field("security").help())
                .contains("Auto follows the port: 465 means implicit TLS, anything else STARTTLS (required when a"
                        + " login is set). Choose explicitly for a relay that ignores that convention.");
        assertThat(field("timeout").help()).contains("Leave blank for the gen_smtp default.");
        assertThat(field("host").help()).isEmpty();
    }

    private SetupField field(String key) {
        return provider.setupFields().stream()
                .filter(field -> field.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
