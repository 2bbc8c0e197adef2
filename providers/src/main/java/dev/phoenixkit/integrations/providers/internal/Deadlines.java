package dev.phoenixkit.integrations.providers.internal;

import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.protocol.CheckRunner;
import dev.phoenixkit.integrations.provider.CheckContext;
import java.time.Duration;

/**
 * The one rule for a strategy whose call failed because the check deadline ran out: the answer is the runner's
 * "The service did not respond in time", not the strategy's own "could not reach" message. Each call's timeout is
 * cut to what is left of the deadline, so a hung service ends the call at the deadline and the strategy and the
 * runner would otherwise race for the verdict.
 */
public final class Deadlines {
    /** Less than this left of the deadline counts as spent (a cut timeout fires at most this early). */
    private static final Duration MARGIN = Duration.ofMillis(100);

    private Deadlines() {}

    /**
     * @param context   the running check
     * @param otherwise the strategy's own message for a failed call
     * @return the timeout answer when the deadline is (all but) spent, else {@code error(otherwise)}
     */
    public static ValidationResult failedCall(CheckContext context, String otherwise) {
        return context.remaining().compareTo(MARGIN) < 0
                ? ValidationResult.error(CheckRunner.TIMEOUT_MESSAGE)
                : ValidationResult.error(otherwise);
    }
}
