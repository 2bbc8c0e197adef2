/**
 * Connection name, provider key, reference and storage-key rules. Not API: may change without notice.
 */
package dev.phoenixkit.integrations.internal.naming;
