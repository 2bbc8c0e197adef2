package dev.phoenixkit.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.internal.naming.Names;
import dev.phoenixkit.integrations.internal.naming.ProviderRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Name rules, reference parsing and settings keys (docs/phoenixkit-reference.md#1-2, #11-2). */
class NamingTest {
    @Test
    void settingsKeyWhenBareOrNamedThenPhoenixKitKeys() {
        assertThat(Integrations.settingsKey("google")).isEqualTo("integration:google:default");
        assertThat(Integrations.settingsKey("openrouter")).isEqualTo("integration:openrouter:default");
        assertThat(Integrations.settingsKey("google:personal")).isEqualTo("integration:google:personal");
        assertThat(Integrations.settingsKey("openrouter:secondary")).isEqualTo("integration:openrouter:secondary");
    }

    @Test
    void settingsKeyWhenNameHasSpacesThenNotValidated() {
        assertThat(Integrations.settingsKey("google:My Company Drive"))
                .isEqualTo("integration:google:My Company Drive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "google:", ":work", "::"})
    void settingsKeyWhenMalformedThenInvalidProviderKey(String ref) {
        assertThatThrownBy(() -> Integrations.settingsKey(ref))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.INVALID_PROVIDER_KEY));
    }

    @Test
    void parseWhenSeveralColonsThenSplitsOnFirstOnly() {
        assertThat(ProviderRef.tryParse("a:b:c")).contains(new ProviderRef("a", "b:c"));
        assertThat(ProviderRef.fromStorageKey("integration:google")).contains(new ProviderRef("google", "default"));
        assertThat(ProviderRef.fromStorageKey("integration:openrouter:default"))
                .contains(new ProviderRef("openrouter", "default"));
        assertThat(ProviderRef.fromStorageKey("other:thing")).isEmpty();
        assertThat(ProviderRef.fromStorageKey("integration:")).isEmpty();
    }

    @Test
    void isUuidWhenAnyVersionEitherCaseThenTrue() {
        assertThat(Integrations.isUuid("00000000-0000-7000-8000-000000000000")).isTrue();
        assertThat(Integrations.isUuid("0191A3B2-1C2D-7E8F-9A0B-1C2D3E4F5A6B")).isTrue();
        assertThat(Integrations.isUuid("0191a3b2-1c2d-7e8f-9a0b-1c2d3e4f5a6")).isFalse();
        assertThat(Integrations.isUuid("openrouter:default")).isFalse();
        assertThat(Integrations.isUuid(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "my-company_drive", "A1", "9", "work"})
    void checkNameWhenValidThenAccepted(String name) {
        assertThat(Names.checkName("google", "  " + name + " ")).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my drive!", "-bad", "_bad", "my work", "with/slash", "a:b", "ünï"})
    void checkNameWhenPatternFailsThenInvalidName(String name) {
        assertThatThrownBy(() -> Names.checkName("google", name))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.INVALID_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void checkNameWhenBlankThenEmptyName(String name) {
        assertThatThrownBy(() -> Names.checkName("google", name))
                .isInstanceOfSatisfying(
                        IntegrationException.class, e -> assertThat(e.error()).isEqualTo(IntegrationError.EMPTY_NAME));
    }

    @Test
    void checkNameWhenKeyWouldExceed255ThenInvalidName() {
        assertThat(Names.checkName("p", "a".repeat(255 - "integration:p:".length())))
                .hasSize(241);
        assertThatThrownBy(() -> Names.checkName("p", "a".repeat(242))).hasMessageContaining("too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b", "a%", "_a", "-a", "a b"})
    void checkProviderKeyWhenForbiddenCharactersThenInvalidProviderKey(String provider) {
        assertThatThrownBy(() -> Names.checkProviderKey(provider))
                .isInstanceOfSatisfying(
                        IntegrationException.class,
                        e -> assertThat(e.error()).isEqualTo(IntegrationError.INVALID_PROVIDER_KEY));
    }

    @Test
    void escapeLikeWhenWildcardsThenEscaped() {
        assertThat(Names.connectionsPattern("a_b%c\\")).isEqualTo("integration:a\\_b\\%c\\\\:%");
    }
}
