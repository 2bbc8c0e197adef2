package dev.phoenixkit.spring;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps the authenticated principal of an admin-console request to the uuid recorded as the actor in the audit trail.
 * Define a bean to use the host's own user ids; without one, {@link #byName()} is used.
 */
@FunctionalInterface
public interface PhoenixKitAdminActor {
    /**
     * @param principal the authenticated principal (with Spring Security, its {@code Authentication})
     * @return the actor's uuid, or empty to refuse the request
     */
    Optional<UUID> actorOf(Principal principal);

    /**
     * The default: a name-based (version 3) uuid of {@code "phoenixkit-admin:" + principal.getName()}, the same for
     * the same user name on every node and restart.
     *
     * @return the mapping
     */
    static PhoenixKitAdminActor byName() {
        return principal -> Optional.of(
                UUID.nameUUIDFromBytes(("phoenixkit-admin:" + principal.getName()).getBytes(StandardCharsets.UTF_8)));
    }
}
