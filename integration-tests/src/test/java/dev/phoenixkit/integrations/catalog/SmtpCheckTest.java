package dev.phoenixkit.integrations.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.PhoenixKitTest;
import dev.phoenixkit.testkit.fake.FakeSmtpServer;
import dev.phoenixkit.testkit.fake.SelfSignedCertificate;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code smtp} strategy: a real SMTP session against the testkit's loopback relay, in every security mode, with
 * good and bad logins, a relay without AUTH, certificate checks and a hung relay.
 */
@PhoenixKitTest
class SmtpCheckTest {
    private static final String USER = "mailer@example.com";
    private static final String PASSWORD = "smtp-password-0123";
    private static SelfSignedCertificate certificate;
    private static SelfSignedCertificate stranger;

    private final List<FakeSmtpServer> servers = new ArrayList<>();
    private final List<Integrations> instances = new ArrayList<>();
    private DataSource dataSource;
    private Integrations integrations;

    @BeforeAll
    static void certificates() {
        certificate = SelfSignedCertificate.generate();
        stranger = SelfSignedCertificate.generate();
    }

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        integrations = build(Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        instances.forEach(Integrations::close);
        servers.forEach(FakeSmtpServer::close);
    }

    private Integrations build(Duration deadline) {
        Integrations instance = Integrations.builder()
                .dataSource(dataSource)
                .providers(ProviderRegistry.loadDefault())
                .cipher(SecretCipher.none())
                .checkDeadline(deadline)
                .build();
        instances.add(instance);
        return instance;
    }

    private FakeSmtpServer plain() {
        return track(FakeSmtpServer.start());
    }

    private FakeSmtpServer startTls() {
        return track(FakeSmtpServer.startWithStartTls(certificate.serverContext()));
    }

    private FakeSmtpServer implicitTls() {
        return track(FakeSmtpServer.startWithImplicitTls(certificate.serverContext()));
    }

    private FakeSmtpServer track(FakeSmtpServer server) {
        servers.add(server.addUser(USER, PASSWORD));
        return server;
    }

