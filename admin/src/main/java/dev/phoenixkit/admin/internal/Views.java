package dev.phoenixkit.admin.internal;

import java.util.List;

/**
 * The view models the templates render: plain, already formatted text (the templates escape it). Nothing here ever
 * holds a secret; a stored secret reaches a view only through {@link Masking#mask(String)}.
 */
public final class Views {
    private Views() {}

    /**
     * What every page has.
     *
     * @param title        the page title
     * @param base         the console's URL path (context path + base path), links are built on it
     * @param csrf         the CSRF token for forms
     * @param notice       a message at the top, or {@code null}
     * @param banner       warnings shown above everything (plaintext secrets)
     * @param assetVersion a cache-busting version of the static files
     */
    public record Page(
            String title, String base, String csrf, Notice notice, List<String> banner, String assetVersion) {
        public Page {
            banner = List.copyOf(banner);
        }
    }

    /**
     * @param kind "ok", "error" or "info"
     * @param text the message
     */
    public record Notice(String kind, String text) {}

    /**
     * @param name  the provider's display name
     * @param key   the provider key
     * @param icon  the provider's icon name
     * @param rows  its connections
     */
    public record ProviderGroup(String name, String key, String icon, List<Row> rows) {
        public ProviderGroup {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One connection on the list page.
     *
     * @param uuid         its uuid
     * @param name         its name, verbatim
     * @param status       the wire status (disconnected, configured, connected, error)
     * @param statusLabel  what the badge says
     * @param note         the validation note ("" for none)
     * @param account      the connected account ("" for none)
     * @param connectedAgo "Connected 3 minutes ago" ("" for never)
     * @param testedAgo    "Last tested 1 hour ago" ("" for never)
     */
    public record Row(
            String uuid,
            String name,
            String status,
            String statusLabel,
            String note,
            String account,
            String connectedAgo,
            String testedAgo) {}

    /**
     * @param groups    connections by provider (only providers that have some)
     * @param providers every provider's display name (for the empty state)
     */
    public record ListView(List<ProviderGroup> groups, List<String> providers) {
        public ListView {
            groups = List.copyOf(groups);
            providers = List.copyOf(providers);
        }
    }

    /**
     * @param key         the provider key
     * @param name        its display name
     * @param icon        its icon name
     * @param description its description
     * @param authType    its auth type's wire value
     */
    public record ProviderChoice(String key, String name, String icon, String description, String authType) {}

    /**
     * @param value    the option's value
     * @param label    its label
     * @param selected whether it is chosen
     */
    public record OptionView(String value, String label, boolean selected) {}

    /**
     * A setup field.
     *
     * @param key         the field key (the input is named {@code f.<key>})
     * @param label       its label
     * @param type        text, password, textarea, number or select
     * @param required    whether it must be filled
     * @param placeholder its placeholder ("" for none)
     * @param help        its help text ("" for none)
     * @param options     the select options
     * @param value       the value to show (always "" for a secret)
     * @param masked      for a secret with a stored value, the masked value ("" otherwise)
     * @param secret      whether the field is a secret (never rendered back)
     * @param error       the field's error ("" for none)
     */
    public record FieldView(
            String key,
            String label,
            String type,
            boolean required,
            String placeholder,
            String help,
            List<OptionView> options,
            String value,
            String masked,
            boolean secret,
            String error) {
        public FieldView {
            options = List.copyOf(options);
        }

        /** @return the input's name */
        public String inputName() {
            return "f." + key;
        }

        /** @return the input's id */
        public String inputId() {
            return "field-" + key;
        }
    }

    /**
     * @param title the section title
     * @param steps its steps (the redirect URI already filled in)
     * @param note  a note ("" for none)
     */
    public record Instruction(String title, List<String> steps, String note) {
        public Instruction {
            steps = List.copyOf(steps);
        }
    }

    /**
     * @param when    when, absolute (UTC)
     * @param ago     when, relative
     * @param action  the action
     * @param actor   who (a uuid, or "system")
     * @param details non-secret details
     */
    public record AuditView(String when, String ago, String action, String actor, String details) {}

    /**
     * The new and edit form.
     *
     * @param isNew          whether this creates a connection
     * @param uuid           the connection's uuid ("" when new)
     * @param providerKey    the provider key
     * @param providerName   its display name
     * @param providerIcon   its icon name
     * @param description    its description
     * @param oauth          whether it is an OAuth2 provider
     * @param name           the connection name as typed or stored
     * @param nameError      the name's error ("" for none)
     * @param fields         the setup fields
     * @param instructions   the setup instructions
     * @param redirectUri    the OAuth redirect URI to register ("" unless OAuth2)
     * @param status         the wire status ("" when new)
     * @param statusLabel    the badge text
     * @param note           the validation note ("" for none)
     * @param account        the connected account ("" for none)
     * @param connectedAgo   "Connected 3 minutes ago" ("" for never)
     * @param testedAgo      "Last tested 1 hour ago" ("" for never)
     * @param result         the outcome of a test or save shown at the form, or {@code null}
     * @param audit          the audit trail, newest first
     * @param secretsRetyped whether a re-render dropped typed secrets (they are never sent back)
     */
    public record FormView(
            boolean isNew,
            String uuid,
            String providerKey,
            String providerName,
            String providerIcon,
            String description,
            boolean oauth,
            String name,
            String nameError,
            List<FieldView> fields,
            List<Instruction> instructions,
            String redirectUri,
            String status,
            String statusLabel,
            String note,
            String account,
            String connectedAgo,
            String testedAgo,
            Notice result,
            List<AuditView> audit,
            boolean secretsRetyped) {
        public FormView {
            fields = List.copyOf(fields);
            instructions = List.copyOf(instructions);
            audit = List.copyOf(audit);
        }

        /** @return where the form posts */
        public String action() {
            return isNew ? "new" : uuid;
        }
    }

    /**
     * @param uuid         the connection
     * @param name         its name
     * @param providerName its provider's display name
     */
    public record RemoveView(String uuid, String name, String providerName) {}

    /**
     * @param heading  the heading
     * @param text     the message
     * @param linkHref where to go next (relative to the console's base)
     * @param linkText the link's text
     */
    public record MessageView(String heading, String text, String linkHref, String linkText) {}

    /**
     * @param uuid        the connection
     * @param name        its name
     * @param subtitle    account or masked credential ("" for none)
     * @param statusLabel the status text
     * @param connected   whether it is connected
     * @param selected    whether it is the stored choice
     */
    public record PickerCard(
            String uuid, String name, String subtitle, String statusLabel, boolean connected, boolean selected) {}

    /**
     * @param fieldName   the form field
     * @param providerKey the provider key
     * @param cards       the connections
     * @param deletedUuid the stored choice that no longer exists ("" for none)
     */
    public record PickerView(String fieldName, String providerKey, List<PickerCard> cards, String deletedUuid) {
        public PickerView {
            cards = List.copyOf(cards);
        }

        /** @return whether nothing is chosen */
        public boolean noneSelected() {
            return deletedUuid.isEmpty() && cards.stream().noneMatch(PickerCard::selected);
        }
    }
}
