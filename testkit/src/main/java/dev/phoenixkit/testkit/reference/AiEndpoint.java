package dev.phoenixkit.testkit.reference;

import java.util.UUID;

/**
 * The columns of a {@code phoenix_kit_ai_endpoints} row the reference module needs. {@link #toString()} leaves the
 * API key out (it says only whether one is stored).
 *
 * @param uuid            the endpoint's uuid
 * @param name            its name
 * @param provider        {@code "openrouter"}, {@code "provider:name"}, or uuid text
 * @param apiKey          the legacy key column ({@code ""} once migrated; the column is NOT NULL)
 * @param integrationUuid the connection it points at, or {@code null}
 */
public record AiEndpoint(UUID uuid, String name, String provider, String apiKey, UUID integrationUuid) {
    @Override
    public String toString() {
        return "AiEndpoint[uuid=" + uuid + ", name=" + name + ", provider=" + provider + ", apiKey="
                + (apiKey == null || apiKey.isEmpty() ? "<none>" : "<redacted>") + ", integrationUuid="
                + integrationUuid + "]";
    }
}
