package dev.phoenixkit.integrations.internal.db;

import dev.phoenixkit.integrations.StorageLayout;
import org.jdbi.v3.core.Jdbi;

/**
 * Decides the storage layout of a schema (docs/decisions/storage-layouts.md): PhoenixKit's version marker when it is
 * a number (at or above 114: uuid keys; below: composite keys), otherwise the rows (uuid-keyed integration rows and
 * no composite ones: uuid keys), otherwise composite keys (what this library's own chain creates).
 *
 * <p>Thread-safe (stateless).
 */
public final class LayoutDetector {
    /** The first PhoenixKit version whose rows are keyed by uuid. */
    public static final int UUID_KEY_VERSION = 114;

    private LayoutDetector() {}

    /**
     * The layout and why.
     *
     * @param layout the layout
     * @param reason what decided it, for the log line
     */
    public record Detected(StorageLayout layout, String reason) {}

    /**
     * @param jdbi   a {@code Jdbi} with the {@code schema} attribute defined
     * @param schema the unquoted schema name
     * @return the detected layout
     */
    static Detected detect(Jdbi jdbi, String schema) {
        String quoted = Database.quote(schema);
        return jdbi.withExtension(LayoutDao.class, dao -> {
            if (dao.exists(quoted + ".phoenix_kit")) {
                String marker = dao.marker(quoted + ".phoenix_kit").orElse(null);
                Integer version = parse(marker);
                if (version != null) {
                    return version >= UUID_KEY_VERSION
                            ? new Detected(StorageLayout.UUID_KEY, "PhoenixKit version marker " + version + " >= 114")
                            : new Detected(
                                    StorageLayout.COMPOSITE_KEY, "PhoenixKit version marker " + version + " < 114");
                }
            }
            if (!dao.exists(quoted + ".phoenix_kit_settings")) {
                return new Detected(StorageLayout.COMPOSITE_KEY, "no phoenix_kit_settings table yet (default)");
            }
            if (dao.hasUuidKeyedRows() && !dao.hasCompositeKeyedRows()) {
                return new Detected(
                        StorageLayout.UUID_KEY,
                        "no numeric version marker; the integration rows are " + "keyed by uuid");
            }
            return new Detected(
                    StorageLayout.COMPOSITE_KEY,
                    "no numeric version marker; no uuid-keyed integration " + "rows (default)");
        });
    }

    private static Integer parse(String marker) {
        if (marker == null || !marker.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(marker.strip());
    }
}
