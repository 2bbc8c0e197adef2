/**
 * Implementation of the built-in providers' validation strategies ({@code brevo_api}, {@code telegram}, the AWS
 * ones). Not API: anything here may change without notice; use the definitions in
 * {@code dev.phoenixkit.integrations.providers}.
 */
package dev.phoenixkit.integrations.providers.internal;
