package dev.phoenixkit.integrations.internal.flow;

import dev.phoenixkit.integrations.internal.IntegrationsContext;
import dev.phoenixkit.integrations.internal.http.ProviderHttp;
import dev.phoenixkit.integrations.internal.protocol.CheckRunner;
import dev.phoenixkit.integrations.internal.protocol.CredentialValidator;
import dev.phoenixkit.integrations.internal.protocol.TokenEndpoint;
import dev.phoenixkit.integrations.internal.protocol.UserinfoEndpoint;
import dev.phoenixkit.integrations.internal.service.ConnectionCommands;
import dev.phoenixkit.integrations.internal.service.ConnectionQueries;

/**
 * The HTTP-facing services of one {@code Integrations} instance, wired together. The HTTP client is obtained on
 * first use. Thread-safe.
 *
 * @param settings   the tuning
 * @param flows      authorization URLs, begin/complete, code exchange
 * @param refresher  single-flight refresh
 * @param validation connection and credential validation
 * @param requests   authenticated requests
 * @param checks     the worker threads credential checks run on (closed with the instance)
 */
public record ConnectionAuth(
        AuthSettings settings,
        OAuthFlows flows,
        TokenRefresher refresher,
        ConnectionValidation validation,
        AuthenticatedRequests requests,
        CheckRunner checks)
        implements AutoCloseable {

    /**
     * @param context  the instance's collaborators
     * @param commands the write side (for {@code recordValidation})
     * @param queries  the read side (for {@code getCredentials})
     * @param settings the tuning
     * @return the wired services
     */
    public static ConnectionAuth create(
            IntegrationsContext context,
            ConnectionCommands commands,
            ConnectionQueries queries,
            AuthSettings settings) {
        CheckRunner checks = new CheckRunner(settings.checkDeadline());
        ProviderHttp lazyHttp = new ProviderHttp(context.httpClient(), settings.httpTimeout(), context.observer());
        TokenEndpoint tokenEndpoint = new TokenEndpoint(lazyHttp, context.clock());
        TokenRefresher refresher = new TokenRefresher(
                context.store(),
                context.providers(),
                commands,
                tokenEndpoint,
                context.clock(),
                settings.refreshSkew(),
                context.observer());
        OAuthFlows flows = new OAuthFlows(
                context.store(),
                context.providers(),
                tokenEndpoint,
                new UserinfoEndpoint(lazyHttp),
                settings.authorizationTtl());
        ConnectionValidation validation = new ConnectionValidation(
                context.store(),
                context.providers(),
                new CredentialValidator(lazyHttp, checks, context.providers(), context.clock()),
                refresher,
                context.observer());
        AuthenticatedRequests requests = new AuthenticatedRequests(queries, refresher, lazyHttp, context.clock());
        return new ConnectionAuth(settings, flows, refresher, validation, requests, checks);
    }

    /** Stops the credential checks' worker threads. Idempotent. */
    @Override
    public void close() {
        checks.close();
    }
}
