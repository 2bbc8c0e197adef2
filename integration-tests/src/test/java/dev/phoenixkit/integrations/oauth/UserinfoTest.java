package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.internal.protocol.AccountProfile;
import dev.phoenixkit.integrations.internal.protocol.UserinfoEndpoint;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.provider.UserinfoMapping;
import dev.phoenixkit.testkit.fake.FakeAccount;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/phoenixkit-reference.md#5-7, #11-4 fetch_userinfo, and the per-provider account mapping (docs/behaviour.md#fix-4). */
class UserinfoTest {
    private final FakeProviderServer fake = FakeProviderServer.start();
    private final UserinfoEndpoint userinfo = new UserinfoEndpoint(OAuthFixture.http(Duration.ofSeconds(15)));

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private static OAuthConfig withUserinfo(String url) {
        return OAuthConfig.builder()
                .authUrl("https://a.example/auth")
                .tokenUrl("https://a.example/token")
                .userinfoUrl(url)
                .build();
    }

    @Test
    void fetchWhenNoUserinfoUrlThenEmptyWithoutACall() {
        assertThat(userinfo.fetch(withUserinfo(null), "token")).isEmpty();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void fetchWhenBlankUserinfoUrlThenEmpty() {
        OAuthConfig blank = OAuthConfig.builder()
                .authUrl("https://a.example/auth")
                .tokenUrl("https://a.example/t")
                .build();
        assertThat(userinfo.fetch(blank, "token")).isEmpty();
    }

    @Test
    void fetchWhenGoogleThenEmailNameAndPictureMapToTheAccountFields() {
        OAuthConfig google = OAuthFixture.oauth(fake, "google");

        Map<String, Object> info = userinfo.fetch(google, fake.issueTokens().accessToken());
        Map<String, Object> data = new HashMap<>(Map.of("metadata", Map.of("region", "eu")));
        AccountProfile.from(google.userinfoMapping(), info).applyTo(data);

        assertThat(data)
                .containsEntry("external_account_id", "ada@example.com")
                .containsEntry("external_account_name", "Ada Lovelace");
        assertThat(data.get("metadata"))
                .isEqualTo(Map.of(
                        "region",
                        "eu",
                        "connected_email",
                        "ada@example.com",
                        "name",
                        "Ada Lovelace",
                        "picture",
                        "https://example.com/ada.png"));
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-4: Microsoft Graph's mail and displayName become the account id and name")
    void fetchWhenMicrosoftGraphThenMailAndDisplayNameMap() {
        OAuthConfig microsoft = OAuthFixture.oauth(fake, "microsoft");

        Map<String, Object> info = userinfo.fetch(microsoft, fake.issueTokens().accessToken());
        AccountProfile profile = AccountProfile.from(microsoft.userinfoMapping(), info);

        assertThat(info)
                .containsKeys("mail", "displayName", "userPrincipalName")
                .doesNotContainKeys("email", "name");
        assertThat(profile.email()).contains("ada@example.com");
        assertThat(profile.name()).contains("Ada Lovelace");
        assertThat(profile.picture()).isEmpty();
    }

    @Test
    void fetchWhenMicrosoftGraphHasNoMailThenTheUserPrincipalNameIsTheAccountId() {
        fake.account(FakeAccount.defaultAccount().withoutEmail());
        OAuthConfig microsoft = OAuthFixture.oauth(fake, "microsoft");

        AccountProfile profile = AccountProfile.from(
                UserinfoMapping.MICROSOFT_GRAPH,
                userinfo.fetch(microsoft, fake.issueTokens().accessToken()));

        assertThat(profile.email()).contains("ada@example.onmicrosoft.com");
    }

    @Test
    void applyToWhenProfileEmptyThenExistingAccountFieldsStay() {
        Map<String, Object> data = new HashMap<>(Map.of("external_account_id", "old@example.com"));

        AccountProfile.from(UserinfoMapping.STANDARD, Map.of("email", "", "name", "  "))
                .applyTo(data);

        assertThat(data)
                .containsEntry("external_account_id", "old@example.com")
                .doesNotContainKey("external_account_name");
    }

    @Test
    void fetchWhenTokenInvalidThenUserinfoFailedWithStatus() {
        IntegrationException e = catchThrowableOfType(
                IntegrationException.class, () -> userinfo.fetch(OAuthFixture.oauth(fake, "google"), "not-a-token"));

        assertThat(e.error()).isEqualTo(IntegrationError.USERINFO_FAILED);
        assertThat(e.httpStatus()).hasValue(401);
    }
}
