package dev.phoenixkit.integrations;

import java.util.Locale;
import java.util.Optional;

/**
 * The life-cycle state of a connection, stored lowercase in the row's {@code status} field.
 *
 * <p>{@code disconnected} → {@code configured} (credentials saved, not tested) → {@code connected} or
 * {@code error}.
 */
public enum ConnectionStatus {
    /** No usable credentials (new, or after {@code disconnect}). */
    DISCONNECTED,
    /** Credentials saved but not tested yet. */
    CONFIGURED,
    /** Credentials tested successfully, or an OAuth2 code was exchanged. */
    CONNECTED,
    /** The last test or refresh failed. */
    ERROR;

    /** @return the lowercase text PhoenixKit stores, for example {@code "connected"} */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the stored text.
     *
     * @param value the stored text, may be {@code null}
     * @return the status, or empty when the text is {@code null} or not one of the four values
     */
    public static Optional<ConnectionStatus> fromWireValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ConnectionStatus status : values()) {
            if (status.wireValue().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
