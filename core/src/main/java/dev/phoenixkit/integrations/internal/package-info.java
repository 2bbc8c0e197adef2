/**
 * Implementation of the Integrations facade. Not API: everything in packages named {@code internal} may change
 * without notice.
 *
 * <p>Map for contributors (a call flows facade → {@code service}/{@code flow} → {@code store} → {@code db},
 * {@code crypto}, {@code audit}, {@code events}; see {@code docs/architecture.md}):
 * <ul>
 *   <li>{@link dev.phoenixkit.integrations.internal.IntegrationsAssembly}: wires one instance (the only place that
 *       knows how the parts fit together; the facade only delegates to what it built), and
 *       {@link dev.phoenixkit.integrations.internal.IntegrationsContext}, the collaborators it hands the flows;</li>
 *   <li>{@code internal.service}: connection commands and queries that touch only the database (add, setup,
 *       rename, remove, disconnect, reads and listings, re-encryption);</li>
 *   <li>{@code internal.flow}: stateful flows that call a provider and write the outcome (validation, OAuth2
 *       authorization and code exchange, single-flight token refresh, authenticated requests);</li>
 *   <li>{@code internal.protocol}: stateless protocol calls (authorization URL, PKCE, token endpoint, userinfo) and
 *       the API-key credential validator; no database access;</li>
 *   <li>{@code internal.store}: row access with the read-modify-write pattern, audit and events;</li>
 *   <li>{@code internal.db}: the library's {@code Jdbi}, the JDBI SQL Object DAOs and the two plain-JDBC hot
 *       reads;</li>
 *   <li>{@code internal.crypto}: field encryption of the sensitive fields;</li>
 *   <li>{@code internal.events}: the local bus and the LISTEN/NOTIFY bridge (the announcer the store sends with,
 *       the listener built after the store);</li>
 *   <li>{@code internal.audit}: the audit writer and action names;</li>
 *   <li>{@code internal.http}: the provider HTTP client wrapper and its sanitised responses;</li>
 *   <li>{@code internal.json}: JSON and timestamp codecs in PhoenixKit's formats, and the one "field has text"
 *       rule ({@code FieldText});</li>
 *   <li>{@code internal.naming}: storage-key, provider-key, name and reference rules.</li>
 * </ul>
 */
package dev.phoenixkit.integrations.internal;
