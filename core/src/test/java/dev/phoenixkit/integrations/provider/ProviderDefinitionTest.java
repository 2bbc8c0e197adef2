package dev.phoenixkit.integrations.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderDefinitionTest {

    private static OAuthConfig oauthConfig() {
        return OAuthConfig.builder()
                .authUrl("https://a.example/auth")
                .tokenUrl("https://a.example/token")
                .build();
    }

    @Test
    void buildWhenKeyHasColonPercentOrSpaceThenRejectedNamingTheField() {
        for (String key : List.of("a:b", "a%b", "_a", "a b", "", "-a")) {
            assertThatThrownBy(() -> ProviderDefinition.builder(key)
                            .name("X")
                            .authType(AuthType.API_KEY)
                            .build())
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("key must match");
        }
        assertThat(ProviderDefinition.isValidKey("google")).isTrue();
        assertThat(ProviderDefinition.isValidKey("my-provider.v2")).isTrue();
        assertThat(ProviderDefinition.isValidKey("my_provider")).isTrue();
    }

    @Test
    void buildWhenNameOrAuthTypeMissingThenRejectedNamingTheField() {
        assertThatThrownBy(() -> ProviderDefinition.builder("x")
                        .authType(AuthType.API_KEY)
                        .build())
                .hasMessageStartingWith("name must not be blank");
        assertThatThrownBy(() -> ProviderDefinition.builder("x").name("X").build())
                .hasMessageStartingWith("authType is required");
    }

    @Test
    void buildWhenOauthDoesNotFitTheAuthTypeThenRejected() {
        assertThatThrownBy(() -> ProviderDefinition.builder("x")
                        .name("X")
                        .authType(AuthType.OAUTH2)
                        .build())
                .hasMessageStartingWith("oauth is required");
        assertThatThrownBy(() -> ProviderDefinition.builder("x")
                        .name("X")
                        .authType(AuthType.API_KEY)
                        .oauth(oauthConfig())
                        .build())
                .hasMessageStartingWith("oauth is only allowed");
    }

    @Test
    void buildWhenSetupFieldKeysRepeatThenRejected() {
        SetupField field = SetupField.builder("api_key").label("API Key").build();

        assertThatThrownBy(() -> ProviderDefinition.builder("x")
                        .name("X")
                        .authType(AuthType.API_KEY)
                        .setupField(field)
                        .setupField(field)
                        .build())
                .hasMessageStartingWith("setupField keys must be unique");
    }

    @Test
    void oauthConfigBuilderWhenOnlyUrlsGivenThenDefaultsArePkceOnPostStandardMapping() {
        OAuthConfig config = oauthConfig();

        assertThat(config.pkce()).isTrue();
        assertThat(config.clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(config.userinfoMapping()).isEqualTo(UserinfoMapping.STANDARD);
        assertThat(config.userinfoUrl()).isEmpty();
        assertThat(config.defaultScopes()).isEmpty();
        assertThat(config.toBuilder().pkce(false).build().pkce()).isFalse();
    }

    @Test
    void oauthConfigBuilderWhenUrlMissingOrRelativeThenRejectedNamingTheField() {
        assertThatThrownBy(() -> OAuthConfig.builder().tokenUrl("https://a/t").build())
                .hasMessage("authUrl is required");
        assertThatThrownBy(() -> OAuthConfig.builder()
                        .authUrl("https://a/a")
                        .tokenUrl("/token")
                        .build())
                .hasMessageStartingWith("tokenUrl must be an absolute http(s) URL");
        assertThatThrownBy(() -> OAuthConfig.builder()
                        .authUrl("https://a/a")
                        .tokenUrl("https://a/t")
                        .urlDefault("tenant-id", "x")
                        .build())
                .hasMessageStartingWith("urlDefault key");
    }

    @Test
    void instructionsWhenRedirectUriGivenThenPlaceholderIsFilledInStepsAndNote() {
        ProviderDefinition definition = ProviderDefinition.builder("x")
                .name("X")
                .authType(AuthType.OAUTH2)
                .oauth(oauthConfig())
                .instruction(InstructionSection.of(
                        "Create client", List.of("Add `{redirect_uri}`", "Save"), "Exactly {redirect_uri}"))
                .build();

        InstructionSection section =
                definition.instructions("https://app.example/cb").get(0);

        assertThat(section.steps()).containsExactly("Add `https://app.example/cb`", "Save");
        assertThat(section.note()).contains("Exactly https://app.example/cb");
        assertThat(definition.instructions().get(0).steps().get(0)).contains("{redirect_uri}");
    }

    @Test
    void setupFieldWhenOptionsOnNonSelectThenRejected() {
        assertThatThrownBy(() -> SetupField.builder("region")
                        .label("Region")
                        .option("eu", "EU")
                        .build())
                .hasMessageStartingWith("options are only allowed for type SELECT");
        assertThat(SetupField.builder("region")
                        .label("Region")
                        .type(SetupFieldType.SELECT)
                        .option("eu", "EU")
                        .build()
                        .options())
                .containsExactly(new SelectOption("eu", "EU"));
    }

    @Test
    void authTypeWireValuesMatchPhoenixKit() {
        assertThat(List.of(AuthType.values()))
                .extracting(AuthType::wireValue)
                .containsExactly("oauth2", "api_key", "key_secret", "bot_token", "credentials");
        assertThat(AuthType.fromWireValue("bot_token")).contains(AuthType.BOT_TOKEN);
        assertThat(AuthType.fromWireValue("OAUTH2")).isEmpty();
    }

    @Test
    void toBuilderWhenUnchangedThenEqualDefinition() {
        ProviderDefinition definition = ProviderDefinition.builder("x")
                .name("X")
                .authType(AuthType.OAUTH2)
                .oauth(oauthConfig())
                .capability("c")
                .build();

        assertThat(definition.toBuilder().build()).isEqualTo(definition).hasSameHashCodeAs(definition);
    }
}
