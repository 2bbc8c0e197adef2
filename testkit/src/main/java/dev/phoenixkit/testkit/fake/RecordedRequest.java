package dev.phoenixkit.testkit.fake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the {@link FakeProviderServer} received, for assertions. Immutable. It holds what was sent,
 * credentials included: it is test data and must not be logged in real applications.
 *
 * @param endpoint the endpoint group, or empty for a path the server does not know
 * @param method   the HTTP method, for example {@code "POST"}
 * @param path     the request path, for example {@code "/common/oauth2/v2.0/token"}
 * @param headers  the headers, names lower-cased
 * @param params   the query parameters merged with the form parameters (form wins), first value of each
 */
public record RecordedRequest(
        Optional<FakeEndpoint> endpoint,
        String method,
        String path,
        Map<String, List<String>> headers,
        Map<String, String> params) {
    /** Copies the collections. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
        params = Map.copyOf(params);
    }

    /**
     * @param name a header name, any case
     * @return the header's first value, if it was sent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * @param name a query or form parameter name
     * @return its value, if it was sent
     */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** @return a summary without header or parameter values */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", params=" + params.keySet() + "]";
    }
}
