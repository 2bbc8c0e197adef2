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
 * Google (Docs, Drive, Calendar, Sheets, Gmail) over OAuth2 with offline access, so a refresh token is issued.
 * Validation goes through the userinfo endpoint. Stateless.
 */
public final class Google {
    /** The provider key. */
    public static final String KEY = "google";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("Google")
            .description("Google Docs, Drive, Calendar, Sheets, Gmail")
            .icon("hero-cloud")
            .authType(AuthType.OAUTH2)
            .oauth(OAuthConfig.builder()
                    .authUrl("https://accounts.google.com/o/oauth2/v2/auth")
                    .tokenUrl("https://oauth2.googleapis.com/token")
                    .userinfoUrl("https://www.googleapis.com/oauth2/v2/userinfo")
                    .defaultScopes("openid email profile https://www.googleapis.com/auth/drive "
                            + "https://www.googleapis.com/auth/documents")
                    .authParam("access_type", "offline")
                    .authParam("prompt", "consent")
                    .userinfoMapping(UserinfoMapping.STANDARD)
                    .build())
            .setupField(SetupField.builder(Fields.CLIENT_ID)
                    .label("Client ID")
                    .type(SetupFieldType.TEXT)
                    .required(true)
                    .placeholder("xxxxx.apps.googleusercontent.com")
                    .help("From Google Cloud Console → APIs & Services → Credentials")
                    .build())
            .setupField(SetupField.builder(Fields.CLIENT_SECRET)
                    .label("Client Secret")
                    .type(SetupFieldType.PASSWORD)
                    .required(true)
                    .placeholder("GOCSPX-...")
                    .build())
            .capability("google_docs")
            .capability("google_drive")
            .capability("google_calendar")
            .capability("google_sheets")
            .instruction(InstructionSection.of(
                    "Create a Google Cloud project",
                    List.of(
                            "Open the [Google Cloud Console](https://console.cloud.google.com)",
                            "Create a project, or pick one you already have")))
            .instruction(InstructionSection.of(
                    "Enable the Drive and Docs APIs",
                    List.of(
                            "Open [APIs & Services → Library](https://console.cloud.google.com/apis/library)",
                            "Find **Google Drive API** and click **Enable**",
                            "Find **Google Docs API** and click **Enable**"),
                    "Drive is used to list, copy and export files; Docs to read document content and fill in "
                            + "template variables."))
            .instruction(InstructionSection.of(
                    "Set up the OAuth consent screen",
                    List.of(
                            "Under [Branding](https://console.cloud.google.com/auth/branding), enter the **App name** and "
                                    + "a **User support email**, then save",
                            "Under [Audience](https://console.cloud.google.com/auth/audience), choose **External** (or "
                                    + "**Internal** on Google Workspace)",
                            "While the app is in **Testing**, add the Google account you will connect as a **Test user**",
                            "Optionally, under [Data Access](https://console.cloud.google.com/auth/scopes), add the Drive and "
                                    + "Docs scopes; the scopes are requested at connect time either way"),
                    "The OAuth pages have their own sidebar: search for \"OAuth\" in the console, or open "
                            + "**APIs & Services → OAuth consent screen**."))
            .instruction(InstructionSection.of(
                    "Create an OAuth client",
                    List.of(
                            "Open [APIs & Services → Credentials](https://console.cloud.google.com/apis/credentials)",
                            "Click **Create Credentials → OAuth client ID**",
                            "Choose the application type **Web application** (a Desktop app cannot use redirect URIs)",
                            "Under **Authorized redirect URIs**, add `{redirect_uri}`",
                            "Copy the **Client ID** and **Client Secret** into the form above")))
            .instruction(InstructionSection.of(
                    "Connect",
                    List.of(
                            "Click **Save**, then **Connect Account**",
                            "If Google warns that the app is unverified, click **Advanced → Go to (app name)**",
                            "Allow access to Google Docs and Google Drive",
                            "You are sent back here once the connection is made")))
            .build();

    private Google() {}

    /** @return the Google provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
