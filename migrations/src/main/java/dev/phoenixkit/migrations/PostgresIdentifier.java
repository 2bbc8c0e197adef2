package dev.phoenixkit.migrations;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The one rule for names this library puts into SQL as quoted identifiers: the schema ({@link Migrator#schema},
 * {@code Integrations.Builder.schema}) and the NOTIFY channel. Both are always double-quoted, so any text PostgreSQL
 * can hold as an identifier works ({@code "my-app"} included): not blank, no NUL character (PostgreSQL cannot store
 * U+0000 in text), at most {@value #MAX_BYTES} bytes in UTF-8 (PostgreSQL's {@code NAMEDATALEN - 1}; longer names
 * would be truncated silently and could name a different schema).
 *
 * <p>Thread-safe (stateless).
 */
public final class PostgresIdentifier {
    /** PostgreSQL's identifier limit in bytes. */
    public static final int MAX_BYTES = 63;

    private PostgresIdentifier() {}

    /**
     * @param what  what the name is, for the message ({@code "schema"}, {@code "notifyChannel"})
     * @param value the unquoted name
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException when it is blank, contains U+0000 or is longer than {@value #MAX_BYTES} bytes
     */
    public static String check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a NUL character");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_BYTES
                    + " bytes in UTF-8 (PostgreSQL's identifier limit), was: " + value);
        }
        return value;
    }

    /**
     * @param value a name
     * @return its longest prefix of at most {@value #MAX_BYTES} UTF-8 bytes that does not split a character
     */
    public static String truncate(String value) {
        int bytes = 0;
        int end = 0;
        while (end < value.length()) {
            int codePoint = value.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return value.substring(0, end);
    }
}
