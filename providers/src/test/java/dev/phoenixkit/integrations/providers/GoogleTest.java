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

class GoogleTest {
    private final ProviderDefinition google = Google.definition();

    @Test
    void identityMatchesPhoenixKit() {
        assertThat(google.key()).isEqualTo("google");
        assertThat(google.name()).isEqualTo("Google");
        assertThat(google.description()).isEqualTo("Google Docs, Drive, Calendar, Sheets, Gmail");
        assertThat(google.icon()).isEqualTo("hero-cloud");
        assertThat(google.authType()).isEqualTo(AuthType.OAUTH2);
        assertThat(google.validation()).isEmpty();
        assertThat(google.capabilities())
                .containsExactly("google_docs", "google_drive", "google_calendar", "google_sheets");
        assertThat(google.scopes()).containsExactly(ProviderScope.SYSTEM);
        assertThat(google.baseUrl()).isEmpty();
    }

    @Test
    void oauthConfigMatchesPhoenixKitWithPkceOn() {
        OAuthConfig oauth = google.oauthConfig().orElseThrow();

        assertThat(oauth.authUrl()).isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
        assertThat(oauth.tokenUrl()).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(oauth.userinfoUrl()).contains("https://www.googleapis.com/oauth2/v2/userinfo");
        assertThat(oauth.defaultScopes())
                .isEqualTo("openid email profile https://www.googleapis.com/auth/drive "
                        + "https://www.googleapis.com/auth/documents");
        assertThat(oauth.authParams()).isEqualTo(Map.of("access_type", "offline", "prompt", "consent"));
        assertThat(oauth.urlDefaults()).isEmpty();
        assertThat(oauth.pkce()).isTrue();
        assertThat(oauth.clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(oauth.userinfoMapping()).isEqualTo(UserinfoMapping.STANDARD);
    }

    @Test
    void setupFieldsMatchPhoenixKit() {
        assertThat(google.setupFields())
                .containsExactly(
                        SetupField.builder("client_id")
                                .label("Client ID")
                                .type(SetupFieldType.TEXT)
                                .required(true)
                                .placeholder("xxxxx.apps.googleusercontent.com")
                                .help("From Google Cloud Console → APIs & Services → Credentials")
                                .build(),
                        SetupField.builder("client_secret")
                                .label("Client Secret")
                                .type(SetupFieldType.PASSWORD)
                                .required(true)
                                .placeholder("GOCSPX-...")
                                .build());
    }

    @Test
    void instructionsHaveFiveSectionsAndTheRedirectUriPlaceholder() {
        assertThat(google.instructions())
                .extracting(InstructionSection::title)
                .containsExactly(
                        "Create a Google Cloud project",
                        "Enable the Drive and Docs APIs",
                        "Set up the OAuth consent screen",
                        "Create an OAuth client",
                        "Connect");
        assertThat(google.instructions().get(3).steps()).anyMatch(step -> step.contains("{redirect_uri}"));
        assertThat(google.instructions().get(3).steps()).anyMatch(step -> step.contains("**Web application**"));
        assertThat(google.instructions().get(1).note()).isPresent();
        assertThat(google.instructions().get(2).note()).isPresent();
        assertThat(google.instructions("https://app.example/cb").get(3).steps())
                .anyMatch(step -> step.contains("`https://app.example/cb`"));
    }
}
