package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.UserinfoMapping;
import java.util.List;

/**
 * Microsoft 365 (Microsoft Graph: Outlook, OneDrive, Teams, Calendar, SharePoint) over OAuth2 through Entra ID.
 *
 * <p>The authorization and token URLs contain {@code {tenant_id}}, filled from the connection's {@code tenant_id}
 * setup field; a missing or blank value means {@code common} (multi-tenant and personal accounts). Userinfo is
 * Graph's {@code /me}, mapped with {@link UserinfoMapping#MICROSOFT_GRAPH}. Stateless.
 */
public final class Microsoft {
    /** The provider key. */
    public static final String KEY = "microsoft";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("Microsoft 365")
            .description("Microsoft Graph — Outlook, OneDrive, Teams, Calendar, SharePoint")
            .icon("hero-cloud")
            .authType(AuthType.OAUTH2)
            .oauth(OAuthConfig.builder()
                    .authUrl("https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/authorize")
                    .tokenUrl("https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token")
                    .urlDefault(Fields.TENANT_ID, "common")
                    .userinfoUrl("https://graph.microsoft.com/v1.0/me")
                    .defaultScopes("openid email profile offline_access User.Read")
                    .authParam("prompt", "consent")
                    .userinfoMapping(UserinfoMapping.MICROSOFT_GRAPH)
                    .build())
            .setupField(SetupField.builder(Fields.CLIENT_ID)
                    .label("Application (client) ID")
                    .type(SetupFieldType.TEXT)
                    .required(true)
                    .placeholder("00000000-0000-0000-0000-000000000000")
                    .help("From Azure Portal → App registrations → your app → Overview")
                    .build())
            .setupField(SetupField.builder(Fields.CLIENT_SECRET)
                    .label("Client Secret")
                    .type(SetupFieldType.PASSWORD)
                    .required(true)
                    .placeholder("...")
                    .help("From your app → Certificates & secrets → New client secret. Copy the *Value*, not the "
                            + "Secret ID.")
                    .build())
            .setupField(SetupField.builder(Fields.TENANT_ID)
                    .label("Tenant ID")
                    .type(SetupFieldType.TEXT)
                    .required(false)
                    .placeholder("common")
                    .help("Leave as `common` for multi-tenant + personal accounts. For single-tenant apps, paste "
                            + "your Directory (tenant) ID GUID. Use `consumers` for personal-only or "
                            + "`organizations` for any work-or-school account.")
                    .build())
            .capability("microsoft_outlook")
            .capability("microsoft_onedrive")
            .capability("microsoft_teams")
            .capability("microsoft_calendar")
            .instruction(InstructionSection.of(
                    "Register an app in Microsoft Entra ID",
                    List.of(
                            "In the [Azure Portal](https://portal.azure.com), open **App registrations → New registration**",
                            "Choose which account types may sign in",
                            "Set the Redirect URI type to **Web** and the value to `{redirect_uri}`",
                            "Click **Register**"),
                    "For a single-tenant app, fill in **Tenant ID** above: `common` only works for multi-tenant and "
                            + "personal-account apps."))
            .instruction(InstructionSection.of(
                    "Add a client secret",
                    List.of(
                            "Open **Certificates & secrets → New client secret**",
                            "Pick an expiry (24 months is common)",
                            "Copy the secret's **Value** (it is shown only once) into **Client Secret** above")))
            .instruction(InstructionSection.of(
                    "Grant API permissions",
                    List.of(
                            "Open **API permissions → Add a permission → Microsoft Graph → Delegated permissions**",
                            "`User.Read` is there by default; add `Mail.Read`, `Files.Read.All` or `Calendars.Read` as "
                                    + "needed",
                            "If your tenant requires it, click **Grant admin consent**"),
                    "The default scopes are `openid email profile offline_access User.Read`; request more by passing "
                            + "extra scopes when building the authorization URL."))
            .instruction(InstructionSection.of(
                    "Connect",
                    List.of(
                            "Click **Save**, then **Connect Account**",
                            "Accept the consent prompt",
                            "You are sent back here once the connection is made")))
            .build();

    private Microsoft() {}

    /** @return the Microsoft 365 provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
