/**
 * The in-process event bus and the PostgreSQL LISTEN/NOTIFY bridge. Not API: may change without notice.
 */
package dev.phoenixkit.integrations.internal.events;
