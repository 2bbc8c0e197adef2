package dev.phoenixkit.integrations.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.internal.protocol.AuthorizationUrls;
import dev.phoenixkit.integrations.internal.protocol.OAuthStates;
import dev.phoenixkit.integrations.internal.protocol.Pkce;
import dev.phoenixkit.integrations.provider.OAuthConfig;
import dev.phoenixkit.integrations.providers.Google;
import dev.phoenixkit.integrations.providers.Microsoft;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/phoenixkit-reference.md#11-4 (authorization_url, generate_state, state) plus PKCE and the blank-tenant fix. */
class AuthorizationUrlTest {
    private static final OAuthConfig GOOGLE = Google.definition().oauthConfig().orElseThrow();
    private static final OAuthConfig MICROSOFT =
            Microsoft.definition().oauthConfig().orElseThrow();
    private static final String REDIRECT = "https://app.example.com/admin/settings/integrations/callback";
    private static final Map<String, Object> DATA = Map.of("client_id", "test-client-id");

    private static String url(OAuthConfig config, Map<String, ?> data, String extraScopes, String state) {
        return AuthorizationUrls.build(config, data, REDIRECT, extraScopes, state, null)
                .toString();
    }

    private static String query(String url) {
        return URI.create(url).getRawQuery();
    }

    @Test
    void buildWhenGoogleThenHasClientIdEncodedRedirectCodeResponseAndAuthParams() {
        String url = url(GOOGLE, DATA, null, null);

        assertThat(url).startsWith("https://accounts.google.com/o/oauth2/v2/auth?");
        assertThat(query(url))
                .contains(
                        "client_id=test-client-id",
                        "redirect_uri=https%3A%2F%2Fapp.example.com%2Fadmin%2Fsettings%2Fintegrations%2Fcallback",
                        "response_type=code",
                        "access_type=offline",
                        "prompt=consent");
    }

    @Test
    void buildWhenNoExtraScopesThenUsesTheDefaultScopesFormEncoded() {
        assertThat(query(url(GOOGLE, DATA, null, null)))
                .contains(
                        "scope=openid+email+profile+"
                                + "https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive+https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdocuments");
    }

    @Test
    void buildWhenExtraScopesGivenThenTheyReplaceTheDefaults() {
        String query = query(url(GOOGLE, DATA, "custom-scope", null));

        assertThat(query).contains("scope=custom-scope").doesNotContain("auth%2Fdrive");
    }

    @Test
    @DisplayName("blank extra scopes mean the defaults (PhoenixKit would send an empty scope)")
    void buildWhenExtraScopesBlankThenUsesTheDefaults() {
        assertThat(query(url(GOOGLE, DATA, "  ", null))).contains("scope=openid+email");
    }

    @Test
    void buildWhenClientIdMissingOrEmptyThenClientIdNotConfigured() {
        for (Map<String, Object> data :
                List.<Map<String, Object>>of(Map.of(), Map.of("client_id", ""), Map.of("client_id", "   "))) {
            assertThatThrownBy(() -> url(GOOGLE, data, null, null))
                    .isInstanceOfSatisfying(
                            IntegrationException.class,
                            e -> assertThat(e.error()).isEqualTo(IntegrationError.CLIENT_ID_NOT_CONFIGURED));
        }
    }

    @Test
    void buildWhenCustomConfigThenUsesItsScopesAndParams() {
        OAuthConfig config = OAuthConfig.builder()
                .authUrl("https://auth.example.com/authorize")
                .tokenUrl("https://auth.example.com/token")
                .defaultScopes("scope1")
                .authParam("foo", "bar")
                .build();

        String query = query(url(config, DATA, null, null));

        assertThat(query).contains("scope=scope1", "foo=bar");
    }

    @Test
    void buildWhenAuthParamNamesABaseParamThenTheAuthParamWins() {
        OAuthConfig config =
                GOOGLE.toBuilder().authParam("response_type", "code id_token").build();

        assertThat(query(url(config, DATA, null, null)))
                .contains("response_type=code+id_token")
                .doesNotContain("response_type=code&");
    }

