package dev.phoenixkit.admin.internal;

import dev.phoenixkit.admin.AdminAccess;
import dev.phoenixkit.integrations.Integrations;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the console was built with.
 *
 * @param integrations  the connections
 * @param access        the host's access policy
 * @param basePath      the mount path, {@code ""} or {@code /segment...} without a trailing slash
 * @param clock         for relative times
 * @param publicBaseUri the browser-facing origin, when it differs from the request's
 */
public record AdminConfig(
        Integrations integrations, AdminAccess access, String basePath, Clock clock, Optional<URI> publicBaseUri) {
    public AdminConfig {
        Objects.requireNonNull(integrations, "integrations");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(publicBaseUri, "publicBaseUri");
    }

    /**
     * @param basePath as given to the builder
     * @return {@code ""} for the root, else the path without a trailing slash
     */
    public static String normalizeBasePath(String basePath) {
        String path = basePath;
        if (path.isEmpty() || path.equals("/")) {
            return "";
        }
        if (!path.startsWith("/")
                || path.contains("..")
                || path.contains("//")
                || path.chars()
                        .anyMatch(c -> c == '?'
                                || c == '#'
                                || c == '*'
                                || c == '\\'
                                || c == '%'
                                || Character.isWhitespace(c)
                                || Character.isISOControl(c))) {
            throw new IllegalArgumentException(
                    "basePath must be a plain path starting with '/', such as" + " /admin/integrations");
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /**
     * @param uri as given to the builder
     * @return the uri, checked
     */
    public static URI checkPublicBaseUri(URI uri) {
        boolean plain = uri.isAbsolute()
                && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null
                && (uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (!plain) {
            throw new IllegalArgumentException("publicBaseUri must be an http(s) origin such as https://example.com");
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }
}
