/** The {@code smtp} strategy: settings parsing and a bounded SMTP dialogue; not part of the API. */
package dev.phoenixkit.integrations.providers.smtp.internal;
