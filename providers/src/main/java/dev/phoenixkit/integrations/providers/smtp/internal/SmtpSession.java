package dev.phoenixkit.integrations.providers.smtp.internal;

import dev.phoenixkit.integrations.provider.CheckContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One bounded SMTP dialogue on a socket: greeting, {@code EHLO} (or {@code HELO}), {@code STARTTLS} or TLS from
 * the first byte, {@code AUTH PLAIN} or {@code AUTH LOGIN}, {@code QUIT}. Every connect and read is bounded by the
 * smaller of the {@code timeout} setting and what is left of the check deadline. Nothing it reads or sends is
 * logged. Used on one thread; closed by {@link #close()}.
 */
final class SmtpSession implements AutoCloseable {
    private static final int MAX_LINE = 4096;
    private static final int MAX_LINES = 200;

    private final SmtpSettings settings;
    private final CheckContext context;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean secure;

    SmtpSession(SmtpSettings settings, CheckContext context) {
        this.settings = settings;
        this.context = context;
    }

    /** Connects, TLS first when the mode is {@code SSL}. */
    void connect() throws IOException, SmtpFailure {
        Socket plain = new Socket();
        socket = plain;
        plain.connect(new InetSocketAddress(settings.host(), settings.port()), timeoutMillis());
        if (settings.mode() == SmtpSettings.Mode.SSL) {
            upgrade();
        } else {
            streams();
        }
    }

    /** @return the reply to the greeting */
    Reply greeting() throws IOException {
        return read();
    }

    /**
     * {@code EHLO}, and {@code HELO} when the relay does not know {@code EHLO}.
     *
     * @return the extensions offered (upper-case lines after the first), empty after {@code HELO}
     */
    List<String> hello() throws IOException, SmtpFailure {
        String name = "[" + socket.getLocalAddress().getHostAddress() + "]";
        Reply ehlo = command("EHLO " + name);
        if (ehlo.code() == 250) {
            List<String> extensions = new ArrayList<>();
            for (String line : ehlo.lines().subList(1, ehlo.lines().size())) {
                extensions.add(line.toUpperCase(Locale.ROOT));
            }
            return extensions;
        }
        Reply helo = command("HELO " + name);
        if (helo.code() != 250) {
            throw new SmtpFailure(SmtpFailure.Kind.REJECTED, "HELO answered " + helo.code());
        }
        return List.of();
    }

    /** Sends {@code STARTTLS} and upgrades; any failure is a TLS failure (never a plaintext fallback). */
    void startTls() throws IOException, SmtpFailure {
        Reply reply = command("STARTTLS");
        if (reply.code() != 220) {
            throw new SmtpFailure(SmtpFailure.Kind.TLS, "STARTTLS answered " + reply.code());
        }
        upgrade();
    }

    /** @return whether the session is encrypted */
    boolean secure() {
        return secure;
    }

    /**
     * Sends a command and reads its reply.
     *
     * @param line the command, without CRLF (may carry credentials: never logged)
     * @return the reply
     */
    Reply command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    /** @return the base64 of UTF-8 text, as AUTH sends it */
    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void upgrade() throws IOException, SmtpFailure {
        SSLContext tls;
        try {
            tls = settings.tlsContext();
        } catch (GeneralSecurityException e) {
            throw new SmtpFailure(
                    SmtpFailure.Kind.TLS, "TLS set-up: " + e.getClass().getSimpleName());
        }
        SSLSocket layered =
                (SSLSocket) tls.getSocketFactory().createSocket(socket, settings.host(), settings.port(), true);
        if (settings.verify()) {
            SSLParameters parameters = layered.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            layered.setSSLParameters(parameters);
        }
        socket = layered;
        try {
            layered.setSoTimeout(timeoutMillis());
            layered.startHandshake();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new SmtpFailure(
                    SmtpFailure.Kind.TLS, "handshake: " + e.getClass().getSimpleName());
        }
        secure = true;
        streams();
    }

    private void streams() throws IOException {
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Reads one (possibly multi-line) reply, each read bounded by what is left. */
    private Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (lines.size() < MAX_LINES) {
            socket.setSoTimeout(timeoutMillis());
            String line = readLine();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0))) {
                throw new IOException("malformed SMTP reply");
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
        throw new IOException("SMTP reply too long");
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() < MAX_LINE) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the SMTP server");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("SMTP line too long");
    }

    /** The smaller of the {@code timeout} setting and what is left of the deadline, at least 1 ms. */
    private int timeoutMillis() throws SocketTimeoutException {
        Duration left = context.remaining();
        if (settings.timeout().isPresent()) {
            Duration setting = Duration.ofSeconds(settings.timeout().get());
            left = setting.compareTo(left) < 0 ? setting : left;
        }
        if (left.isZero()) {
            throw new SocketTimeoutException("no time left");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left.toMillis()));
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * A reply: its code and the text of each line (without the code).
     *
     * @param code  the three-digit code
     * @param lines the text after {@code NNN-} / {@code NNN } of each line
     */
    record Reply(int code, List<String> lines) {}
}