    private static Map<String, Object> settings(FakeSmtpServer server, String... pairs) {
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("host", "127.0.0.1");
        attrs.put("port", server.port());
        attrs.put("username", USER);
        attrs.put("password", PASSWORD);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                attrs.remove(pairs[i]);
            } else {
                attrs.put(pairs[i], pairs[i + 1]);
            }
        }
        return attrs;
    }

    private ValidationResult validate(Map<String, Object> attrs) {
        return integrations.validateCredentials("smtp", attrs);
    }

    @Test
    void plaintextWithSecurityNoneAuthenticatesWithPlain() {
        FakeSmtpServer server = plain();

        assertThat(validate(settings(server, "security", "none"))).isEqualTo(ValidationResult.ok());
        assertThat(server.commands()).containsExactly("EHLO", "AUTH PLAIN", "QUIT");
    }

    @Test
    void securityNoneStaysPlaintextEvenWhenStartTlsIsOffered() {
        FakeSmtpServer server = startTls();

        assertThat(validate(settings(server, "security", "none"))).isEqualTo(ValidationResult.ok());
        assertThat(server.commands()).containsExactly("EHLO", "AUTH PLAIN", "QUIT");
    }

    @Test
    void autoOnAnotherPortThanWith465UpgradesWithStartTlsBeforeTheLogin() {
        FakeSmtpServer server = startTls();

        assertThat(validate(settings(server, "ca_cert", certificate.pem()))).isEqualTo(ValidationResult.ok());
        assertThat(server.commands()).containsExactly("EHLO", "STARTTLS", "EHLO", "AUTH PLAIN", "QUIT");
    }

    @Test
    void autoWithALoginRefusesARelayWithoutStartTlsAndNeverSendsTheLogin() {
        FakeSmtpServer server = plain();

        assertThat(validate(settings(server)))
                .isEqualTo(ValidationResult.error(
                        "SMTP server rejected the connection: STARTTLS is required but not offered"));
        assertThat(server.commands()).containsExactly("EHLO");
    }

    @Test
    void autoWithoutALoginAcceptsAPlaintextRelay() {
        FakeSmtpServer server = plain();

        assertThat(validate(settings(server, "username", null, "password", null)))
                .isEqualTo(ValidationResult.ok());
        assertThat(server.commands()).containsExactly("EHLO", "QUIT");
    }

    @Test
    void starttlsRequiredUpgradesAndAuthenticates() {
        FakeSmtpServer server = startTls();

        assertThat(validate(settings(server, "security", "starttls", "ca_cert", certificate.pem())))
                .isEqualTo(ValidationResult.ok());
        assertThat(server.commands()).containsExactly("EHLO", "STARTTLS", "EHLO", "AUTH PLAIN", "QUIT");
    }

    @Test
    void starttlsOptionalUpgradesWhenOfferedAndGoesOnWithoutWhenNot() {
        FakeSmtpServer offering = startTls();
        FakeSmtpServer notOffering = plain();

        assertThat(validate(settings(offering, "security", "starttls_optional", "ca_cert", certificate.pem())))
                .isEqualTo(ValidationResult.ok());
        assertThat(offering.commands()).contains("STARTTLS");
        assertThat(validate(settings(notOffering, "security", "starttls_optional")))
                .isEqualTo(ValidationResult.ok());
        assertThat(notOffering.commands()).containsExactly("EHLO", "AUTH PLAIN", "QUIT");
    }

    @Test
    void sslSpeaksTlsFromTheFirstByte() {
        FakeSmtpServer server = implicitTls();

        assertThat(validate(settings(server, "security", "ssl", "ca_cert", certificate.pem())))
                .isEqualTo(ValidationResult.ok());
        assertThat(server.commands()).containsExactly("EHLO", "AUTH PLAIN", "QUIT");
    }

    @Test
    void anUntrustedCertificateFailsTheHandshakeAndNothingFollowsInPlaintext() {
        FakeSmtpServer server = startTls();

        assertThat(validate(settings(server, "security", "starttls")))
                .isEqualTo(ValidationResult.error("TLS handshake failed"));
        assertThat(validate(settings(server, "security", "starttls_optional")))
                .isEqualTo(ValidationResult.error("TLS handshake failed"));
        assertThat(server.commands()).containsExactly("EHLO", "STARTTLS", "EHLO", "STARTTLS");
    }

    @Test
    void anUntrustedCertificateFailsImplicitTlsToo() {
        FakeSmtpServer server = implicitTls();

        assertThat(validate(settings(server, "security", "ssl")))
                .isEqualTo(ValidationResult.error("TLS handshake failed"));
        assertThat(validate(settings(server, "security", "ssl", "ca_cert", stranger.pem())))
                .isEqualTo(ValidationResult.error("TLS handshake failed"));
        assertThat(server.commands()).isEmpty();
    }

    @Test
    void aCaCertOfAnotherAuthorityIsRefused() {
        FakeSmtpServer server = startTls();

        assertThat(validate(settings(server, "ca_cert", stranger.pem())))
                .isEqualTo(ValidationResult.error("TLS handshake failed"));
    }

    @Test
    void verifyNoneAcceptsTheSelfSignedCertificate() {
        FakeSmtpServer starttls = startTls();
        FakeSmtpServer ssl = implicitTls();

        assertThat(validate(settings(starttls, "verify_cert", "verify_none"))).isEqualTo(ValidationResult.ok());
        assertThat(validate(settings(ssl, "security", "ssl", "verify_cert", "verify_none")))
                .isEqualTo(ValidationResult.ok());
    }

    @Test
    void theHostNameIsCheckedAgainstTheCertificate() {
        SelfSignedCertificate elsewhere = SelfSignedCertificate.generateFor("mail.example.com");
        FakeSmtpServer server = track(FakeSmtpServer.startWithStartTls(elsewhere.serverContext()));

        assertThat(validate(settings(server, "ca_cert", elsewhere.pem())))
                .isEqualTo(ValidationResult.error("TLS handshake failed"));
        assertThat(validate(settings(server, "verify_cert", "verify_none"))).isEqualTo(ValidationResult.ok());
    }

    @Test
    void aWrongPasswordIsInvalidCredentials() {
        FakeSmtpServer server = plain();

        assertThat(validate(settings(server, "security", "none", "password", "wrong")))
                .isEqualTo(ValidationResult.error("Invalid credentials"));
    }

    @Test
    void aRelayRejectingEveryLoginIsInvalidCredentials() {
        FakeSmtpServer server = startTls().rejectAuth(true);

        assertThat(validate(settings(server, "ca_cert", certificate.pem())))
                .isEqualTo(ValidationResult.error("Invalid credentials"));
    }

    @Test
    void authLoginIsUsedWhenPlainIsNotOffered() {
        FakeSmtpServer server = plain().authMechanisms("LOGIN");

        assertThat(validate(settings(server, "security", "none"))).isEqualTo(ValidationResult.ok());
        assertThat(validate(settings(server, "security", "none", "password", "wrong")))
                .isEqualTo(ValidationResult.error("Invalid credentials"));
        assertThat(server.commands()).containsSequence("EHLO", "AUTH LOGIN", "QUIT");
    }

    @Test
    void onlyUnsupportedMechanismsAreNamed() {
        FakeSmtpServer server = plain().authMechanisms("CRAM-MD5 XOAUTH2");

        assertThat(validate(settings(server, "security", "none")))
                .isEqualTo(ValidationResult.error(
                        "SMTP server rejected the connection: no supported AUTH mechanism (PLAIN, LOGIN)"));
    }

    @Test
    void aRelayOfferingNoAuthPassesWithTheLoginUnused() {
        FakeSmtpServer server = plain().offerAuth(false);

        assertThat(validate(settings(server, "security", "none", "password", "anything")))
                .isEqualTo(ValidationResult.ok());
        assertThat(server.commands()).containsExactly("EHLO", "QUIT");
    }

    @Test
    void authNeverSendsNoLoginWhateverIsStored() {
        FakeSmtpServer server = plain();

        assertThat(validate(settings(server, "security", "none", "auth", "never", "password", "wrong")))
                .isEqualTo(ValidationResult.ok());
        assertThat(server.commands()).containsExactly("EHLO", "QUIT");
    }

    @Test
    void ifAvailableStillFailsAWrongPassword() {
        FakeSmtpServer server = plain();

        assertThat(validate(settings(server, "security", "none", "auth", "if_available", "password", "wrong")))
                .isEqualTo(ValidationResult.error("Invalid credentials"));
    }

    @Test
    void aUsernameWithoutPasswordIsIncomplete() {
        FakeSmtpServer server = plain();

        assertThat(validate(settings(server, "security", "none", "password", "")))
                .isEqualTo(ValidationResult.error("Incomplete SMTP settings"));
    }

    @Test
    void aHungRelayRunsIntoTheDeadline() {
        FakeSmtpServer server = plain().hang(true);

        assertThat(build(Duration.ofMillis(800)).validateCredentials("smtp", settings(server, "security", "none")))
                .isEqualTo(ValidationResult.error("The service did not respond in time"));
    }

    @Test
    void theTimeoutSettingEndsAHungSessionBeforeTheDeadline() {
        FakeSmtpServer server = plain().hang(true);

        assertThat(validate(settings(server, "security", "none", "timeout", "1")))
                .isEqualTo(ValidationResult.error("Could not reach the SMTP server"));
    }

    @Test
    void aClosedPortIsCouldNotReach() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> attrs = new HashMap<>(Map.of("host", "127.0.0.1", "port", port, "security", "none"));

        assertThat(validate(attrs)).isEqualTo(ValidationResult.error("Could not reach the SMTP server"));
    }

    @Test
    void aPortGivenAsTextWorksAsPhoenixKitsFormsSendIt() {
        FakeSmtpServer server = plain();
        Map<String, Object> attrs = settings(server, "security", "none");
        attrs.put("port", String.valueOf(server.port()));

        assertThat(validate(attrs)).isEqualTo(ValidationResult.ok());
    }

    @Test
    void noMessageCarriesThePassword() {
        FakeSmtpServer server = plain().rejectAuth(true);

        assertThat(validate(settings(server, "security", "none")).message()).doesNotContain(PASSWORD);
    }
}
