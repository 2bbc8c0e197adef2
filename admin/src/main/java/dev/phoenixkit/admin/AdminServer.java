package dev.phoenixkit.admin;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs an {@link IntegrationsAdmin} without a servlet container of the host's, on embedded Jetty 12, bound to
 * {@code 127.0.0.1} unless told otherwise. Needs {@code org.eclipse.jetty.ee10:jetty-ee10-servlet} on the class path
 * (an optional dependency of this module: add it to use the runner).
 *
 * <pre>{@code
 * try (AdminServer server = AdminServer.start(admin, 8080)) {
 *     System.out.println("Admin console: " + server.uri());
 *     server.join();
 * }
 * }</pre>
 */
public final class AdminServer implements AutoCloseable {
    private final Server server;
    private final URI uri;

    private AdminServer(Server server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /**
     * Starts the console on {@code 127.0.0.1}.
     *
     * @param admin the console
     * @param port  the port, or 0 for any free one
     * @return the running server
     * @throws IllegalStateException if it cannot start (for example, the port is taken)
     */
    public static AdminServer start(IntegrationsAdmin admin, int port) {
        return start(admin, new InetSocketAddress("127.0.0.1", port));
    }

    /**
     * Starts the console on the given address. Binding to anything but loopback exposes the console to the network:
     * the {@link AdminAccess} policy is then all that guards it.
     *
     * @param admin   the console
     * @param address the address and port to bind
     * @return the running server
     * @throws IllegalStateException if it cannot start
     */
    public static AdminServer start(IntegrationsAdmin admin, InetSocketAddress address) {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(address, "address");
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(
                new ServletHolder("phoenixkit-admin", admin.servlet()),
                (admin.basePath().isEmpty() ? "" : admin.basePath()) + "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException(
                    "Could not start the admin console on " + address + ": " + e.getMessage(), e);
        }
        String host = address.getAddress() != null && address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : address.getHostString();
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort()
                + admin.basePath() + "/");
        return new AdminServer(server, uri);
    }

    /** @return the console's address, for example {@code http://127.0.0.1:8080/admin/integrations/} */
    public URI uri() {
        return uri;
    }

    /**
     * Blocks until the server stops.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the admin console: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AdminServer[" + uri + "]";
    }
}
