/**
 * The HTTP-facing operations behind the facade (validation, OAuth2 authorization and code exchange, single-flight
 * token refresh, authenticated requests), built on the protocol layer in {@code internal.protocol} and the row store.
 * Not API: may change without notice.
 */
package dev.phoenixkit.integrations.internal.flow;
