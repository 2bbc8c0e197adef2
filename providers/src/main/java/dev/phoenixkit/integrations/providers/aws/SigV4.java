package dev.phoenixkit.integrations.providers.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) for the two calls the AWS providers make: SES's
 * {@code GetSendQuota} (a form POST) and S3's {@code ListBuckets} (a GET of {@code /}). Checked against AWS's
 * published SigV4 test suite ({@code SigV4Test}); why a small signer and not the AWS SDK is in
 * {@code docs/decisions/catalog-sigv4.md}.
 *
 * <p>Scope: header-based signing with long-term keys; paths are taken as already URI-encoded (the callers send
 * {@code /}), query parameters are given decoded and encoded here. No presigned URLs, no chunked payloads, no
 * session tokens. Stateless and thread-safe; no secret ever appears in a returned string except as the HMAC.
 */
public final class SigV4 {
    /** The algorithm name in the {@code Authorization} header. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {}

    /**
     * @param time an instant
     * @return its {@code X-Amz-Date} form, for example {@code 20150830T123600Z}
     */
    public static String amzDate(Instant time) {
        return AMZ_DATE.format(time);
    }

    /**
     * @param payload the request body (empty for a GET)
     * @return its lower-case hex SHA-256, the value of S3's {@code x-amz-content-sha256}
     */
    public static String payloadHash(byte[] payload) {
        return HEX.formatHex(sha256(payload));
    }

    /**
     * The canonical request (task 1 of the signing process).
     *
     * @param method  the HTTP method, for example {@code "GET"}
     * @param path    the URI-encoded absolute path, for example {@code "/"}
     * @param query   the decoded query parameters as name/value pairs, in any order
     * @param headers the headers to sign, names in any case (must include {@code host} and {@code x-amz-date})
     * @param payload the body
     * @return the canonical request text
     */
    public static String canonicalRequest(
            String method,
            String path,
            List<Map.Entry<String, String>> query,
            Map<String, String> headers,
            byte[] payload) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        TreeMap<String, String> canonicalHeaders = canonicalHeaders(headers);
        StringBuilder text = new StringBuilder(method)
                .append('\n')
                .append(path.isEmpty() ? "/" : path)
                .append('\n')
                .append(canonicalQuery(query))
                .append('\n');
        canonicalHeaders.forEach(
                (name, value) -> text.append(name).append(':').append(value).append('\n'));
        return text.append('\n')
                .append(String.join(";", canonicalHeaders.keySet()))
                .append('\n')
                .append(payloadHash(payload))
                .toString();
    }

    /**
     * Signs a request and returns its {@code Authorization} header value.
     *
     * @param method    the HTTP method
     * @param path      the URI-encoded absolute path
     * @param query     the decoded query parameters
     * @param headers   the headers to sign (must include {@code host} and {@code x-amz-date} equal to
     *                  {@link #amzDate(Instant) amzDate(time)})
     * @param payload   the body
     * @param accessKey the access key id
     * @param secretKey the secret access key
     * @param region    the region, for example {@code "us-east-1"}
     * @param service   the signing name, for example {@code "ses"} or {@code "s3"}
     * @param time      the signing time
     * @return {@code AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}
     */
    public static String authorization(
            String method,
            String path,
            List<Map.Entry<String, String>> query,
            Map<String, String> headers,
            byte[] payload,
            String accessKey,
            String secretKey,
            String region,
            String service,
            Instant time) {
        String canonical = canonicalRequest(method, path, query, headers, payload);
        String date = amzDate(time).substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = ALGORITHM + "\n" + amzDate(time) + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, toSign));
        return ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                + String.join(";", canonicalHeaders(headers).keySet()) + ", Signature=" + signature;
    }

    /**
     * AWS's URI encoding: every byte except the unreserved {@code A-Z a-z 0-9 - _ . ~} as {@code %XX} (upper
     * case).
     *
     * @param text the text
     * @return the encoded text
     */
    public static String uriEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static String canonicalQuery(List<Map.Entry<String, String>> query) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> parameter : query) {
            encoded.add(new String[] {uriEncode(parameter.getKey()), uriEncode(parameter.getValue())});
        }
        encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> pairs = new ArrayList<>();
        for (String[] pair : encoded) {
            pairs.add(pair[0] + "=" + pair[1]);
        }
        return String.join("&", pairs);
    }

    private static TreeMap<String, String> canonicalHeaders(Map<String, String> headers) {
        TreeMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(
                name.toLowerCase(Locale.ROOT), SPACES.matcher(value.strip()).replaceAll(" ")));
        return canonical;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
