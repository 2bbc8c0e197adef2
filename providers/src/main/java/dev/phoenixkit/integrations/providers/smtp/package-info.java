/** The {@code smtp} provider: {@link dev.phoenixkit.integrations.providers.smtp.Smtp}. */
package dev.phoenixkit.integrations.providers.smtp;
