package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationOptionsTest {

    @Test
    void defaultsKeepTheProvidersScopes() {
        AuthorizationOptions options = AuthorizationOptions.defaults();

        assertThat(options.isDefault()).isTrue();
        assertThat(options.replacementScopes()).isEmpty();
        assertThat(options.effectiveScopes("openid email")).isEqualTo("openid email");
    }

    @Test
    void anEmptyReplacementKeepsTheDefaultsAsDocumented() {
        AuthorizationOptions options =
                AuthorizationOptions.builder().scopes(List.of()).build();

        assertThat(options.replacementScopes()).isEmpty();
        assertThat(options.effectiveScopes("openid email")).isEqualTo("openid email");
        assertThat(options).isEqualTo(AuthorizationOptions.defaults());
    }

    @Test
    void aReplacementPlusAdditionsWithoutDuplicates() {
        AuthorizationOptions options = AuthorizationOptions.builder()
                .scopes(List.of("openid", "email"))
                .addScopes(List.of("drive.readonly", "email"))
                .build();

        assertThat(options.replacementScopes()).contains(List.of("openid", "email"));
        assertThat(options.effectiveScopes("openid profile https://www.googleapis.com/auth/drive"))
                .isEqualTo("openid email drive.readonly");
        assertThat(options.isDefault()).isFalse();
    }

    @Test
    void toStringNamesParametersButNotTheirValues() {
        AuthorizationOptions options = AuthorizationOptions.builder()
                .param("login_hint", "ops@example.com")
                .build();

        assertThat(options.toString()).contains("login_hint").doesNotContain("ops@example.com");
        assertThat(options.params()).containsEntry("login_hint", "ops@example.com");
    }

    @Test
    void aReservedParameterIsRefusedByName() {
        assertThatThrownBy(
                        () -> AuthorizationOptions.builder().param("state", "x").build())
                .isInstanceOfSatisfying(
                        IntegrationException.class, e -> assertThat(e.error()).isEqualTo(IntegrationError.INVALID))
                .hasMessageContaining("'state'");
    }
}
