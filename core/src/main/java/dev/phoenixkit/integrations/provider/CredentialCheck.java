package dev.phoenixkit.integrations.provider;

import dev.phoenixkit.integrations.ValidationResult;

/**
 * A validation strategy: tests one connection's credentials against its provider (PhoenixKit's
 * {@code Validators}). Register one on a provider with {@link ValidationSpec#strategy(String, CredentialCheck)};
 * third-party providers do the same. Implementations must be thread-safe and stateless between calls.
 *
 * <p>The library runs every check on its own worker thread under the instance's check deadline (15 s by default,
 * {@code Integrations.builder().checkDeadline(Duration)}): the caller waits at most that long and then gets
 * "The service did not respond in time" while the worker is interrupted. A check therefore sends its HTTP calls
 * through {@link CheckContext#send} or {@link CheckContext#get} (their timeouts are cut to what is left of the
 * deadline), honours interrupts, and never retries inside the deadline unless its provider's reference behaviour
 * says so (AWS's confirm-retry). Exceptions need no handling: an {@code IntegrationException} with
 * {@code TRANSPORT_FAILED} and any other exception both become "Could not reach the service", as a crashed
 * PhoenixKit probe does. See {@code docs/decisions/catalog-validation.md}.
 *
 * <p>The result is stored as PhoenixKit stores it: {@link ValidationResult#ok(String)} puts its note in
 * {@code validation_status} (for example {@code "Connected as @mybot"}). Messages and notes are shown to people
 * and must never contain a secret.
 */
@FunctionalInterface
public interface CredentialCheck {
    /**
     * Tests the credentials.
     *
     * @param context the connection's data, its provider, and HTTP bounded by the deadline
     * @return the outcome: {@code ok()}, {@code ok(note)} or {@code error(message)}
     * @throws Exception when the check cannot finish; reported as "Could not reach the service"
     */
    ValidationResult check(CheckContext context) throws Exception;

    /**
     * PhoenixKit's generic mapping of an HTTP status: 200 ok, 401 "Invalid credentials", 403 "Access denied", any
     * other N "Service error N".
     *
     * @param status an HTTP status
     * @return the outcome PhoenixKit gives it
     */
    static ValidationResult fromStatus(int status) {
        return switch (status) {
            case 200 -> ValidationResult.ok();
            case 401 -> ValidationResult.error("Invalid credentials");
            case 403 -> ValidationResult.error("Access denied");
            default -> ValidationResult.error("Service error " + status);
        };
    }
}
