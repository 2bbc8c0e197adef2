package dev.phoenixkit.integrations.internal.protocol;

import dev.phoenixkit.integrations.internal.json.FieldText;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {placeholder}} segments of provider URLs (docs/phoenixkit-reference.md#5-5), with one deliberate change: a blank value in
 * the connection's data counts as missing, so the provider's default applies (docs/behaviour.md#fix-3). Values are
 * percent-encoded as path-segment text, so a stored value cannot add path segments or change the host.
 */
public final class UrlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)\\}");

    private UrlTemplate() {}

    /**
     * @param url      a URL template, for example {@code https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token}
     * @param data     the connection's data
     * @param defaults the provider's URL defaults
     * @return the URL with every placeholder replaced by the data value, else the default, else {@code ""}
     */
    public static String interpolate(String url, Map<String, ?> data, Map<String, String> defaults) {
        if (url.indexOf('{') < 0) {
            return url;
        }
        Matcher matcher = PLACEHOLDER.matcher(url);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = FieldText.of(data, key).orElseGet(() -> {
                String fallback = defaults.get(key);
                return fallback == null || fallback.isBlank() ? "" : fallback;
            });
            matcher.appendReplacement(result, Matcher.quoteReplacement(encodeSegment(value.strip())));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String encodeSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
