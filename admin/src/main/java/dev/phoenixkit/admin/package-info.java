/**
 * The operator admin console: PhoenixKit's integrations pages as one Jakarta Servlet 6 servlet.
 *
 * <p>Build it with {@link dev.phoenixkit.admin.IntegrationsAdmin#builder()}, mount
 * {@link dev.phoenixkit.admin.IntegrationsAdmin#servlet()} under {@code basePath + "/*"} in any servlet container, or
 * run it without one through {@link dev.phoenixkit.admin.AdminServer}. Who may use it is the host's decision, made by
 * an {@link dev.phoenixkit.admin.AdminAccess}; without one every request is refused.
 */
package dev.phoenixkit.admin;
