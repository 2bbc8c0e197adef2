package dev.phoenixkit.spring.internal;

import dev.phoenixkit.admin.AdminAccess;
import dev.phoenixkit.spring.PhoenixKitAdminActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The console's access with Spring Security: the request's authentication (not anonymous) must hold the required
 * authority; the actor comes from {@link PhoenixKitAdminActor}. Everything else is refused.
 */
public final class SpringSecurityAdminAccess implements AdminAccess {
    private final String requiredAuthority;
    private final PhoenixKitAdminActor actor;

    /**
     * @param requiredAuthority the authority a user needs, for example {@code ROLE_ADMIN}
     * @param actor             the principal-to-uuid mapping
     */
    public SpringSecurityAdminAccess(String requiredAuthority, PhoenixKitAdminActor actor) {
        this.requiredAuthority = Objects.requireNonNull(requiredAuthority, "requiredAuthority");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    @Override
    public Optional<UUID> actor(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        boolean allowed = authentication.getAuthorities().stream()
                .anyMatch(granted -> requiredAuthority.equals(granted.getAuthority()));
        return allowed ? actor.actorOf(authentication) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SpringSecurityAdminAccess[" + requiredAuthority + "]";
    }
}
