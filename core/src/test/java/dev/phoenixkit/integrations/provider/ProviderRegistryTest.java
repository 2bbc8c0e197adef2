package dev.phoenixkit.integrations.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private static ProviderDefinition apiKey(String key, String name) {
        return ProviderDefinition.builder(key)
                .name(name)
                .authType(AuthType.API_KEY)
                .validation(ValidationSpec.bearer("https://api.example.com/v1/models"))
                .build();
    }

    private static ProviderDefinition oauth(String key) {
        return ProviderDefinition.builder(key)
                .name("OAuth " + key)
                .authType(AuthType.OAUTH2)
                .oauth(OAuthConfig.builder()
                        .authUrl("https://login.example.com/{tenant_id}/oauth2/authorize")
                        .tokenUrl("https://login.example.com/{tenant_id}/oauth2/token")
                        .userinfoUrl("https://graph.example.com/v1.0/me")
                        .urlDefault("tenant_id", "common")
                        .build())
                .build();
    }

    private static ProviderSource builtIns(ProviderDefinition... definitions) {
        return new ProviderSource() {
            @Override
            public List<ProviderDefinition> providers() {
                return List.of(definitions);
            }

            @Override
            public boolean builtIn() {
                return true;
            }
        };
    }

    @Test
    void getWhenReferenceHasNameThenLooksUpThePartBeforeTheFirstColon() {
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(apiKey("openrouter", "OpenRouter"))
                .build();

        assertThat(registry.get("openrouter:work"))
                .map(ProviderDefinition::name)
                .contains("OpenRouter");
        assertThat(registry.get("openrouter:a:b")).isPresent();
        assertThat(registry.get("openrouter")).isPresent();
    }

    @Test
    void getWhenEmptyOrUnknownThenEmpty() {
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(apiKey("openrouter", "OpenRouter"))
                .build();

        assertThat(registry.get("")).isEmpty();
        assertThat(registry.get(":openrouter")).isEmpty();
        assertThat(registry.get("nonexistent")).isEmpty();
        assertThatThrownBy(() -> registry.get(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("keyOrRef");
    }

    @Test
    void buildWhenAnAddedDefinitionClashesWithABuiltInThenFailsNamingReplace() {
        ProviderRegistry.Builder builder = ProviderRegistry.builder()
                .add(apiKey("google", "Impostor"))
                .addAll(builtIns(oauth("google"), apiKey("mistral", "Mistral")));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'google' is defined twice")
                .hasMessageContaining("replace(definition)");
    }

    @Test
    void buildWhenTwoContributedDefinitionsShareAKeyThenFails() {
        ProviderRegistry.Builder builder = ProviderRegistry.builder()
                .add(apiKey("custom", "First"))
                .addAll(() -> List.of(apiKey("custom", "Second")));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'custom' is defined twice");
    }

    @Test
    void replaceWhenKeyIsABuiltInThenTakesItsPlaceAndBuiltInsStillComeFirst() {
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(apiKey("custom", "Custom"))
                .replace(apiKey("google", "Own Google"))
                .addAll(builtIns(oauth("google"), apiKey("mistral", "Mistral")))
                .replace(apiKey("brand-new", "New"))
                .build();

        assertThat(registry.all())
                .extracting(ProviderDefinition::key)
                .containsExactly("google", "mistral", "custom", "brand-new");
        assertThat(registry.get("google")).map(ProviderDefinition::name).contains("Own Google");
        assertThatThrownBy(() -> ProviderRegistry.builder()
                        .replace(apiKey("x", "A"))
                        .replace(apiKey("x", "B"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replaced twice");
    }

    @Test
    void overrideUrlWhenOneEndpointThenOnlyThatUrlChangesAndItWinsOverTheBaseUrl() {
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(oauth("microsoft"))
                .add(apiKey("deepseek", "DeepSeek"))
                .overrideBaseUrl(URI.create("http://127.0.0.1:1"))
                .overrideUrl("microsoft", ProviderEndpoint.TOKEN, "https://proxy.example.com/{tenant_id}/token")
                .overrideUrl("deepseek", ProviderEndpoint.VALIDATION, "http://127.0.0.1:2/check")
                .build();

        OAuthConfig config = registry.get("microsoft")
                .flatMap(ProviderDefinition::oauthConfig)
                .orElseThrow();
        assertThat(config.tokenUrl()).isEqualTo("https://proxy.example.com/{tenant_id}/token");
        assertThat(config.authUrl()).isEqualTo("http://127.0.0.1:1/{tenant_id}/oauth2/authorize");
        assertThat(config.userinfoUrl()).contains("http://127.0.0.1:1/v1.0/me");
        assertThat(registry.get("deepseek")
                        .flatMap(ProviderDefinition::validation)
                        .map(spec -> ((ValidationSpec.Http) spec).url()))
                .contains("http://127.0.0.1:2/check");
    }

    @Test
    void overrideUrlWhenProviderOrEndpointMissingOrUrlNotHttpThenRejected() {
        assertThatThrownBy(() -> ProviderRegistry.builder()
                        .add(apiKey("deepseek", "DeepSeek"))
                        .overrideUrl("nope", ProviderEndpoint.TOKEN, "https://x.example.com/t")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'nope', which is not registered");
        assertThatThrownBy(() -> ProviderRegistry.builder()
                        .add(apiKey("deepseek", "DeepSeek"))
                        .overrideUrl("deepseek", ProviderEndpoint.TOKEN, "https://x.example.com/t")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no such endpoint");
        assertThatThrownBy(() -> ProviderRegistry.builder()
                        .overrideUrl("deepseek", ProviderEndpoint.VALIDATION, "ftp://x.example.com/t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overrideBaseUrlWhenGlobalThenEveryUrlKeepsItsPathOnTheNewServer() {
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(apiKey("mistral", "Mistral"))
                .add(oauth("microsoft"))
                .overrideBaseUrl(URI.create("http://127.0.0.1:4321/"))
                .build();

        assertThat(registry.get("mistral")
                        .orElseThrow()
                        .validation()
                        .map(ValidationSpec.Http.class::cast)
                        .orElseThrow()
                        .url())
                .isEqualTo("http://127.0.0.1:4321/v1/models");
        OAuthConfig oauth =
                registry.get("microsoft").orElseThrow().oauthConfig().orElseThrow();
        assertThat(oauth.authUrl()).isEqualTo("http://127.0.0.1:4321/{tenant_id}/oauth2/authorize");
        assertThat(oauth.tokenUrl()).isEqualTo("http://127.0.0.1:4321/{tenant_id}/oauth2/token");
        assertThat(oauth.userinfoUrl()).contains("http://127.0.0.1:4321/v1.0/me");
        assertThat(oauth.urlDefaults()).containsEntry("tenant_id", "common");
    }

    @Test
    void overrideBaseUrlWhenPerProviderThenItWinsOverTheGlobalOneAndKeepsItsPathPrefix() {
        ProviderRegistry registry = ProviderRegistry.builder()
                .add(apiKey("mistral", "Mistral"))
                .add(apiKey("deepseek", "DeepSeek"))
                .overrideBaseUrl(URI.create("http://127.0.0.1:1"))
                .overrideBaseUrl("deepseek", URI.create("http://127.0.0.1:2/deepseek"))
                .build();

        assertThat(registry.get("mistral")
                        .orElseThrow()
                        .validation()
                        .map(ValidationSpec.Http.class::cast)
                        .orElseThrow()
                        .url())
                .isEqualTo("http://127.0.0.1:1/v1/models");
        assertThat(registry.get("deepseek")
                        .orElseThrow()
                        .validation()
                        .map(ValidationSpec.Http.class::cast)
                        .orElseThrow()
                        .url())
                .isEqualTo("http://127.0.0.1:2/deepseek/v1/models");
    }

    @Test
    void overrideBaseUrlWhenNotAnAbsoluteHttpUrlThenRejected() {
        assertThatThrownBy(() -> ProviderRegistry.builder().overrideBaseUrl(URI.create("ftp://host")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> ProviderRegistry.builder().overrideBaseUrl(URI.create("http://host/?q=1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void loadDefaultWhenNoSourceOnTheClassPathThenEmpty() {
        assertThat(ProviderRegistry.loadDefault().all()).isEmpty();
    }

    @Test
    void addAllWhenSourceThrowsThenTheFailurePropagates() {
        ProviderSource broken = () -> {
            throw new IllegalStateException("boom");
        };

        assertThatThrownBy(() -> ProviderRegistry.builder().addAll(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }
}
