package dev.phoenixkit.testkit.fake;

/**
 * A failure the {@link FakeProviderServer} can be switched to produce on an endpoint group.
 */
public enum Fault {
    /** Answer 401 with an RFC 6749-style JSON error ({@code invalid_token}, or {@code invalid_client} on TOKEN). */
    UNAUTHORIZED,
    /** Answer 403. */
    FORBIDDEN,
    /** Answer 429 with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** Answer 500. */
    SERVER_ERROR,
    /** Answer 503. */
    SERVICE_UNAVAILABLE,
    /** Answer normally, but only after {@link FakeProviderServer#slowDelay(java.time.Duration)} (default 30 s). */
    SLOW,
    /** Answer 200 with a body that is not JSON. */
    MALFORMED_JSON,
    /** Answer 200 with a JSON object that has no {@code access_token} (on TOKEN; {@code {}} elsewhere). */
    MISSING_ACCESS_TOKEN,
    /** Answer 400 {@code {"error":"invalid_grant"}}. */
    INVALID_GRANT,
    /** Close the connection without answering (a transport failure). */
    DISCONNECT,
    /**
     * Answer 500 with a JSON body that echoes the request: its parameters (form and query) and headers, and the
     * encoded form as the {@code error} code. For checking that nothing a server sends back leaks the secrets sent.
     */
    ECHO_REQUEST,
    /**
     * Answer normally, but on TOKEN every token the answer carries ({@code access_token}, {@code refresh_token})
     * ends in CR LF, as a provider with a broken serialiser might send it: for checking that such a token is refused
     * as a failed exchange or refresh, and that it never reaches an exception message through an HTTP header. Other
     * endpoint groups answer normally.
     */
    LINE_BREAK_IN_TOKEN
}
