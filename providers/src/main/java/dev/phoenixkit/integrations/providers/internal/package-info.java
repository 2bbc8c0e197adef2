/**
 * Implementation of the built-in providers' validation strategies ({@code brevo_api}, {@code telegram}). Not API:
 * anything here may change without notice; use the definitions in {@code dev.phoenixkit.integrations.providers}.
 */
package dev.phoenixkit.integrations.providers.internal;
