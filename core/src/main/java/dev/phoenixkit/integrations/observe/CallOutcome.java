package dev.phoenixkit.integrations.observe;

/** How an HTTP call to a provider ended. */
public enum CallOutcome {
    /** Answered with a status below 400. */
    SUCCESS,
    /** Answered with a 4xx status. */
    CLIENT_ERROR,
    /** Answered with a 5xx status. */
    SERVER_ERROR,
    /** Not answered: connection refused, timed out, interrupted. */
    TRANSPORT_ERROR;

    /**
     * @param status an HTTP status
     * @return the outcome of a call answered with it
     */
    public static CallOutcome ofStatus(int status) {
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return status >= 400 ? CLIENT_ERROR : SUCCESS;
    }
}
