package dev.phoenixkit.integrations.events;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.Owner;
import dev.phoenixkit.integrations.ValidationResult;
import java.util.Objects;
import java.util.UUID;

/**
 * A change to a connection, one record per PhoenixKit event (topic {@code "phoenix_kit:integrations"}).
 *
 * <p>Every event carries the row uuid, the provider and name (as the storage layout defines them) and the
 * connection's owner ({@code Owner.SYSTEM} or the typed owner; PhoenixKit routes these to per-owner topics). Events are
 * published after the change is committed. Records are immutable; their {@code toString()} never shows secrets.
 */
public sealed interface IntegrationEvent {
    /** @return the connection's row uuid */
    UUID uuid();

    /** @return the provider key */
    String provider();

    /** @return the connection name (after a rename: the new name) */
    String name();

    /** @return whom the connection belongs to ({@link Owner#SYSTEM} for website-wide connections) */
    Owner owner();

    /**
     * Setup (credentials or settings) was saved ({@code :integration_setup_saved}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param name     the connection name
     * @param data     the decrypted data as saved (on a remote node: re-read by uuid on arrival)
     * @param owner    whom the connection belongs to
     */
    record SetupSaved(UUID uuid, String provider, String name, IntegrationData data, Owner owner)
            implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public SetupSaved {
            Objects.requireNonNull(owner, "owner");
            requireAll(uuid, provider, name);
            Objects.requireNonNull(data, "data");
        }

        /**
         * A system connection's event.
         *
         * @param uuid see the record
         * @param provider see the record
         * @param name see the record
         * @param data see the record
         */
        public SetupSaved(UUID uuid, String provider, String name, IntegrationData data) {
            this(uuid, provider, name, data, Owner.SYSTEM);
        }
    }

    /**
     * An OAuth2 authorization code was exchanged ({@code :integration_connected}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param name     the connection name
     * @param data     the decrypted data as saved (on a remote node: re-read by uuid on arrival)
     * @param owner    whom the connection belongs to
     */
    record Connected(UUID uuid, String provider, String name, IntegrationData data, Owner owner)
            implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public Connected {
            Objects.requireNonNull(owner, "owner");
            requireAll(uuid, provider, name);
            Objects.requireNonNull(data, "data");
        }

        /**
         * A system connection's event.
         *
         * @param uuid see the record
         * @param provider see the record
         * @param name see the record
         * @param data see the record
         */
        public Connected(UUID uuid, String provider, String name, IntegrationData data) {
            this(uuid, provider, name, data, Owner.SYSTEM);
        }
    }

    /**
     * The connection's credentials were dropped ({@code :integration_disconnected}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param name     the connection name
     * @param owner    whom the connection belongs to
     */
    record Disconnected(UUID uuid, String provider, String name, Owner owner) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public Disconnected {
            Objects.requireNonNull(owner, "owner");
            requireAll(uuid, provider, name);
        }

        /**
         * A system connection's event.
         *
         * @param uuid see the record
         * @param provider see the record
         * @param name see the record
         */
        public Disconnected(UUID uuid, String provider, String name) {
            this(uuid, provider, name, Owner.SYSTEM);
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
     * @param owner    whom the connection belongs to
     */
    record Validated(UUID uuid, String provider, String name, ValidationResult result, Owner owner)
            implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public Validated {
            Objects.requireNonNull(owner, "owner");
            requireAll(uuid, provider, name);
            Objects.requireNonNull(result, "result");
        }

        /**
         * A system connection's event.
         *
         * @param uuid see the record
         * @param provider see the record
         * @param name see the record
         * @param result see the record
         */
        public Validated(UUID uuid, String provider, String name, ValidationResult result) {
            this(uuid, provider, name, result, Owner.SYSTEM);
        }
    }

    /**
     * A connection was created ({@code :integration_connection_added}).
     *
     * @param uuid     the new row's uuid
     * @param provider the provider key
     * @param name     the connection name
     * @param owner    whom the connection belongs to
     */
    record ConnectionAdded(UUID uuid, String provider, String name, Owner owner) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public ConnectionAdded {
            Objects.requireNonNull(owner, "owner");
            requireAll(uuid, provider, name);
        }

        /**
         * A system connection's event.
         *
         * @param uuid see the record
         * @param provider see the record
         * @param name see the record
         */
        public ConnectionAdded(UUID uuid, String provider, String name) {
            this(uuid, provider, name, Owner.SYSTEM);
        }
    }

    /**
     * A connection was deleted ({@code :integration_connection_removed}).
     *
     * @param uuid     the deleted row's uuid
     * @param provider the provider key
     * @param name     the connection name
     * @param owner    whom the connection belongs to
     */
    record ConnectionRemoved(UUID uuid, String provider, String name, Owner owner) implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public ConnectionRemoved {
            Objects.requireNonNull(owner, "owner");
            requireAll(uuid, provider, name);
        }

        /**
         * A system connection's event.
         *
         * @param uuid see the record
         * @param provider see the record
         * @param name see the record
         */
        public ConnectionRemoved(UUID uuid, String provider, String name) {
            this(uuid, provider, name, Owner.SYSTEM);
        }
    }

    /**
     * A connection was renamed in place; its uuid is unchanged ({@code :integration_connection_renamed}).
     *
     * @param uuid     the row uuid
     * @param provider the provider key
     * @param oldName  the name before
     * @param newName  the name after
     * @param owner    whom the connection belongs to
     */
    record ConnectionRenamed(UUID uuid, String provider, String oldName, String newName, Owner owner)
            implements IntegrationEvent {
        /** Validates that no component is {@code null}. */
        public ConnectionRenamed {
            Objects.requireNonNull(owner, "owner");
            requireAll(uuid, provider, oldName);
            Objects.requireNonNull(newName, "newName");
        }

        /**
         * A system connection's event.
         *
         * @param uuid see the record
         * @param provider see the record
         * @param oldName see the record
         * @param newName see the record
         */
        public ConnectionRenamed(UUID uuid, String provider, String oldName, String newName) {
            this(uuid, provider, oldName, newName, Owner.SYSTEM);
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
