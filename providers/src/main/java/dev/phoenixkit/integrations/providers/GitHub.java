package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.provider.AuthType;
import dev.phoenixkit.integrations.provider.InstructionSection;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import dev.phoenixkit.integrations.provider.ProviderScope;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;
import dev.phoenixkit.integrations.provider.ValidationSpec;
import java.util.List;

/**
 * GitHub by personal access token (stored as {@code api_key}), validated with
 * {@code GET https://api.github.com/rate_limit} and {@code Authorization: Bearer}. GitHub refuses requests without
 * a {@code User-Agent}; the JDK's HTTP client always sends one. Stateless.
 */
public final class GitHub {
    /** The provider key. */
    public static final String KEY = "github";

    private static final ProviderDefinition DEFINITION = ProviderDefinition.builder(KEY)
            .name("GitHub")
            .description("GitHub API token — org statistics, repositories (read-only is enough)")
            .icon("hero-code-bracket-square")
            .authType(AuthType.API_KEY)
            .scopes(ProviderScope.SYSTEM, ProviderScope.PERSONAL)
            .validation(ValidationSpec.http("https://api.github.com/rate_limit", "Authorization", "Bearer "))
            .setupField(SetupField.builder(Fields.API_KEY)
                    .label("Personal access token")
                    .type(SetupFieldType.PASSWORD)
                    .required(true)
                    .placeholder("github_pat_… / ghp_…")
                    .help("github.com/settings/personal-access-tokens — fine-grained, read-only")
                    .build())
            .capability("github_api")
            .instruction(InstructionSection.of(
                    "Create a token",
                    List.of(
                            "Go to [Fine-grained tokens](https://github.com/settings/personal-access-tokens) and"
                                    + " click **Generate new token**",
                            "Repository access: **Public repositories (read-only)** — no extra permissions needed"
                                    + " for public-org statistics",
                            "Copy the token and paste it into the form above")))
            .build();

    private GitHub() {}

    /** @return the GitHub provider definition */
    public static ProviderDefinition definition() {
        return DEFINITION;
    }
}
