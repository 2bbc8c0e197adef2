package dev.phoenixkit.integrations.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.internal.naming.Names;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The provider model of PhoenixKit 2.x: keys with '_', scopes, base URLs, capabilities, field types, strategies. */
class ProviderModelTest {
    private static ProviderDefinition.Builder apiKey(String key) {
        return ProviderDefinition.builder(key).name(key).authType(AuthType.API_KEY);
    }

    @Test
    void keysWithUnderscoreAreAcceptedAndColonPercentAndSpaceRefused() {
        for (String key : new String[] {"amazon_bedrock", "aws_ses", "object_storage", "brevo_api", "a.b-c_d"}) {
            assertThat(ProviderDefinition.isValidKey(key)).as(key).isTrue();
            assertThat(Names.checkProviderKey(key)).isEqualTo(key);
        }
        for (String key : new String[] {"a:b", "a%b", "a b", "_lead", ""}) {
            assertThat(ProviderDefinition.isValidKey(key)).as(key).isFalse();
        }
    }

    @Test
    void knownFieldsAreSetupThenStoredThenAuthTypeThenCommonFields() {
        ProviderDefinition provider = ProviderDefinition.builder("bot")
                .name("Bot")
                .authType(AuthType.BOT_TOKEN)
                .setupField(SetupField.builder("bot_token").label("Token").build())
                .setupField(SetupField.builder("chat").label("Chat").build())
                .storedField("chat_ids")
                .build();

        assertThat(provider.storedFields()).containsExactly("chat_ids");
        assertThat(provider.knownFields())
                .containsExactly(
                        "bot_token",
                        "chat",
                        "chat_ids",
                        "provider",
                        "name",
                        "auth_type",
                        "status",
                        "connected_at",
                        "last_validated_at",
                        "validation_status",
                        "external_account_id",
                        "external_account_name",
                        "metadata",
                        "owner_type",
                        "owner_uuid");
        assertThat(provider.toBuilder().build()).isEqualTo(provider);
        assertThat(provider.toBuilder().storedField("mode").build()).isNotEqualTo(provider);
        assertThat(apiKey("k").build().knownFields()).contains("api_key").doesNotContain("access_token", "bot_token");
        assertThat(ProviderDefinition.builder("o")
                        .name("O")
                        .authType(AuthType.OAUTH2)
                        .oauth(OAuthConfig.builder()
                                .authUrl("https://example.com/auth")
                                .tokenUrl("https://example.com/token")
                                .build())
                        .build()
                        .knownFields())
                .contains("client_id", "client_secret", "tenant_id", "access_token", "refresh_token", "oauth_state")
                .doesNotContain("api_key", "oauth_code_verifier");
    }

    @Test
    void storedFieldsMustBeNonBlankUniqueAndNotSetupFields() {
        for (ProviderDefinition.Builder builder : new ProviderDefinition.Builder[] {
            apiKey("a").storedField(" "),
            apiKey("b").storedField("mode").storedField("mode"),
            apiKey("c")
                    .setupField(SetupField.builder("mode").label("Mode").build())
                    .storedField("mode")
        }) {
            assertThatThrownBy(builder::build)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("storedField");
        }
    }

    @Test
    void likePatternOfAnUnderscoreKeyMatchesOnlyThatKey() {
        assertThat(Names.connectionsPattern("aws_ses")).isEqualTo("integration:aws\\_ses:%");
        assertThat(Names.connectionsPattern("a%b.c")).isEqualTo("integration:a\\%b.c:%");
    }

