package dev.phoenixkit.testkit.fake;

import java.util.Objects;

/**
 * The account the fake authorization server signs in: what its userinfo endpoints return. Immutable.
 *
 * <p>Google-shaped userinfo returns {@code id}, {@code email}, {@code verified_email}, {@code name} and
 * {@code picture}. Microsoft-Graph-shaped {@code /me} returns {@code id}, {@code displayName}, {@code mail} (JSON
 * {@code null} when {@code email} is {@code null}) and {@code userPrincipalName}.
 *
 * @param id                the stable account id
 * @param email             the e-mail address, or {@code null} (Graph then answers {@code "mail": null})
 * @param name              the display name
 * @param picture           the picture URL (Google only), or {@code null}
 * @param userPrincipalName the Microsoft sign-in name
 */
public record FakeAccount(String id, String email, String name, String picture, String userPrincipalName) {
    /**
     * Validates the components.
     *
     * @throws NullPointerException when {@code id}, {@code name} or {@code userPrincipalName} is {@code null}
     */
    public FakeAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    }

    /** @return the default account: {@code ada@example.com}, "Ada Lovelace", with a picture */
    public static FakeAccount defaultAccount() {
        return new FakeAccount(
                "1001",
                "ada@example.com",
                "Ada Lovelace",
                "https://example.com/ada.png",
                "ada@example.onmicrosoft.com");
    }

    /** @return this account with no e-mail (Graph's {@code mail} is then {@code null}) */
    public FakeAccount withoutEmail() {
        return new FakeAccount(id, null, name, picture, userPrincipalName);
    }
}
