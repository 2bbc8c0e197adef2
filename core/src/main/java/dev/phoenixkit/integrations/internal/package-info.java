/**
 * Implementation of the Integrations facade. Not API: everything in packages named {@code internal} may change
 * without notice.
 *
 * <p>Map for contributors: {@link dev.phoenixkit.integrations.internal.IntegrationsContext} holds an instance's
 * collaborators; {@code internal.store} is row access (see its package documentation for the read-modify-write
 * pattern with audit and events); {@code internal.core} has the connection commands and queries;
 * {@code internal.db} holds every DAO; {@code internal.events} the bus and LISTEN/NOTIFY bridge;
 * {@code internal.audit} the audit writer and action names; {@code internal.crypto} field encryption.
 */
package dev.phoenixkit.integrations.internal;
