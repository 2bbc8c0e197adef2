/**
 * The facade's connection commands, queries and re-encryption. Not API: may change without notice.
 */
package dev.phoenixkit.integrations.internal.service;
