package dev.phoenixkit.integrations.observe;

/** Why entries left the credential cache. */
public enum EvictionCause {
    /** The cache was full. */
    SIZE,
    /** The entry was older than the maximum staleness. */
    EXPIRED,
    /** A write of this instance or (through the cross-node listener) of another one changed the row. */
    INVALIDATED,
    /** The whole cache was cleared because the cross-node listener lost its connection. */
    CLEARED
}
