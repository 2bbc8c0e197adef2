package dev.phoenixkit.integrations.providers.smtp.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * An {@code smtp} connection's settings, parsed as PhoenixKit's {@code SmtpTransport.config/1} parses them: the
 * port (number or digits), {@code security} ({@code auto} default, {@code ssl}, {@code starttls},
 * {@code starttls_optional}, {@code none}), {@code verify_cert} ({@code verify_peer} default, {@code verify_none}),
 * {@code auth} ({@code if_available} default, {@code always}, {@code never}), {@code timeout} (whole seconds) and
 * {@code ca_cert} (a PEM bundle replacing the system trust store). {@code auto} is resolved here: port 465 is
 * implicit TLS, any other port STARTTLS, required when a login is set and opportunistic when not. Immutable;
 * {@link #toString()} omits the login.
 *
 * @param host     the relay
 * @param port     its port
 * @param mode     the resolved transport security
 * @param verify   whether the relay's certificate and host name are verified
 * @param trust    the trust anchors when verifying: empty for the system store
 * @param auth     the operator's {@code auth} setting
 * @param timeout  the {@code timeout} setting in seconds, if any
 * @param username the login (may be blank)
 * @param password the password (may be blank)
 */
public record SmtpSettings(
        String host,
        int port,
        Mode mode,
        boolean verify,
        List<X509Certificate> trust,
        Auth auth,
        Optional<Integer> timeout,
        String username,
        String password) {

    /** Transport security, after {@code auto} is resolved. */
    public enum Mode {
        /** TLS from the first byte (SMTPS). */
        SSL,
        /** STARTTLS, and no session without it. */
        STARTTLS,
        /** STARTTLS when the relay offers it. */
        STARTTLS_OPTIONAL,
        /** Plaintext, even when the relay offers STARTTLS. */
        NONE
    }

    /** The {@code auth} setting. */
    public enum Auth {
        IF_AVAILABLE,
        ALWAYS,
        NEVER
    }

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

    /** Copies the trust list. */
    public SmtpSettings {
        trust = List.copyOf(trust);
    }

    /**
     * Parses the connection data.
     *
     * @param data the connection's fields
     * @return the settings, or the message PhoenixKit gives the first bad setting
     */
    public static Parsed parse(Map<String, Object> data) {
        Object rawPort = data.get("port");
        Integer port = port(rawPort);
        if (port == null) {
            return Parsed.error("Invalid port: " + inspect(rawPort));
        }
        String security =
                select(data.get("security"), "auto", List.of("auto", "ssl", "starttls", "starttls_optional", "none"));
        if (security == null) {
            return Parsed.error("Invalid security: " + inspect(data.get("security")));
        }
        String verifyCert = select(data.get("verify_cert"), "verify_peer", List.of("verify_peer", "verify_none"));
        if (verifyCert == null) {
            return Parsed.error("Invalid verify_cert: " + inspect(data.get("verify_cert")));
        }
        String auth = select(data.get("auth"), "if_available", List.of("if_available", "always", "never"));
        if (auth == null) {
            return Parsed.error("Invalid auth: " + inspect(data.get("auth")));
        }
        Object rawTimeout = data.get("timeout");
        Optional<Integer> timeout;
        if (blank(rawTimeout)) {
            timeout = Optional.empty();
        } else {
            Integer seconds = positive(rawTimeout);
            if (seconds == null) {
                return Parsed.error("Invalid timeout: " + inspect(rawTimeout));
            }
            timeout = Optional.of(seconds);
        }
        String username = text(data.get("username"));
        String password = text(data.get("password"));
        boolean credentials = !username.isBlank() || !password.isBlank();
        Mode mode = switch (security) {
            case "ssl" -> Mode.SSL;
            case "starttls" -> Mode.STARTTLS;
            case "starttls_optional" -> Mode.STARTTLS_OPTIONAL;
            case "none" -> Mode.NONE;
            default -> port == 465 ? Mode.SSL : credentials ? Mode.STARTTLS : Mode.STARTTLS_OPTIONAL;
        };
        boolean verify = !verifyCert.equals("verify_none");
        List<X509Certificate> trust = List.of();
        if (mode != Mode.NONE && verify && !blank(data.get("ca_cert"))) {
            Optional<List<X509Certificate>> certificates = certificates(text(data.get("ca_cert")));
            if (certificates.isEmpty()) {
                return Parsed.error("The CA certificate is not a valid PEM bundle (expected a -----BEGIN"
                        + " CERTIFICATE----- block)");
            }
            trust = certificates.get();
        }
        String host = text(data.get("host")).trim();
        if (host.isEmpty()) {
            return Parsed.error("Incomplete SMTP settings");
        }
        Auth authSetting = switch (auth) {
            case "always" -> Auth.ALWAYS;
            case "never" -> Auth.NEVER;
            default -> Auth.IF_AVAILABLE;
        };
        return new Parsed(
                Optional.of(
                        new SmtpSettings(host, port, mode, verify, trust, authSetting, timeout, username, password)),
                Optional.empty());
    }

    /**
     * PhoenixKit's probe rule: {@code never} stays never, and so does a connection with no login at all; anything
     * else authenticates always, so a wrong password fails the check instead of being tolerated.
     *
     * @return whether the check must authenticate (when the relay offers {@code AUTH})
     */
    public boolean mustAuthenticate() {
        return auth != Auth.NEVER && !(username.isBlank() && password.isBlank());
    }

    /**
     * @return a TLS context for this relay: the system store or {@link #trust()} when verifying, a trust-all
     *         manager when {@code verify_none}
     * @throws GeneralSecurityException when the JDK's TLS cannot be set up
     */
    public SSLContext tlsContext() throws GeneralSecurityException {
        TrustManager[] managers;
        if (!verify) {
            managers = new TrustManager[] {new TrustAll()};
        } else {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trust.isEmpty()) {
                factory.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                try {
                    store.load(null, null);
                } catch (java.io.IOException e) {
                    throw new GeneralSecurityException("cannot create an empty key store", e);
                }
                for (int i = 0; i < trust.size(); i++) {
                    store.setCertificateEntry("ca-" + i, trust.get(i));
                }
                factory.init(store);
            }
            managers = factory.getTrustManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers, null);
        return context;
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + mode + (verify ? "" : ", verify_none") + ", " + auth + "]";
    }

    /**
     * @param text a PEM bundle
     * @return its certificates, empty when it holds none or a block does not decode
     */
    static Optional<List<X509Certificate>> certificates(String text) {
        Matcher blocks = PEM_BLOCK.matcher(text);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (blocks.find()) {
                byte[] der = Base64.getMimeDecoder().decode(blocks.group(1).trim());
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
        return certificates.isEmpty() ? Optional.empty() : Optional.of(certificates);
    }

    private static Integer port(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long port = ((Number) value).longValue();
            return port >= 1 && port <= 65535 ? (int) port : null;
        }
        if (value instanceof String text && text.trim().matches("\\d{1,5}")) {
            int port = Integer.parseInt(text.trim());
            return port >= 1 && port <= 65535 ? port : null;
        }
        return null;
    }

    private static Integer positive(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long seconds = ((Number) value).longValue();
            return seconds > 0 && seconds <= Integer.MAX_VALUE ? (int) seconds : null;
        }
        if (value instanceof String text && text.trim().matches("\\d{1,9}")) {
            int seconds = Integer.parseInt(text.trim());
            return seconds > 0 ? seconds : null;
        }
        return null;
    }

    /** A select's value: blank (or absent) is the default, anything not allowed is invalid (null). */
    private static String select(Object value, String defaultValue, List<String> allowed) {
        if (blank(value)) {
            return defaultValue;
        }
        return value instanceof String text && allowed.contains(text) ? text : null;
    }

    private static boolean blank(Object value) {
        return value == null || (value instanceof String text && text.isEmpty());
    }

    private static String text(Object value) {
        return value instanceof String text ? text : "";
    }

    /** Elixir's {@code inspect/1} for what a setting can hold: strings quoted, null as {@code nil}. */
    static String inspect(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(value);
    }

    /** The outcome of {@link #parse(Map)}: settings or the message for the first bad setting. */
    public record Parsed(Optional<SmtpSettings> settings, Optional<String> error) {
        static Parsed error(String message) {
            return new Parsed(Optional.empty(), Optional.of(message));
        }
    }

    /** {@code verify_cert: verify_none}: the operator chose to trust whoever answers. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // verify_none, chosen explicitly
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
