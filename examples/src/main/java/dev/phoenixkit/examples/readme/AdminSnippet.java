package dev.phoenixkit.examples.readme;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.phoenixkit.admin.AdminAccess;
import dev.phoenixkit.admin.AdminServer;
import dev.phoenixkit.admin.IntegrationsAdmin;
import dev.phoenixkit.integrations.Integrations;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The README's admin console snippets, compiled (regions {@code admin-mount} and {@code admin-standalone}).
 */
public final class AdminSnippet {
    private AdminSnippet() {
    }

    /**
     * @param integrations the facade
     * @param context      the host's servlet context (Jetty here; Tomcat, Undertow or Spring Boot alike)
     * @return the console
     */
    public static IntegrationsAdmin mount(Integrations integrations, ServletContextHandler context) {
        // region admin-mount
        // from examples/src/main/java/dev/phoenixkit/examples/readme/AdminSnippet.java
        IntegrationsAdmin admin = IntegrationsAdmin.builder()
                .integrations(integrations)
                .access(request -> request.isUserInRole("admin")       // the host decides who gets in ...
                        ? Optional.ofNullable(request.getUserPrincipal())
                                .map(user -> UUID.nameUUIDFromBytes(user.getName().getBytes(UTF_8))) // ... who acts
                        : Optional.empty())                            // refused: 403 (no policy: all refused)
                .basePath("/admin/integrations")                       // the console's pages and OAuth callback
                .build();
        context.addServlet(new ServletHolder(admin.servlet()), admin.basePath() + "/*");
        // endregion
        return admin;
    }

    /**
     * @param integrations the facade
     * @return the running console
     */
    public static AdminServer standalone(Integrations integrations) {
        // region admin-standalone
        // no container of your own: embedded Jetty (add org.eclipse.jetty.ee10:jetty-ee10-servlet), 127.0.0.1 only
        AdminServer server = AdminServer.start(
                IntegrationsAdmin.builder()
                        .integrations(integrations)
                        .access(AdminAccess.allowAllAs(UUID.fromString("0190a3c4-0000-7000-8000-0000000000a1")))
                        .build(),
                8080);
        System.out.println("Admin console: " + server.uri()); // http://127.0.0.1:8080/admin/integrations/
        // endregion
        return server;
    }
}
