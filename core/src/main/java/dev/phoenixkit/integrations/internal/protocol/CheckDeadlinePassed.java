package dev.phoenixkit.integrations.internal.protocol;

/**
 * Thrown by a {@link CheckSession} call that the check deadline cut short (the request's timeout was what was left
 * of the deadline, and it ran out), or that was asked for after the deadline. The {@link CheckRunner} answers it
 * like its own timeout, "The service did not respond in time", so which of the two fires first never changes the
 * message. Not an {@code IntegrationException}: a check that maps transport failures to its own message
 * ("Could not reach Telegram") does not catch it.
 */
final class CheckDeadlinePassed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckDeadlinePassed(String host) {
        super("The check deadline passed while calling " + host, null, false, false);
    }
}
