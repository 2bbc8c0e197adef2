/**
 * Field-level encryption of stored connection data. Not API: may change without notice.
 */
package dev.phoenixkit.integrations.internal.crypto;
