package dev.phoenixkit.integrations.providers.smtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.providers.smtp.internal.SmtpSettings.Mode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings rules of PhoenixKit's {@code SmtpTransport.config/1}, and its messages for bad values. */
class SmtpSettingsTest {
    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new HashMap<>();
        data.put("host", "smtp.example.com");
        data.put("port", 587);
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    private static SmtpSettings settings(Object... pairs) {
        SmtpSettings.Parsed parsed = SmtpSettings.parse(data(pairs));
        assertThat(parsed.error()).isEmpty();
        return parsed.settings().orElseThrow();
    }

    private static String error(Object... pairs) {
        return SmtpSettings.parse(data(pairs)).error().orElseThrow();
    }

    @Test
    void autoIsImplicitTlsOn465AndStartTlsElsewhereRequiredOnlyWithALogin() {
        assertThat(settings("port", 465).mode()).isEqualTo(Mode.SSL);
        assertThat(settings("port", "465", "username", "u", "password", "p").mode())
                .isEqualTo(Mode.SSL);
        assertThat(settings("username", "u", "password", "p").mode()).isEqualTo(Mode.STARTTLS);
        assertThat(settings("password", "p").mode()).isEqualTo(Mode.STARTTLS);
        assertThat(settings().mode()).isEqualTo(Mode.STARTTLS_OPTIONAL);
        assertThat(settings("security", "").mode()).isEqualTo(Mode.STARTTLS_OPTIONAL);
    }

    @Test
    void explicitSecurityWinsOverThePort() {
        assertThat(settings("port", 465, "security", "starttls").mode()).isEqualTo(Mode.STARTTLS);
        assertThat(settings("port", 587, "security", "ssl").mode()).isEqualTo(Mode.SSL);
        assertThat(settings("security", "starttls_optional", "username", "u").mode())
                .isEqualTo(Mode.STARTTLS_OPTIONAL);
        assertThat(settings("port", 465, "security", "none").mode()).isEqualTo(Mode.NONE);
    }

    @Test
    void theProbeAuthenticatesUnlessNeverOrNoLogin() {
        assertThat(settings("username", "u", "password", "p").mustAuthenticate())
                .isTrue();
        assertThat(settings("username", "u", "password", "p", "auth", "if_available")
                        .mustAuthenticate())
                .isTrue();
        assertThat(settings("username", "u", "password", "p", "auth", "never").mustAuthenticate())
                .isFalse();
        assertThat(settings("username", " ", "password", "").mustAuthenticate()).isFalse();
    }

    @Test
    void badValuesAreNamedAsPhoenixKitNamesThem() {
        assertThat(error("port", "abc")).isEqualTo("Invalid port: \"abc\"");
        assertThat(error("port", null)).isEqualTo("Invalid port: nil");
        assertThat(error("port", 70000)).isEqualTo("Invalid port: 70000");
        assertThat(error("security", "tls")).isEqualTo("Invalid security: \"tls\"");
        assertThat(error("verify_cert", "yes")).isEqualTo("Invalid verify_cert: \"yes\"");
        assertThat(error("auth", "sometimes")).isEqualTo("Invalid auth: \"sometimes\"");
        assertThat(error("timeout", "30s")).isEqualTo("Invalid timeout: \"30s\"");
        assertThat(error("timeout", 0)).isEqualTo("Invalid timeout: 0");
        assertThat(error("host", " ")).isEqualTo("Incomplete SMTP settings");
    }

    @Test
    void theTimeoutIsWholeSecondsAsNumberOrText() {
        assertThat(settings("timeout", 30).timeout()).contains(30);
        assertThat(settings("timeout", " 45 ").timeout()).contains(45);
        assertThat(settings("timeout", "").timeout()).isEmpty();
    }

    @Test
    void aCaCertMustBeAPemBundleWhenItWouldBeUsed() {
        String message = "The CA certificate is not a valid PEM bundle (expected a -----BEGIN CERTIFICATE----- block)";
        assertThat(error("ca_cert", "not a certificate")).isEqualTo(message);
        assertThat(error("ca_cert", "-----BEGIN CERTIFICATE-----\nbm90IGRlcg==\n-----END CERTIFICATE-----"))
                .isEqualTo(message);
        // not read when there is no TLS, or no verification
        assertThat(settings("ca_cert", "stale", "security", "none").trust()).isEmpty();
        assertThat(settings("ca_cert", "stale", "verify_cert", "verify_none").verify())
                .isFalse();
    }

    @Test
    void toStringOmitsTheLogin() {
        assertThat(settings("username", "someone@example.com", "password", "s3cret")
                        .toString())
                .doesNotContain("someone")
                .doesNotContain("s3cret");
    }
}
