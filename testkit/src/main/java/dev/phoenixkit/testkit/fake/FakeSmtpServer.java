package dev.phoenixkit.testkit.fake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP server on loopback for tests of the {@code smtp} provider: greeting, {@code EHLO}/{@code HELO},
 * {@code STARTTLS} (or TLS from the first byte, port-465 style), {@code AUTH PLAIN} and {@code AUTH LOGIN} against
 * registered users (advertised as {@link #authMechanisms(String)} says), {@code NOOP}, {@code RSET}, {@code QUIT}. It does not accept mail.
 *
 * <p>Switches: {@link #offerAuth(boolean)} (a relay without {@code AUTH}), {@link #rejectAuth(boolean)} (every
 * login answered {@code 535}) and {@link #hang(boolean)} (connections accepted, never greeted). {@link #commands()}
 * lists the verbs received (never the credentials). Thread-safe; one thread per session.
 */
public final class FakeSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final SSLContext tls;
    private final boolean implicitTls;
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> sessions = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean offerAuth = true;
    private volatile boolean rejectAuth;
    private volatile boolean hang;
    private volatile String mechanisms = "PLAIN LOGIN";

    private FakeSmtpServer(SSLContext tls, boolean implicitTls) throws IOException {
        this.tls = tls;
        this.implicitTls = implicitTls;
        this.socket = implicitTls
                ? tls.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a plaintext server that offers no {@code STARTTLS} */
    public static FakeSmtpServer start() {
        return create(null, false);
    }

    /**
     * @param tls the server's TLS context, for example {@link SelfSignedCertificate#serverContext()}
     * @return a plaintext server that offers {@code STARTTLS}
     */
    public static FakeSmtpServer startWithStartTls(SSLContext tls) {
        return create(Objects.requireNonNull(tls, "tls"), false);
    }

    /**
     * @param tls the server's TLS context
     * @return a server that speaks TLS from the first byte (SMTPS, as on port 465)
     */
    public static FakeSmtpServer startWithImplicitTls(SSLContext tls) {
        return create(Objects.requireNonNull(tls, "tls"), true);
    }

    private static FakeSmtpServer create(SSLContext tls, boolean implicitTls) {
        try {
            return new FakeSmtpServer(tls, implicitTls);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake SMTP server", e);
        }
    }

    /** @return the port on {@code 127.0.0.1} */
    public int port() {
        return socket.getLocalPort();
    }

    /**
     * @param username a login
     * @param password its password
     * @return this server
     */
    public FakeSmtpServer addUser(String username, String password) {
        users.put(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
        return this;
    }

    /**
     * @param on whether {@code EHLO} advertises {@code AUTH PLAIN LOGIN}; default {@code true}
     * @return this server
     */
    public FakeSmtpServer offerAuth(boolean on) {
        this.offerAuth = on;
        return this;
    }

    /**
     * @param offered the mechanisms {@code EHLO} advertises after {@code AUTH}, for example {@code "LOGIN"} or
     *                {@code "CRAM-MD5"}; default {@code "PLAIN LOGIN"}. Only {@code PLAIN} and {@code LOGIN} are
     *                served, and only when advertised.
     * @return this server
     */
    public FakeSmtpServer authMechanisms(String offered) {
        this.mechanisms = Objects.requireNonNull(offered, "offered");
        return this;
    }

    /**
     * @param on whether every login is refused with {@code 535}
     * @return this server
     */
    public FakeSmtpServer rejectAuth(boolean on) {
        this.rejectAuth = on;
        return this;
    }

    /**
     * @param on whether new connections are accepted but never greeted
     * @return this server
     */
    public FakeSmtpServer hang(boolean on) {
        this.hang = on;
        return this;
    }

    /** @return the verbs received so far, upper case, in order (for example {@code EHLO}, {@code STARTTLS}) */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket session : sessions) {
            try {
                session.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sessions.add(client);
                Thread session = new Thread(() -> session(client), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client) {
            if (hang) {
                closed.await(60, TimeUnit.SECONDS);
                return;
            }
            Socket current = client;
            boolean secure = implicitTls;
            BufferedReader in = reader(current);
            OutputStream out = current.getOutputStream();
            reply(out, "220 fake.smtp ESMTP ready");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                commands.add(verb.equals("AUTH") ? "AUTH " + line.split(" ")[1].toUpperCase(Locale.ROOT) : verb);
                switch (verb) {
                    case "EHLO" -> {
                        StringBuilder answer = new StringBuilder("250-fake.smtp\r\n");
                        if (tls != null && !secure) {
                            answer.append("250-STARTTLS\r\n");
                        }
                        if (offerAuth) {
                            answer.append("250-AUTH ").append(mechanisms).append("\r\n");
                        }
                        reply(out, answer.append("250 8BITMIME").toString());
                    }
                    case "HELO", "NOOP", "RSET" -> reply(out, "250 OK");
                    case "STARTTLS" -> {
                        if (tls == null || secure) {
                            reply(out, "502 5.5.1 STARTTLS not offered");
                            continue;
                        }
                        reply(out, "220 2.0.0 Ready to start TLS");
                        SSLSocket upgraded = (SSLSocket) tls.getSocketFactory()
                                .createSocket(
                                        current, current.getInetAddress().getHostAddress(), current.getPort(), true);
                        upgraded.setUseClientMode(false);
                        upgraded.startHandshake();
                        sessions.add(upgraded);
                        current = upgraded;
                        secure = true;
                        in = reader(current);
                        out = current.getOutputStream();
                    }
                    case "AUTH" -> auth(line, in, out);
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away or the handshake failed; the session ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void auth(String line, BufferedReader in, OutputStream out) throws IOException {
        String[] parts = line.split(" ");
        if (!offerAuth || parts.length < 2) {
            reply(out, "502 5.5.1 AUTH not offered");
            return;
        }
        String user;
        String password;
        Base64.Decoder base64 = Base64.getDecoder();
        try {
            List<String> offered = List.of(mechanisms.toUpperCase(Locale.ROOT).split(" "));
            if (!offered.contains(parts[1].toUpperCase(Locale.ROOT))) {
                reply(out, "504 5.5.4 Unrecognized authentication type");
                return;
            }
            if (parts[1].equalsIgnoreCase("PLAIN")) {
                String response = parts.length > 2 ? parts[2] : prompt(in, out, "334 ");
                String[] fields = new String(base64.decode(response), StandardCharsets.UTF_8).split("\0", -1);
                if (fields.length != 3) {
                    reply(out, "501 5.5.2 Malformed AUTH PLAIN");
                    return;
                }
                user = fields[1];
                password = fields[2];
            } else if (parts[1].equalsIgnoreCase("LOGIN")) {
                user = new String(base64.decode(prompt(in, out, "334 VXNlcm5hbWU6")), StandardCharsets.UTF_8);
                password = new String(base64.decode(prompt(in, out, "334 UGFzc3dvcmQ6")), StandardCharsets.UTF_8);
            } else {
                reply(out, "504 5.5.4 Unrecognized authentication type");
                return;
            }
        } catch (IllegalArgumentException e) {
            reply(out, "501 5.5.2 Cannot decode response");
            return;
        }
        if (!rejectAuth && password.equals(users.get(user))) {
            reply(out, "235 2.7.0 Authentication successful");
        } else {
            reply(out, "535 5.7.8 Authentication credentials invalid");
        }
    }

    private static String prompt(BufferedReader in, OutputStream out, String challenge) throws IOException {
        reply(out, challenge);
        String answer = in.readLine();
        if (answer == null) {
            throw new IOException("client closed during AUTH");
        }
        return answer;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