    @Test
    void buildThenParametersAreSortedByName() {
        String query = query(url(GOOGLE, DATA, null, "s1"));

        List<String> names = java.util.Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=")[0])
                .toList();
        assertThat(names)
                .isSorted()
                .containsExactly(
                        "access_type", "client_id", "prompt", "redirect_uri", "response_type", "scope", "state");
    }

    @Test
    void buildWhenTenantStoredThenItIsSubstituted() {
        Map<String, Object> data = Map.of("client_id", "c", "tenant_id", "11111111-2222-3333-4444-555555555555");

        assertThat(url(MICROSOFT, data, null, null))
                .startsWith(
                        "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/authorize?");
    }

    @Test
    void buildWhenNoTenantStoredThenTheUrlDefaultCommonIsUsed() {
        assertThat(url(MICROSOFT, Map.of("client_id", "c"), null, null))
                .startsWith("https://login.microsoftonline.com/common/oauth2/v2.0/authorize?");
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-3: a blank tenant_id counts as missing, so `common` applies (no `//`)")
    void buildWhenTenantBlankThenTheUrlDefaultIsUsed() {
        for (String blank : List.of("", "   ")) {
            Map<String, Object> data = Map.of("client_id", "c", "tenant_id", blank);

            assertThat(url(MICROSOFT, data, null, null))
                    .startsWith("https://login.microsoftonline.com/common/oauth2/v2.0/authorize?")
                    .doesNotContain(".com//");
        }
    }

    @Test
    void buildWhenTenantHoldsSlashesThenTheyAreEncodedAndCannotAddPathSegments() {
        Map<String, Object> data = Map.of("client_id", "c", "tenant_id", "evil/../x?y");

        assertThat(url(MICROSOFT, data, null, null))
                .startsWith("https://login.microsoftonline.com/evil%2F..%2Fx%3Fy/oauth2/v2.0/authorize?");
    }

    @Test
    void buildWhenUrlHasNoPlaceholdersThenItIsUnchangedEvenWithATenant() {
        Map<String, Object> data = Map.of("client_id", "c", "tenant_id", "some-tenant");

        assertThat(url(GOOGLE, data, null, null)).startsWith("https://accounts.google.com/o/oauth2/v2/auth?");
    }

    @Test
    void buildWhenStateGivenThenIncludedAndWhenNullThenOmitted() {
        assertThat(query(url(GOOGLE, DATA, null, "test-state-123"))).contains("state=test-state-123");
        assertThat(query(url(GOOGLE, DATA, null, null))).doesNotContain("state=");
    }

    @Test
    @DisplayName("docs/behaviour.md#fix-2: PKCE S256 challenge in the URL matches the verifier")
    void buildWhenPkceGivenThenChallengeAndMethodS256AreSent() {
        Pkce pkce = Pkce.generate();

        String query = query(AuthorizationUrls.build(GOOGLE, DATA, REDIRECT, null, null, pkce)
                .toString());

        assertThat(query).contains("code_challenge=" + pkce.challenge(), "code_challenge_method=S256");
        assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Pkce.fromVerifier(pkce.verifier()).challenge()).isEqualTo(pkce.challenge());
        assertThat(pkce.toString()).doesNotContain(pkce.verifier());
    }

    @Test
    void pkceChallengeMatchesTheRfc7636AppendixBExample() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void generateStateThenNonEmptyUrlSafe32Bytes() {
        String state = OAuthStates.generate();

        assertThat(state).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void generateStateWhenCalledTenTimesThenAllUnique() {
        Set<String> states = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            states.add(OAuthStates.generate());
        }

        assertThat(states).hasSize(10);
    }

    @Test
    void statesMatchOnlyWhenBothNonEmptyAndEqual() {
        assertThat(OAuthStates.matches("abc", "abc")).isTrue();
        assertThat(OAuthStates.matches("abc", "abd")).isFalse();
        assertThat(OAuthStates.matches("", "")).isFalse();
        assertThat(OAuthStates.matches(null, "abc")).isFalse();
        assertThat(OAuthStates.matches("abc", null)).isFalse();
    }

    @Test
    void buildDoesNotModifyTheData() {
        Map<String, Object> data = new HashMap<>(DATA);

        url(MICROSOFT, data, null, "s");

        assertThat(data).isEqualTo(DATA);
    }
}
