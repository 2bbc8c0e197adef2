/**
 * PhoenixKit Integrations: named third-party connections stored in PostgreSQL with a stable UUIDv7 identity.
 *
 * <p>Start with {@link dev.phoenixkit.integrations.Integrations#builder()}. Everything in packages named
 * {@code internal} is implementation and may change without notice.
 */
package dev.phoenixkit.integrations;
