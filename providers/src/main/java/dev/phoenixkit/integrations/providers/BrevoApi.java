package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import dev.phoenixkit.integrations.providers.internal.BrevoApiCheck;

/**
 * Brevo's transactional email API by API key ({@code xkeysib-…}, not the SMTP key), validated by the
 * {@code brevo_api} strategy: {@code GET https://api.brevo.com/v3/account} with the {@code api-key} header, whose
 * pass carries the plan as a note ({@code "Plan: free · 300 credits left"}). No setup instructions, as in
 * PhoenixKit. Stateless.
 */
public final class BrevoApi {
    /** The provider key. */
    public static final String KEY = "brevo_api";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("Brevo API")
            .description("Send email via the Brevo transactional email API")
            .icon("hero-envelope")
            .authType(AuthType.API_KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .baseUrl("https://api.brevo.com/v3")
            .validation(ValidationSpec.strategy(BrevoApiCheck.NAME, BrevoApiCheck.INSTANCE))
            .setupField(ApiKeyField.of(
                    "xkeysib-...",
                    "From Brevo → SMTP & API → API Keys. Starts with xkeysib- — not the SMTP key (xsmtpsib-)."))
            .capability("email_send")
            .build();

    private BrevoApi() {}

    /** @return the Brevo API provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
