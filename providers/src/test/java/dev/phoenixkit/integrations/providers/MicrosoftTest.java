package dev.phoenixkit.integrations.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.ClientAuthMethod;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.UserinfoMapping;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrosoftTest {
    private final ProviderDefinition microsoft = Microsoft.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(microsoft.key()).isEqualTo("microsoft");
        assertThat(microsoft.name()).isEqualTo("Microsoft 365");
        assertThat(microsoft.description())
                .isEqualTo("Microsoft Graph — Outlook, OneDrive, Teams, Calendar, SharePoint");
        assertThat(microsoft.icon()).isEqualTo("hero-cloud");
        assertThat(microsoft.authType()).isEqualTo(AuthType.OAUTH2);
        assertThat(microsoft.validation()).isEmpty();
        assertThat(microsoft.capabilities())
                .containsExactly("microsoft_outlook", "microsoft_onedrive", "microsoft_teams", "microsoft_calendar");
        assertThat(microsoft.scopes()).containsExactly(ProviderScope.SYSTEM);
        assertThat(microsoft.baseUrl()).isEmpty();
    }

    @Test
    void oauthConfigHasTenantPlaceholderCommonDefaultAndGraphMapping() {
        OAuthConfig oauth = microsoft.oauthConfig().orElseThrow();

        assertThat(oauth.authUrl()).isEqualTo("https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/authorize");
        assertThat(oauth.tokenUrl()).isEqualTo("https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token");
        assertThat(oauth.urlDefaults()).isEqualTo(Map.of("tenant_id", "common"));
        assertThat(oauth.userinfoUrl()).contains("https://graph.microsoft.com/v1.0/me");
        assertThat(oauth.defaultScopes()).isEqualTo("openid email profile offline_access User.Read");
        assertThat(oauth.authParams()).isEqualTo(Map.of("prompt", "consent"));
        assertThat(oauth.pkce()).isTrue();
        assertThat(oauth.clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(oauth.userinfoMapping()).isEqualTo(UserinfoMapping.MICROSOFT_GRAPH);
    }

    @Test
    void setupFieldsMatchPhoenixKitWithOptionalTenant() {
        assertThat(microsoft.setupFields())
                .containsExactly(
                        SetupField.builder("client_id")
                                .label("Application (client) ID")
                                .type(SetupFieldType.TEXT)
                                .required(true)
                                .placeholder("00000000-0000-0000-0000-000000000000")
                                .help("From Azure Portal → App registrations → your app → Overview")
                                .build(),
                        SetupField.builder("client_secret")
                                .label("Client Secret")
                                .type(SetupFieldType.PASSWORD)
                                .required(true)
                                .placeholder("...")
                                .help(
                                        "From your app → Certificates & secrets → New client secret. Copy the *Value*, not "
                                                + "the Secret ID.")
                                .build(),
                        SetupField.builder("tenant_id")
                                .label("Tenant ID")
                                .type(SetupFieldType.TEXT)
                                .required(false)
                                .placeholder("common")
                                .help("Leave as `common` for multi-tenant + personal accounts. For single-tenant apps, "
                                        + "paste your Directory (tenant) ID GUID. Use `consumers` for personal-only or "
                                        + "`organizations` for any work-or-school account.")
                                .build());
    }

    @Test
    void instructionsHaveFourSectionsAndTheRedirectUriPlaceholder() {
        assertThat(microsoft.instructions())
                .extracting(InstructionSection::title)
                .containsExactly(
                        "Register an app in Microsoft Entra ID",
                        "Add a client secret",
                        "Grant API permissions",
                        "Connect");
        assertThat(microsoft.instructions().get(0).steps()).anyMatch(step -> step.contains("`{redirect_uri}`"));
        assertThat(microsoft.instructions().get(0).note())
                .hasValueSatisfying(note -> assertThat(note).contains("Tenant ID"));
        assertThat(microsoft.instructions().get(2).note()).isPresent();
    }
}
