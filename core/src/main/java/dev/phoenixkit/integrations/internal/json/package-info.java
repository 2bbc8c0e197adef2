/**
 * JSON and timestamp helpers. Not API: may change without notice.
 */
package dev.phoenixkit.integrations.internal.json;