    @Test
    void scopesDefaultToSystemAndKeepDeclarationOrderWithoutDuplicates() {
        assertThat(apiKey("x").build().scopes()).containsExactly(ProviderScope.SYSTEM);
        ProviderDefinition both = apiKey("y")
                .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL, ProviderScope.SYSTEM)
                .build();
        assertThat(both.scopes()).containsExactly(ProviderScope.SYSTEM, ProviderScope.PERSONAL);
        assertThat(both.allows(ProviderScope.PERSONAL)).isTrue();
        assertThat(apiKey("z").build().allows(ProviderScope.PERSONAL)).isFalse();
        assertThat(ProviderScope.fromWireValue("personal")).contains(ProviderScope.PERSONAL);
        assertThat(ProviderScope.fromWireValue("team")).isEmpty();
    }

    @Test
    void baseUrlMustBeAbsoluteAndIsRebasedWithTheOtherUrls() {
        assertThatThrownBy(() -> apiKey("x").baseUrl("api.example.com/v1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(apiKey("x").baseUrl("https://api.example.com/v1").build())
                .overrideBaseUrl("x", URI.create("http://127.0.0.1:9"))
                .build();
        assertThat(registry.get("x").orElseThrow().baseUrl()).contains("http://127.0.0.1:9/v1");
        assertThat(registry.resolveUrl("x", "https://api.example.com/bot1/getMe"))
                .isEqualTo("http://127.0.0.1:9/bot1/getMe");
        assertThat(registry.resolveUrl("other", "https://api.example.com/a")).isEqualTo("https://api.example.com/a");
    }

    @Test
    void withCapabilityAndForScopeFilterInRegistryOrder() {
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(apiKey("a").capability("ai_completions").build())
                .add(apiKey("b")
                        .capability("email_send")
                        .scope(ProviderScope.PERSONAL)
                        .build())
                .add(apiKey("c")
                        .capability("email_send")
                        .capability("ai_completions")
                        .build())
                .build();
        assertThat(registry.withCapability("ai_completions"))
                .extracting(ProviderDefinition::key)
                .containsExactly("a", "c");
        assertThat(registry.withCapability("nothing")).isEmpty();
        assertThat(registry.forScope(ProviderScope.PERSONAL))
                .extracting(ProviderDefinition::key)
                .containsExactly("b");
        assertThat(registry.forScope(ProviderScope.SYSTEM))
                .extracting(ProviderDefinition::key)
                .containsExactly("a", "c");
        assertThatThrownBy(() -> apiKey("d").capability("x").capability("x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setupFieldTypesSelectTextareaNumber() {
        SetupField select = SetupField.builder("security")
                .label("Encryption")
                .type(SetupFieldType.SELECT)
                .option("auto", "Auto (from port)")
                .option("none", "None — plaintext")
                .build();
        assertThat(select.options()).extracting(SelectOption::value).containsExactly("auto", "none");
        assertThatThrownBy(() -> SetupField.builder("s")
                        .label("S")
                        .type(SetupFieldType.SELECT)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options");
        assertThat(SetupField.builder("ca_cert")
                        .label("CA")
                        .type(SetupFieldType.TEXTAREA)
                        .build()
                        .type()
                        .wireValue())
                .isEqualTo("textarea");
        assertThat(SetupField.builder("port")
                        .label("Port")
                        .type(SetupFieldType.NUMBER)
                        .build()
                        .type()
                        .wireValue())
                .isEqualTo("number");
    }

    @Test
    void validationSpecIsEitherHttpOrANamedStrategy() {
        ValidationSpec http = ValidationSpec.http("https://api.elevenlabs.io/v1/user", "xi-api-key", "");
        CredentialCheck check = context -> dev.phoenixkit.integrations.ValidationResult.ok();
        ValidationSpec strategy = ValidationSpec.strategy("aws_ses", check);
        assertThat(http).isInstanceOf(ValidationSpec.Http.class);
        assertThat(strategy).isEqualTo(new ValidationSpec.Strategy("aws_ses", check));
        assertThat(strategy).hasToString("Strategy[aws_ses]");
        assertThatThrownBy(() -> ValidationSpec.strategy("Bad Name", check))
                .isInstanceOf(IllegalArgumentException.class);
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(apiKey("s").validation(strategy).build())
                .overrideBaseUrl(URI.create("http://127.0.0.1:9"))
                .build();
        assertThat(registry.get("s").orElseThrow().validation()).contains(strategy);
    }

    @Test
    void validationResultCarriesANoteStoredAsTheValidationStatus() {
        ValidationResult noted = ValidationResult.ok("Connected as @mybot");
        assertThat(noted.isOk()).isTrue();
        assertThat(noted.note()).contains("Connected as @mybot");
        assertThat(noted.validationStatus()).isEqualTo("Connected as @mybot");
        assertThat(ValidationResult.ok().note()).isEmpty();
        assertThat(ValidationResult.ok().validationStatus()).isEqualTo("ok");
        assertThat(ValidationResult.ok(" ")).isEqualTo(ValidationResult.ok());
        assertThat(ValidationResult.error("Invalid credentials").validationStatus())
                .isEqualTo("error: Invalid credentials");
        assertThat(ValidationResult.fromStored("connected", "Connected as @mybot"))
                .isEqualTo(noted);
        assertThat(ValidationResult.fromStored("connected", "ok")).isEqualTo(ValidationResult.ok());
        assertThat(ValidationResult.fromStored("error", "error: Invalid credentials"))
                .isEqualTo(ValidationResult.error("Invalid credentials"));
    }
}
