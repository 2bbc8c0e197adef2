package dev.phoenixkit.integrations;

import dev.phoenixkit.integrations.internal.naming.Names;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who a connection belongs to: the system (website-wide connections, PhoenixKit's {@code :system}) or a typed owner
 * such as a user ({@code Owner.of("user", uuid)}), stored as the plaintext {@code owner_type} and
 * {@code owner_uuid} fields of the row. The owner is set when a connection is added and never changes.
 *
 * <p>Immutable and thread-safe; equal owners are {@link #equals equal}.
 */
public final class Owner {
    /** The system owner: rows without {@code owner_uuid}. */
    public static final Owner SYSTEM = new Owner(null, null);
    /** The owner type PhoenixKit assumes for a row with an {@code owner_uuid} but no {@code owner_type}. */
    public static final String DEFAULT_TYPE = "user";
    /** Allowed owner types: what an Elixir atom written by PhoenixKit looks like ({@code user}, {@code team}). */
    public static final Pattern TYPE_PATTERN = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    private final String type;
    private final UUID uuid;

    private Owner(String type, UUID uuid) {
        this.type = type;
        this.uuid = uuid;
    }

    /**
     * A typed owner.
     *
     * @param type the owner's kind, for example {@code "user"}, {@code "team"} or {@code "dashboard"}
     *             ({@link #TYPE_PATTERN}; not {@code "system"} or {@code "any"}, PhoenixKit's reserved scopes)
     * @param uuid the owning entity's uuid
     * @return the owner
     * @throws IntegrationException {@code INVALID} for a malformed type
     */
    public static Owner of(String type, UUID uuid) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uuid, "uuid");
        if (!TYPE_PATTERN.matcher(type).matches() || "system".equals(type) || "any".equals(type)) {
            throw new IntegrationException(
                    IntegrationError.INVALID,
                    "Owner type '" + type + "' is invalid: it must match " + TYPE_PATTERN
                            + " and not be 'system' or 'any'");
        }
        return new Owner(type, uuid);
    }

    /**
     * {@code Owner.of("user", uuid)}.
     *
     * @param uuid the user's uuid
     * @return the owner
     */
    public static Owner user(UUID uuid) {
        return of(DEFAULT_TYPE, uuid);
    }

    /**
     * Reads a row's owner the way PhoenixKit does: no {@code owner_uuid} is the system; an {@code owner_uuid} with no
     * {@code owner_type} is a user. Unlike PhoenixKit, a malformed {@code owner_uuid} or {@code owner_type} is no
     * owner at all (empty), so such a row matches no scope (docs/decisions/owner-scopes.md).
     *
     * @param ownerType the stored {@code owner_type}, or {@code null}
     * @param ownerUuid the stored {@code owner_uuid}, or {@code null}
     * @return the owner, or empty if the stored values are malformed
     */
    public static Optional<Owner> fromStored(Object ownerType, Object ownerUuid) {
        if (ownerUuid == null) {
            return Optional.of(SYSTEM);
        }
        if (!(ownerUuid instanceof String text) || !Names.isUuid(text)) {
            return Optional.empty();
        }
        String type = ownerType == null ? DEFAULT_TYPE : ownerType instanceof String t && !t.isEmpty() ? t : null;
        if (type == null || !TYPE_PATTERN.matcher(type).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Owner(type, UUID.fromString(text)));
    }

    /** @return whether this is {@link #SYSTEM} */
    public boolean isSystem() {
        return uuid == null;
    }

    /** @return the owner type ({@code owner_type}), empty for the system */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** @return the owning entity's uuid ({@code owner_uuid}), empty for the system */
    public Optional<UUID> uuid() {
        return Optional.ofNullable(uuid);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Owner that && Objects.equals(type, that.type) && Objects.equals(uuid, that.uuid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, uuid);
    }

    /** @return {@code "system"} or {@code "<type>:<uuid>"} */
    @Override
    public String toString() {
        return isSystem() ? "system" : type + ":" + uuid;
    }
}
