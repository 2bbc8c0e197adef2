package dev.phoenixkit.admin;

import dev.phoenixkit.admin.internal.AdminConfig;
import dev.phoenixkit.admin.internal.AdminServlet;
import dev.phoenixkit.admin.internal.PickerRenderer;
import dev.phoenixkit.integrations.Integrations;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin console for one {@link Integrations}: list, add, edit, test, rename, disconnect and remove connections,
 * connect OAuth2 accounts, read each connection's audit trail, and a connection picker for the host's own forms.
 *
 * <pre>{@code
 * IntegrationsAdmin admin = IntegrationsAdmin.builder()
 *         .integrations(integrations)
 *         .access(request -> currentOperator(request))   // Optional<UUID>; empty refuses
 *         .basePath("/admin/integrations")
 *         .build();
 * // mount admin.servlet() at "/admin/integrations/*" (Jetty, Tomcat, Undertow, Spring Boot), or:
 * AdminServer server = AdminServer.start(admin, 8080);    // 127.0.0.1 only
 * }</pre>
 *
 * <p>Pages are server-rendered (every value escaped), work without JavaScript, and carry a CSRF token on every form,
 * a {@code Content-Security-Policy} without inline script, {@code frame-ancestors 'none'} and
 * {@code Referrer-Policy: no-referrer}. No secret is ever written to a page, a URL or a log line. Immutable and
 * thread-safe; the servlet is created once and may be mounted once.
 */
public final class IntegrationsAdmin {
    /** The default mount path. */
    public static final String DEFAULT_BASE_PATH = "/admin/integrations";

    private final AdminConfig config;
    private final AdminServlet servlet;
    private final PickerRenderer picker;

    private IntegrationsAdmin(AdminConfig config) {
        this.config = config;
        this.servlet = new AdminServlet(config);
        this.picker = new PickerRenderer(config);
    }

    /** @return a builder; {@link Builder#integrations(Integrations)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the console's servlet, to be mounted at {@link #basePath()} {@code + "/*"} (it also answers the bare
     *         base path); the same instance on every call
     */
    public HttpServlet servlet() {
        return servlet;
    }

    /** @return the path under the servlet context where the console is mounted, without a trailing slash */
    public String basePath() {
        return config.basePath();
    }

    /**
     * Renders the connection picker as an HTML fragment for a host's own form (docs/phoenixkit-reference.md#7): one
     * radio card per connection of the provider, a "None" choice to deselect, the stored choice checked and nothing
     * ever chosen for the user (also not when only one connection exists), and a "deleted connection" card when the
     * stored uuid no longer names a connection of that provider. Every value is escaped.
     *
     * @param provider  the provider key whose connections are offered
     * @param fieldName the form field the chosen uuid is posted as
     * @param selected  the stored choice, if any
     * @return the fragment (a {@code <fieldset>}); needs the console's stylesheet for its looks only
     */
    public String picker(String provider, String fieldName, Optional<UUID> selected) {
        return picker.render(
                Objects.requireNonNull(provider, "provider"),
                Objects.requireNonNull(fieldName, "fieldName"),
                Objects.requireNonNull(selected, "selected"));
    }

    @Override
    public String toString() {
        return "IntegrationsAdmin[" + config.basePath() + "]";
    }

    /** Builds an {@link IntegrationsAdmin}. Not thread-safe. */
    public static final class Builder {
        private Integrations integrations;
        private AdminAccess access = AdminAccess.denyAll();
        private String basePath = DEFAULT_BASE_PATH;
        private Clock clock = Clock.systemUTC();
        private URI publicBaseUri;

        private Builder() {}

        /**
         * @param integrations the connections to manage (required)
         * @return this builder
         */
        public Builder integrations(Integrations integrations) {
            this.integrations = Objects.requireNonNull(integrations, "integrations");
            return this;
        }

        /**
         * @param access the host's access policy; without one every request is refused
         * @return this builder
         */
        public Builder access(AdminAccess access) {
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * @param basePath where the servlet is mounted under the servlet context, for example
         *                 {@code "/admin/integrations"} (default); {@code "/"} or {@code ""} for the context root
         * @return this builder
         * @throws IllegalArgumentException if it does not start with {@code /}, or holds {@code ?}, {@code #},
         *                                  {@code *}, {@code ..}, a backslash or whitespace
         */
        public Builder basePath(String basePath) {
            this.basePath = AdminConfig.normalizeBasePath(Objects.requireNonNull(basePath, "basePath"));
            return this;
        }

        /**
         * @param clock the clock for "connected 3 minutes ago" (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The origin browsers use to reach the console, when it differs from what the container sees (a TLS-ending
         * reverse proxy): the OAuth redirect URI shown and sent to providers is built from it. Default: the
         * request's own scheme, host and port.
         *
         * @param publicBaseUri for example {@code https://example.com} (scheme and authority only)
         * @return this builder
         * @throws IllegalArgumentException if it is not an absolute http(s) URI without path, query or fragment
         */
        public Builder publicBaseUri(URI publicBaseUri) {
            this.publicBaseUri = AdminConfig.checkPublicBaseUri(Objects.requireNonNull(publicBaseUri, "publicBaseUri"));
            return this;
        }

        /**
         * @return the console
         * @throws IllegalStateException if no {@link #integrations(Integrations)} was given
         */
        public IntegrationsAdmin build() {
            if (integrations == null) {
                throw new IllegalStateException("integrations(...) is required");
            }
            return new IntegrationsAdmin(
                    new AdminConfig(integrations, access, basePath, clock, Optional.ofNullable(publicBaseUri)));
        }
    }
}
