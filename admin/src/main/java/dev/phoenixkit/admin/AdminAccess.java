package dev.phoenixkit.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The host's access decision for the admin console: maps a request to the uuid of the operator making it, or
 * refuses it. The uuid is the actor of every change the request makes (it lands in the audit trail).
 *
 * <p>Called once per request, on the request's thread, before anything else is done with it (static assets
 * excepted). It must not throw for a request it refuses; a {@link RuntimeException} it throws is treated as a
 * refusal. Implementations read the host's own session or principal, for example
 * {@code request.getUserPrincipal()} or a Spring Security context.
 */
@FunctionalInterface
public interface AdminAccess {

    /**
     * @param request the incoming request (read only: the policy must not consume the body)
     * @return the operator's uuid, or empty to refuse the request (the console answers 403)
     */
    Optional<UUID> actor(HttpServletRequest request);

    /** @return a policy refusing every request, the console's default */
    static AdminAccess denyAll() {
        return request -> Optional.empty();
    }

    /**
     * A policy letting every request through as one fixed operator. Only for a console that nobody else can reach
     * (the standalone runner on 127.0.0.1 on a developer's machine, a demo); never behind a public listener.
     *
     * @param actor the uuid recorded as the actor of every change
     * @return the policy
     */
    static AdminAccess allowAllAs(UUID actor) {
        Objects.requireNonNull(actor, "actor");
        return request -> Optional.of(actor);
    }
}
