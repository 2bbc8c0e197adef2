/**
 * The audit trail writer ({@link dev.phoenixkit.integrations.internal.audit.AuditLog}). Not API: may change without
 * notice.
 */
package dev.phoenixkit.integrations.internal.audit;
