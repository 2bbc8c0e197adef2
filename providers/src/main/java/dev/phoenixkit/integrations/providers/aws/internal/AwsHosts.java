package dev.phoenixkit.integrations.providers.aws.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the AWS strategies send their calls (PhoenixKit's {@code validators.ex}): the region rule, the China
 * partition's {@code .amazonaws.com.cn}, and the explicit object-storage host. Pure functions.
 */
public final class AwsHosts {
    /** PhoenixKit's region rule: 2-4 letters, one or more words, a small number ({@code eusc-de-east-1}). */
    private static final Pattern REGION = Pattern.compile("^[a-z]{2,4}(-[a-z]+)+-\\d{1,2}$");

    private static final Pattern SCHEME = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);

    /** The region object storage signs for when none is given. */
    public static final String DEFAULT_STORAGE_REGION = "us-east-1";

    private AwsHosts() {}

    /**
     * @param region a trimmed region
     * @return whether it is shaped like an AWS region (so it cannot steer a call to a non-AWS host)
     */
    public static boolean validRegion(String region) {
        return region != null && REGION.matcher(region).matches();
    }

    /**
     * @param region a valid region
     * @return {@code https://bedrock.<region>.amazonaws.com}, {@code .amazonaws.com.cn} for {@code cn-*}
     */
    public static String bedrockBase(String region) {
        return "https://bedrock." + region + suffix(region);
    }

    /**
     * @param region a valid region
     * @return {@code email.<region>.amazonaws.com}, {@code .amazonaws.com.cn} for {@code cn-*}
     */
    public static String sesHost(String region) {
        return "email." + region + suffix(region);
    }

    /**
     * @param region a valid region
     * @return {@code s3.<region>.amazonaws.com}, {@code .amazonaws.com.cn} for {@code cn-*}
     */
    public static String s3Host(String region) {
        return "s3." + region + suffix(region);
    }

    /**
     * An operator's endpoint as the host to call: trimmed, without {@code http://}/{@code https://} (any case) and
     * without trailing {@code /}, as PhoenixKit's {@code object_storage_endpoint/1} does.
     *
     * @param endpoint the endpoint field (may be null or blank)
     * @return the bare host (with an optional port), empty when the field is blank
     */
    public static Optional<String> endpointHost(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        String host = SCHEME.matcher(endpoint.trim()).replaceFirst("");
        int end = host.length();
        while (end > 0 && host.charAt(end - 1) == '/') {
            end--;
        }
        return Optional.of(host.substring(0, end));
    }

    /**
     * @param host a host with an optional port, for example {@code abc.r2.cloudflarestorage.com} or
     *             {@code minio.internal:9000}
     * @return whether it is only that (no path, query, user info or spaces), so {@code https://<host>/} is the URL
     */
    public static boolean plainHost(String host) {
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@' || c == '?' || c == '#')) {
            return false;
        }
        try {
            URI uri = new URI("https://" + host + "/");
            return uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String suffix(String region) {
        return region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com";
    }
}
