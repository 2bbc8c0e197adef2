package dev.phoenixkit.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** The console's static files, read once from the jar. Thread-safe (immutable). */
public final class Assets {
    /**
     * One static file.
     *
     * @param contentType its media type
     * @param bytes       its content
     */
    public record Asset(String contentType, byte[] bytes) {}

    private static final Map<String, Asset> FILES = Map.of(
            "admin.css", load("admin.css", "text/css; charset=utf-8"),
            "admin.js", load("admin.js", "text/javascript; charset=utf-8"));
    private static final String VERSION = version();

    private Assets() {}

    /**
     * @param name a file name such as {@code admin.css}
     * @return the file, if it is one of the console's
     */
    public static Optional<Asset> get(String name) {
        return Optional.ofNullable(FILES.get(name));
    }

    /** @return a short hash of all files, appended to their URLs so that a new release is fetched anew */
    public static String version() {
        if (VERSION != null) {
            return VERSION;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            FILES.keySet().stream().sorted().forEach(name -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(FILES.get(name).bytes());
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream("/dev/phoenixkit/admin/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset " + name);
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
