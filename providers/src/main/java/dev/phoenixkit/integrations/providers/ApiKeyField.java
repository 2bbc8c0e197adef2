package dev.phoenixkit.integrations.providers;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.provider.SetupField;
import dev.phoenixkit.integrations.provider.SetupFieldType;

/** The {@code api_key} setup field shared by the API-key providers. */
final class ApiKeyField {
    private ApiKeyField() {}

    static SetupField of(String placeholder, String help) {
        return SetupField.builder(Fields.API_KEY)
                .label("API Key")
                .type(SetupFieldType.PASSWORD)
                .required(true)
                .placeholder(placeholder)
                .help(help)
                .build();
    }
}
