package dev.phoenixkit.admin;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, over real loopback HTTP: keeps cookies, follows no redirects, remembers the CSRF
 * token of the last page that had a form, and keeps every response it got (for "no secret in any page").
 */
final class HttpSession {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;
    private final List<HttpResponse<String>> seen = new ArrayList<>();
    private String csrf = "";

    HttpSession(URI base) {
        this.base = base;
    }

    /** @return the CSRF token of the last form seen */
    String csrf() {
        return csrf;
    }

    /** @return every response so far */
    List<HttpResponse<String>> seen() {
        return seen;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.putIfAbsent("_csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Follows a {@code Location} header of the console (a relative path) or any absolute one. */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        String location = redirect.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError(
                        "no Location in a " + redirect.statusCode() + " answer: " + redirect.body()));
        return send(
                HttpRequest.newBuilder(redirect.uri().resolve(location)).GET().build());
    }

    private URI resolve(String path) {
        return path.startsWith("http://") ? URI.create(path) : base.resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF_FIELD.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        seen.add(response);
        return response;
    }
}
