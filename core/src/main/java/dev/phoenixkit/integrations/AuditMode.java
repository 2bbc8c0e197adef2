package dev.phoenixkit.integrations;

import java.util.Locale;

/** Whether an audited action was asked for by someone ({@link #MANUAL}) or done by the library itself ({@link #AUTO}). */
public enum AuditMode {
    /** A person or the host application asked for it. */
    MANUAL,
    /** The library did it on its own (token refresh, auto-recovery, legacy migration). */
    AUTO;

    /** @return {@code "manual"} or {@code "auto"}, as stored */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
