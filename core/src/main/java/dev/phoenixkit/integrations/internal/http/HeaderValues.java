package dev.phoenixkit.integrations.internal.http;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import java.net.http.HttpRequest;
import java.util.Objects;

/**
 * The one place request headers are set and requests are built (docs/behaviour.md#fix-13,
 * docs/decisions/secret-control-characters.md). The JDK's {@code HttpRequest.Builder.header} refuses a value with
 * a line break or another control character with an {@code IllegalArgumentException} whose message quotes the
 * value, for {@code Authorization} that is {@code Bearer <secret>}. Here such a value is refused before the JDK sees
 * it, with {@link IntegrationError#INVALID_SECRET} naming the header only, and any exception from building a request
 * is rethrown without its message or cause. Stateless and thread-safe.
 */
public final class HeaderValues {
    private HeaderValues() {}

    /**
     * @param value a header value, or text that will be put into one
     * @return whether it holds no control character (the JDK accepts a tab; a secret never needs one)
     */
    public static boolean isSendable(String value) {
        return value != null && value.chars().noneMatch(Character::isISOControl);
    }

    /**
     * Adds a header.
     *
     * @param builder the request builder
     * @param name    the header name
     * @param value   its value, possibly a secret
     * @return the builder
     * @throws IntegrationException {@code INVALID_SECRET} naming the header when the value holds a control character
     *                              or the JDK refuses it; the message never carries the value
     */
    public static HttpRequest.Builder header(HttpRequest.Builder builder, String name, String value) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(name, "name");
        if (!isSendable(value)) {
            throw refused(name);
        }
        try {
            return builder.header(name, value);
        } catch (IllegalArgumentException e) {
            throw refused(name); // no cause: the JDK's message quotes the value
        }
    }

    /**
     * Builds a request, rethrowing a failure without the JDK's message (which may quote a header value).
     *
     * @param builder the request builder
     * @return the request
     * @throws IntegrationException {@code INVALID_SECRET} when the JDK refuses to build it
     */
    public static HttpRequest build(HttpRequest.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IntegrationException(
                    IntegrationError.INVALID_SECRET,
                    "The request could not be built (" + e.getClass().getSimpleName()
                            + "); a header value may hold a control character");
        }
    }

    private static IntegrationException refused(String name) {
        return new IntegrationException(
                IntegrationError.INVALID_SECRET,
                "The value of the " + name + " header contains a control character (a line break, tab or NUL, for"
                        + " example a pasted key's trailing newline) and was not sent; save the secret again");
    }
}
