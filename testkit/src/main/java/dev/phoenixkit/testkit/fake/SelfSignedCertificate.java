package dev.phoenixkit.testkit.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code localhost} / {@code 127.0.0.1}, generated at run time with the JDK's
 * {@code keytool} (EC P-256, valid two days), for TLS tests of {@link FakeSmtpServer}. Immutable.
 */
public final class SelfSignedCertificate {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private final SSLContext serverContext;
    private final String pem;

    private SelfSignedCertificate(SSLContext serverContext, String pem) {
        this.serverContext = serverContext;
        this.pem = pem;
    }

    /**
     * Generates a new key pair and certificate.
     *
     * @return the certificate
     * @throws IllegalStateException when {@code keytool} fails
     */
    public static SelfSignedCertificate generate() {
        return generate("SAN=dns:localhost,ip:127.0.0.1");
    }

    /**
     * Generates a certificate that names only {@code dnsName}, for tests that a client checks the host name.
     *
     * @param dnsName the one DNS name in the certificate, for example {@code "mail.example.com"}
     * @return the certificate
     * @throws IllegalStateException when {@code keytool} fails
     */
    public static SelfSignedCertificate generateFor(String dnsName) {
        if (!dnsName.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a DNS name: " + dnsName);
        }
        return generate("SAN=dns:" + dnsName);
    }

    private static SelfSignedCertificate generate(String subjectAlternativeNames) {
        try {
            Path dir = Files.createTempDirectory("phoenixkit-cert");
            Path store = dir.resolve("server.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "server",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-validity",
                            "2",
                            "-ext",
                            subjectAlternativeNames,
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            store.toString(),
                            "-storepass",
                            new String(STORE_PASSWORD))
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not generate a certificate");
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, STORE_PASSWORD);
            }
            Files.delete(store);
            Files.delete(dir);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            Certificate certificate = keyStore.getCertificate("server");
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return new SelfSignedCertificate(context, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not load the generated certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating a certificate", e);
        }
    }

    /** @return a server-side TLS context presenting this certificate */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** @return the certificate in PEM form (what an {@code smtp} connection's {@code ca_cert} field holds) */
    public String pem() {
        return pem;
    }
}
