package dev.phoenixkit.admin.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CSRF protection without server-side sessions (docs/decisions/admin-console.md): a random token in an
 * {@code HttpOnly}, {@code SameSite=Strict} cookie scoped to the console's path, repeated in a hidden field of every
 * form; a state-changing request must carry both, equal (compared in constant time), and must not be marked
 * cross-site by the browser ({@code Sec-Fetch-Site}) or come from a foreign {@code Origin}. Thread-safe.
 */
public final class Csrf {
    /** The cookie holding the token. */
    public static final String COOKIE = "pk_admin_csrf";
    /** The form field repeating it. */
    public static final String FIELD = "_csrf";

    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /**
     * The request's token, setting a fresh cookie when it has none (or a malformed one).
     *
     * @param request    the request
     * @param response   the response (a cookie may be added)
     * @param cookiePath the console's path (the cookie goes to nothing else)
     * @return the token to put into forms
     */
    public static String ensure(HttpServletRequest request, HttpServletResponse response, String cookiePath) {
        Optional<String> existing = cookie(request);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // set as a header: the Servlet API's Cookie has no SameSite before 6.0's setAttribute, and containers
        // differ in how they render it
        response.addHeader(
                "Set-Cookie",
                COOKIE + "=" + token + "; Path=" + cookiePath + "; HttpOnly; SameSite=Strict"
                        + (request.isSecure() ? "; Secure" : ""));
        return token;
    }

    /**
     * @param request    a state-changing request
     * @param publicBase the browser-facing origin, if configured (then it is the one allowed {@code Origin})
     * @return whether it carries the cookie and the same token in {@link #FIELD}, and is not cross-site
     */
    public static boolean verify(HttpServletRequest request, Optional<java.net.URI> publicBase) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, request, publicBase)) {
            return false;
        }
        Optional<String> cookie = cookie(request);
        String field = request.getParameter(FIELD);
        if (cookie.isEmpty() || field == null) {
            return false;
        }
        return MessageDigest.isEqual(
                cookie.get().getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request, Optional<java.net.URI> publicBase) {
        if (publicBase.isPresent()) {
            return origin.equals(publicBase.get().toString());
        }
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        return origin.equals("http://" + host) || origin.equals("https://" + host);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())
                    && cookie.getValue() != null
                    && TOKEN.matcher(cookie.getValue()).matches()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
