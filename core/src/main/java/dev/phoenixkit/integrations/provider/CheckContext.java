package dev.phoenixkit.integrations.provider;

import dev.phoenixkit.integrations.IntegrationException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link CredentialCheck} gets: the provider, the connection's (decrypted) data, and HTTP whose timeouts
 * never outlast the check deadline. Given by the library; valid only during the call to
 * {@link CredentialCheck#check}. Not for storing.
 */
public interface CheckContext {
    /** @return the provider whose credentials are tested */
    ProviderDefinition provider();

    /** @return the connection's data, PhoenixKit field names to plain JSON values (secrets decrypted) */
    Map<String, Object> data();

    /**
     * A text field, trimmed (PhoenixKit trims keys, regions and hosts before use).
     *
     * @param field a PhoenixKit field name, for example {@code "api_key"} or {@code "aws_region"}
     * @return the trimmed text, when the field is a string that is not blank
     */
    Optional<String> text(String field);

    /**
     * Applies the registry's base-URL override for this provider (how tests point a check at a fake server).
     * Call it for every URL the check builds itself.
     *
     * @param url an absolute http(s) URL, for example {@code "https://api.telegram.org/bot…/getMe"}
     * @return the URL to call
     */
    String url(String url);

    /**
     * A {@code GET} of {@link #url(String) url(url)} with {@code Accept: application/json} and the given headers.
     *
     * @param url     the absolute URL, before overrides
     * @param headers header names to values (values may be secrets; they are never logged)
     * @return the answer
     * @throws IntegrationException {@code TRANSPORT_FAILED} when there is no answer in time
     */
    CheckResponse get(String url, Map<String, String> headers);

    /**
     * Sends a request as built (apply {@link #url(String)} to its URI first). Its timeout is cut to what is left
     * of the deadline, and the call is reported to the instance's observer as a validation call.
     *
     * @param request the request
     * @return the answer
     * @throws IntegrationException {@code TRANSPORT_FAILED} when there is no answer in time
     */
    CheckResponse send(HttpRequest request);

    /** @return the instance's clock (for signed timestamps such as AWS SigV4's) */
    Clock clock();

    /**
     * @return how long the check may still run before the caller gets "The service did not respond in time"
     *         (use it to bound socket timeouts of non-HTTP checks, such as SMTP); never negative
     */
    Duration remaining();
}
