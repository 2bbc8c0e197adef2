package dev.phoenixkit.integrations.events;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.ValidationResult;
import java.util.Objects;
import java.util.UUID;

/**
 * A change to a connection, one record per PhoenixKit event (topic {@code "phoenix_kit:integrations"}).
 *
 * <p>Every event carries the row uuid and the provider and name parsed from the row's storage key. Events are
 * published after the change is committed. Records are immutable; their {@code toString()} never shows secrets.
 */
public sealed interface IntegrationEvent {
    /** @return the connection's row uuid */
    UUID uuid();

    /** @return the provider key */
    String provider();

    /** @return the connection name (after a rename: the new name) */
    String name();

    /**
     * Setup (credentials or settings) was saved ({@code :integration_setup_saved}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param name     the connection name
     * @param data     the decrypted data as saved (on a remote node: re-read by uuid on arrival)
     */
    record SetupSaved(UUID uuid, String provider, String name, IntegrationData data) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public SetupSaved {
            requireAll(uuid, provider, name);
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * An OAuth2 authorization code was exchanged ({@code :integration_connected}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param name     the connection name
     * @param data     the decrypted data as saved (on a remote node: re-read by uuid on arrival)
     */
    record Connected(UUID uuid, String provider, String name, IntegrationData data) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public Connected {
            requireAll(uuid, provider, name);
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * The connection's credentials were dropped ({@code :integration_disconnected}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param name     the connection name
     */
    record Disconnected(UUID uuid, String provider, String name) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public Disconnected {
            requireAll(uuid, provider, name);
        }
    }

    /**
     * A validation result was recorded and changed the stored status or validation status
     * ({@code :integration_validated}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param name     the connection name
     * @param result   the recorded result
     */
    record Validated(UUID uuid, String provider, String name, ValidationResult result) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public Validated {
            requireAll(uuid, provider, name);
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A connection was created ({@code :integration_connection_added}).
     *
     * @param uuid     the new row's uuid
     * @param provider the provider key
     * @param name     the connection name
     */
    record ConnectionAdded(UUID uuid, String provider, String name) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public ConnectionAdded {
            requireAll(uuid, provider, name);
        }
    }

    /**
     * A connection was deleted ({@code :integration_connection_removed}).
     *
     * @param uuid     the deleted row's uuid
     * @param provider the provider key
     * @param name     the connection name
     */
    record ConnectionRemoved(UUID uuid, String provider, String name) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public ConnectionRemoved {
            requireAll(uuid, provider, name);
        }
    }

    /**
     * A connection was renamed in place; its uuid is unchanged ({@code :integration_connection_renamed}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param oldName  the name before
     * @param newName  the name after
     */
    record ConnectionRenamed(UUID uuid, String provider, String oldName, String newName) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public ConnectionRenamed {
            requireAll(uuid, provider, oldName);
            Objects.requireNonNull(newName, "newName");
        }

        /** @return the new name */
        @Override
        public String name() {
            return newName;
        }
    }

    private static void requireAll(UUID uuid, String provider, String name) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
    }
}
