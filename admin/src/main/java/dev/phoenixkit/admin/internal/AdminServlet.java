package dev.phoenixkit.admin.internal;

import dev.phoenixkit.admin.internal.Views.FormView;
import dev.phoenixkit.admin.internal.Views.ListView;
import dev.phoenixkit.admin.internal.Views.MessageView;
import dev.phoenixkit.admin.internal.Views.Notice;
import dev.phoenixkit.admin.internal.Views.Page;
import dev.phoenixkit.admin.internal.Views.ProviderChoice;
import dev.phoenixkit.admin.internal.Views.ProviderGroup;
import dev.phoenixkit.admin.internal.Views.RemoveView;
import dev.phoenixkit.integrations.AuthorizationOptions;
import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.EncryptionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.provider.ProviderDefinition;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's one servlet: routes by the path below the base path, asks the host's access policy, checks CSRF on
 * every POST, and renders the jte templates. Stateless (no HTTP session); thread-safe.
 *
 * <p>Routes (below the base): {@code GET /} list; {@code GET /new[?provider=]} choose a provider, its form;
 * {@code POST /new} test or save; {@code GET|POST /<uuid>} edit; {@code POST /<uuid>/test}, {@code /connect},
 * {@code /disconnect}; {@code GET|POST /<uuid>/remove}; {@code GET /oauth/callback}; {@code GET /picker};
 * {@code GET /assets/<file>}.
 */
public final class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);
    /** The OAuth callback below the base path. */
    public static final String CALLBACK_PATH = "/oauth/callback";

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final transient AdminConfig config;
    private final transient Integrations integrations;

    /** @param config what the console was built with */
    public AdminServlet(AdminConfig config) {
        this.config = config;
        this.integrations = config.integrations();
    }

    /** One request's context. */
    private record Call(
            HttpServletRequest request, HttpServletResponse response, UUID actor, String base, String csrf) {}

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        String base = request.getContextPath() + config.basePath();
        String uri = request.getRequestURI();
        if (!uri.startsWith(base)) {
            notFound(response);
            return;
        }
        String route = uri.substring(base.length());
        if (!route.isEmpty() && !route.startsWith("/")) {
            notFound(response);
            return;
        }
        String method = request.getMethod();
        if (route.startsWith("/assets/") && (method.equals("GET") || method.equals("HEAD"))) {
            asset(route.substring("/assets/".length()), response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        Optional<UUID> actor;
        try {
            actor = config.access().actor(request);
        } catch (RuntimeException e) {
            LOG.warn("The admin console's access policy failed; the request is refused: {}", e.toString());
            actor = Optional.empty();
        }
        if (actor == null || actor.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("Access to the integrations console was refused.\n");
            return;
        }
        String cookiePath = base.isEmpty() ? "/" : base;
        String csrf = Csrf.ensure(request, response, cookiePath);
        Call call = new Call(request, response, actor.get(), base, csrf);
        boolean post = method.equals("POST");
        if (!post && !method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (post && !Csrf.verify(request, config.publicBaseUri())) {
            message(
                    call,
                    HttpServletResponse.SC_FORBIDDEN,
                    "Request refused",
                    "This form has expired or was sent from another site, so nothing was changed. Reload the page"
                            + " and try again.",
                    "",
                    "Back to connections");
            return;
        }
        try {
            dispatch(call, route, post);
        } catch (IntegrationException e) {
            if (e.error() == IntegrationError.NOT_CONFIGURED || e.error() == IntegrationError.DELETED) {
                redirect(call, "/?m=not_found");
                return;
            }
            LOG.warn("Admin console {} {} failed: {}", method, routeShape(route), e.error());
            message(
                    call,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "That did not work",
                    e.getMessage(),
                    "",
                    "Back to connections");
        } catch (RuntimeException e) {
            LOG.error("Admin console {} {} failed", method, routeShape(route), e);
            message(
                    call,
                    HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    "The request failed and was logged. Nothing more was changed.",
                    "",
                    "Back to connections");
        }
    }

    private void dispatch(Call call, String route, boolean post) throws IOException {
        String[] parts = route.isEmpty() || route.equals("/")
                ? new String[0]
                : route.substring(1).split("/", -1);
        if (parts.length == 0) {
            if (post) {
                notFound(call.response());
            } else {
                list(call);
            }
            return;
        }
        if (parts.length == 1 && parts[0].equals("new")) {
            if (post) {
                createPost(call);
            } else {
                createGet(call);
            }
            return;
        }
        if (parts.length == 2 && parts[0].equals("oauth") && parts[1].equals("callback") && !post) {
            callback(call);
            return;
        }
        if (parts.length == 1 && parts[0].equals("picker") && !post) {
            pickerPage(call);
            return;
        }
        if (!Integrations.isUuid(parts[0]) || parts.length > 2) {
            notFound(call.response());
            return;
        }
        UUID uuid = UUID.fromString(parts[0]);
        Optional<Connection> found = find(uuid);
        if (found.isEmpty()) {
            if (wantsJson(call.request())) {
                json(call.response(), HttpServletResponse.SC_NOT_FOUND, false, "Integration not found.");
            } else {
                redirect(call, "/?m=not_found");
            }
            return;
        }
        Connection connection = found.get();
        String action = parts.length == 2 ? parts[1] : "";
        switch (action) {
            case "" -> {
                if (post) {
                    editPost(call, connection);
                } else {
                    editGet(call, connection);
                }
            }
            case "test" -> requirePost(call, post, () -> testStored(call, connection));
            case "connect" -> requirePost(call, post, () -> connect(call, connection));
            case "disconnect" ->
                requirePost(call, post, () -> {
                    integrations.disconnect(connection.uuid(), call.actor());
                    redirect(call, "/" + connection.uuid() + "?m=disconnected");
                });
            case "remove" -> {
                if (post && "yes".equals(call.request().getParameter("confirm"))) {
                    integrations.removeConnection(connection.uuid(), call.actor());
                    redirect(call, "/?m=removed");
                } else if (post) {
                    redirect(call, "/" + connection.uuid() + "/remove");
                } else {
                    render(
                            call,
                            200,
                            "remove.jte",
                            "Remove " + connection.name(),
                            null,
                            List.of(),
                            "view",
                            new RemoveView(
                                    connection.uuid().toString(),
                                    connection.name(),
                                    providerName(connection.provider())));
                }
            }
            default -> notFound(call.response());
        }
    }

    /** An action that only a POST may run. */
    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    private static void requirePost(Call call, boolean post, Action action) throws IOException {
        if (!post) {
            call.response().setHeader("Allow", "POST");
            call.response().sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        action.run();
    }

    // ---------------------------------------------------------------- list

    private void list(Call call) throws IOException {
        List<ProviderDefinition> providers = integrations.listProviders();
        Map<String, List<Connection>> byProvider = new LinkedHashMap<>();
        for (Connection connection : integrations.listIntegrations()) {
            byProvider
                    .computeIfAbsent(connection.provider(), key -> new ArrayList<>())
                    .add(connection);
        }
        java.time.Instant now = config.clock().instant();
        List<ProviderGroup> groups = new ArrayList<>();
        byProvider.forEach((key, connections) -> {
            Optional<ProviderDefinition> provider = integrations.providers().get(key);
            groups.add(new ProviderGroup(
                    provider.map(ProviderDefinition::name).orElse(key),
                    key,
                    provider.map(ProviderDefinition::icon).orElse(""),
                    connections.stream().map(c -> ConnectionViews.row(c, now)).toList()));
        });
        ListView view = new ListView(
                groups, providers.stream().map(ProviderDefinition::name).toList());
        render(call, 200, "list.jte", "Connections", notice(call), banner(), "view", view);
    }

    private List<String> banner() {
        EncryptionStatus status = integrations.encryptionStatus();
        List<String> warnings = new ArrayList<>();
        if (!status.encryptionEnabled()) {
            warnings.add("Credentials are stored in plain text: this application's Integrations has no encryption"
                    + " key (SecretCipher.none()). Configure a key, then encrypt the stored values with"
                    + " reencryptAll (CLI: keys reencrypt).");
        } else if (status.plaintextValues() > 0) {
            warnings.add(status.plaintextValues() + " stored credential value(s) are still in plain text. Encrypt"
                    + " them with reencryptAll (CLI: keys reencrypt).");
        }
        if (status.undecryptableValues() > 0) {
            warnings.add(status.undecryptableValues() + " stored credential value(s) in "
                    + status.undecryptableRows().size() + " connection(s) cannot be decrypted with the configured"
                    + " keys: add the key they were written with, or enter those credentials again.");
        }
        return warnings;
    }

    // ---------------------------------------------------------------- new

    private void createGet(Call call) throws IOException {
        String key = call.request().getParameter("provider");
        if (key == null || key.isBlank()) {
            List<ProviderChoice> choices = integrations.listProviders().stream()
                    .map(p -> new ProviderChoice(
                            p.key(),
                            p.name(),
                            p.icon(),
                            p.description(),
                            p.authType().wireValue()))
                    .toList();
            render(call, 200, "choose.jte", "Add a connection", null, List.of(), "providers", choices);
            return;
        }
        Optional<ProviderDefinition> provider = integrations.providers().get(key);
        if (provider.isEmpty() || !provider.get().key().equals(key)) {
            message(
                    call,
                    HttpServletResponse.SC_NOT_FOUND,
                    "Unknown provider",
                    "There is no provider with that key. Choose one of the listed providers.",
                    "new",
                    "Choose a provider");
            return;
        }
        FormView form = ConnectionViews.newForm(provider.get(), "", Map.of(), Map.of(), null, redirectUri(call), false);
        render(call, 200, "form.jte", "New " + provider.get().name() + " connection", null, List.of(), "form", form);
    }

    private void createPost(Call call) throws IOException {
        String key = call.request().getParameter("provider");
        Optional<ProviderDefinition> found =
                key == null ? Optional.empty() : integrations.providers().get(key);
        if (found.isEmpty() || !found.get().key().equals(key)) {
            message(
                    call,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "Unknown provider",
                    "There is no provider with that key. Choose one of the listed providers.",
                    "new",
                    "Choose a provider");
            return;
        }
        ProviderDefinition provider = found.get();
        TypedSetup typed = TypedSetup.read(call.request(), provider, IntegrationData.empty());
        boolean test = "test".equals(call.request().getParameter("intent"));
        if (test) {
            Notice result;
            if (!typed.valid()) {
                result = new Notice("error", "Fill in the marked fields to test.");
            } else {
                ValidationResult outcome = integrations.validateCredentials(provider.key(), typed.attrs());
                result = outcome(outcome);
            }
            if (wantsJson(call.request())) {
                json(call.response(), 200, "ok".equals(result.kind()), result.text());
                return;
            }
            FormView form = ConnectionViews.newForm(
                    provider,
                    typed.name(),
                    typed.shown(),
                    typed.errors(),
                    result,
                    redirectUri(call),
                    typed.hadSecret());
            render(
                    call,
                    typed.valid() ? 200 : 422,
                    "form.jte",
                    "New " + provider.name() + " connection",
                    null,
                    List.of(),
                    "form",
                    form);
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>(typed.errors());
        if (typed.name().isEmpty()) {
            errors.put("name", "Please enter a connection name.");
        }
        Connection created = null;
        if (errors.isEmpty()) {
            try {
                created = integrations.addConnection(provider.key(), typed.name(), call.actor());
            } catch (IntegrationException e) {
                errors.put("name", nameError(e));
            }
        }
        if (created == null) {
            FormView form = ConnectionViews.newForm(
                    provider,
                    typed.name(),
                    typed.shown(),
                    errors,
                    new Notice("error", "Nothing was saved: correct the marked fields."),
                    redirectUri(call),
                    typed.hadSecret());
            render(call, 422, "form.jte", "New " + provider.name() + " connection", null, List.of(), "form", form);
            return;
        }
        IntegrationData saved = integrations.saveSetup(created.uuid(), typed.attrs(), call.actor());
        redirect(call, "/" + created.uuid() + "?m=" + autoValidate(created.uuid(), call.actor(), saved, "created"));
    }

    // ---------------------------------------------------------------- edit

    private void editGet(Call call, Connection connection) throws IOException {
        Optional<ProviderDefinition> provider = integrations.providers().get(connection.provider());
        if (provider.isEmpty()) {
            message(
                    call,
                    200,
                    connection.name(),
                    "This connection's provider '" + connection.provider()
                            + "' is not registered in this application, so it cannot be edited here.",
                    "",
                    "Back to connections");
            return;
        }
        FormView form = ConnectionViews.editForm(
                connection,
                provider.get(),
                null,
                Map.of(),
                Map.of(),
                null,
                redirectUri(call),
                integrations.auditTrail(connection.uuid()),
                false,
                config.clock().instant());
        render(call, 200, "form.jte", connection.name(), notice(call), List.of(), "form", form);
    }

    private void editPost(Call call, Connection connection) throws IOException {
        Optional<ProviderDefinition> found = integrations.providers().get(connection.provider());
        if (found.isEmpty()) {
            message(
                    call,
                    HttpServletResponse.SC_BAD_REQUEST,
                    connection.name(),
                    "This connection's provider is" + " not registered in this application.",
                    "",
                    "Back to connections");
            return;
        }
        ProviderDefinition provider = found.get();
        IntegrationData stored = connection.data();
        TypedSetup typed = TypedSetup.read(call.request(), provider, stored);
        boolean test = "test".equals(call.request().getParameter("intent"));
        if (test) {
            Notice result;
            if (!typed.valid()) {
                result = new Notice("error", "Fill in the marked fields to test.");
            } else {
                Map<String, Object> merged = new LinkedHashMap<>(stored.asMap());
                merged.putAll(typed.attrs());
                ValidationResult outcome = integrations.validateCredentials(provider.key(), merged);
                if (typed.sameAs(stored)) {
                    // the stored values were tested: the outcome belongs to the connection
                    integrations.recordValidation(connection.uuid(), outcome);
                }
                result = outcome(outcome);
            }
            if (wantsJson(call.request())) {
                json(call.response(), 200, "ok".equals(result.kind()), result.text());
                return;
            }
            Connection current = find(connection.uuid()).orElse(connection);
            editForm(call, typed.valid() ? 200 : 422, current, provider, typed, typed.errors(), result);
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>(typed.errors());
        if (typed.name().isEmpty()) {
            errors.put("name", "Connection name can't be blank.");
        }
        if (!errors.isEmpty()) {
            editForm(
                    call,
                    422,
                    connection,
                    provider,
                    typed,
                    errors,
                    new Notice("error", "Nothing was saved: correct the marked fields."));
            return;
        }
        if (!typed.name().equals(connection.name())) {
            try {
                integrations.renameConnection(connection.uuid(), typed.name(), call.actor());
            } catch (IntegrationException e) {
                if (e.error() == IntegrationError.NOT_CONFIGURED) {
                    throw e;
                }
                errors.put("name", nameError(e));
                editForm(
                        call,
                        422,
                        connection,
                        provider,
                        typed,
                        errors,
                        new Notice("error", "Nothing was saved: correct the marked fields."));
                return;
            }
        }
        IntegrationData saved = integrations.saveSetup(connection.uuid(), typed.attrs(), call.actor());
        redirect(call, "/" + connection.uuid() + "?m=" + autoValidate(connection.uuid(), call.actor(), saved, "saved"));
    }

    private void editForm(
            Call call,
            int status,
            Connection connection,
            ProviderDefinition provider,
            TypedSetup typed,
            Map<String, String> errors,
            Notice result)
            throws IOException {
        FormView form = ConnectionViews.editForm(
                connection,
                provider,
                typed.name(),
                typed.shown(),
                errors,
                result,
                redirectUri(call),
                integrations.auditTrail(connection.uuid()),
                typed.hadSecret(),
                config.clock().instant());
        render(call, status, "form.jte", connection.name(), null, List.of(), "form", form);
    }

    /** PhoenixKit's auto-test after a save: when the status is configured, connected or error. */
    private String autoValidate(UUID uuid, UUID actor, IntegrationData saved, String otherwise) {
        ConnectionStatus status = ConnectionViews.status(saved);
        if (status == ConnectionStatus.DISCONNECTED) {
            return otherwise;
        }
        ValidationResult outcome = integrations.validateConnection(uuid, actor);
        integrations.recordValidation(uuid, outcome);
        return outcome.isOk() ? "verified" : "test_failed";
    }

    private void testStored(Call call, Connection connection) throws IOException {
        ValidationResult outcome = integrations.validateConnection(connection.uuid(), call.actor());
        integrations.recordValidation(connection.uuid(), outcome);
        if (wantsJson(call.request())) {
            json(call.response(), 200, outcome.isOk(), outcome(outcome).text());
            return;
        }
        redirect(call, "/?m=" + (outcome.isOk() ? "verified" : "test_failed") + "&c=" + connection.uuid());
    }

    // ---------------------------------------------------------------- OAuth

    private void connect(Call call, Connection connection) throws IOException {
        URI redirectUri = URI.create(redirectUri(call));
        try {
            URI url = integrations
                    .beginAuthorization(connection.uuid(), redirectUri, AuthorizationOptions.defaults())
                    .url();
            call.response().setStatus(HttpServletResponse.SC_SEE_OTHER);
            call.response().setHeader("Location", url.toString());
        } catch (IntegrationException e) {
            String text = switch (e.error()) {
                case CLIENT_ID_NOT_CONFIGURED -> "Please save your Client ID first.";
                case UNKNOWN_PROVIDER -> "This provider does not connect through OAuth.";
                default -> "Failed to build the authorization URL: " + e.getMessage();
            };
            if (e.error() == IntegrationError.NOT_CONFIGURED) {
                throw e;
            }
            Optional<ProviderDefinition> provider = integrations.providers().get(connection.provider());
            if (provider.isEmpty()) {
                throw e;
            }
            FormView form = ConnectionViews.editForm(
                    connection,
                    provider.get(),
                    null,
                    Map.of(),
                    Map.of(),
                    new Notice("error", text),
                    redirectUri.toString(),
                    integrations.auditTrail(connection.uuid()),
                    false,
                    config.clock().instant());
            render(call, 422, "form.jte", connection.name(), null, List.of(), "form", form);
        }
    }

    private void callback(Call call) throws IOException {
        HttpServletRequest request = call.request();
        String state = request.getParameter("state");
        String error = request.getParameter("error");
        String code = error != null ? null : request.getParameter("code");
        try {
            Connection connected =
                    integrations.completeAuthorization(state, code, URI.create(redirectUri(call)), call.actor());
            redirect(call, "/" + connected.uuid() + "?m=connected");
        } catch (IntegrationException e) {
            LOG.info("OAuth callback refused: {}", e.error());
            switch (e.error()) {
                case STATE_MISMATCH ->
                    message(
                            call,
                            HttpServletResponse.SC_BAD_REQUEST,
                            "Security check failed",
                            "This sign-in answer is unknown, was used already, or has expired, so nothing was changed."
                                    + " Please try connecting again.",
                            "",
                            "Back to connections");
                case AUTHORIZATION_DENIED ->
                    message(
                            call,
                            HttpServletResponse.SC_BAD_REQUEST,
                            "Authorization failed",
                            "The provider did not authorize the connection"
                                    + providerError(error, request.getParameter("error_description"))
                                    + ". Nothing was changed.",
                            "",
                            "Back to connections");
                default ->
                    message(
                            call,
                            HttpServletResponse.SC_BAD_GATEWAY,
                            "Failed to connect",
                            "Failed to connect: " + e.getMessage() + " Please try again.",
                            "",
                            "Back to connections");
            }
        }
    }

    private static String providerError(String error, String description) {
        String text = error == null ? "" : limit(error);
        if (description != null && !description.isBlank()) {
            text = text + (text.isEmpty() ? "" : ": ") + limit(description);
        }
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    private static String limit(String text) {
        String clean = text.strip().replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    /** The redirect URI registered with providers: one callback for every connection. */
    private String redirectUri(Call call) {
        HttpServletRequest request = call.request();
        String origin = config.publicBaseUri().map(URI::toString).orElseGet(() -> {
            int port = request.getServerPort();
            boolean defaultPort = port < 0
                    || ("http".equals(request.getScheme()) && port == 80)
                    || ("https".equals(request.getScheme()) && port == 443);
            return request.getScheme() + "://" + hostForUri(request.getServerName()) + (defaultPort ? "" : ":" + port);
        });
        return origin + call.base() + CALLBACK_PATH;
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    // ---------------------------------------------------------------- picker

    private void pickerPage(Call call) throws IOException {
        String provider = call.request().getParameter("provider");
        if (provider == null || provider.isBlank()) {
            provider = integrations.listProviders().isEmpty()
                    ? ""
                    : integrations.listProviders().get(0).key();
        }
        String selectedText = call.request().getParameter("selected");
        Optional<UUID> selected = selectedText != null && Integrations.isUuid(selectedText)
                ? Optional.of(UUID.fromString(selectedText))
                : Optional.empty();
        String fragment = new PickerRenderer(config).render(provider, "selected", selected);
        render(
                call,
                200,
                "picker-page.jte",
                "Connection picker",
                null,
                List.of(),
                "fragment",
                new gg.jte.Content() {
                    @Override
                    public void writeTo(gg.jte.TemplateOutput output) {
                        output.writeContent(fragment);
                    }
                },
                "provider",
                provider,
                "selected",
                selected.map(UUID::toString).orElse(""));
    }

    // ---------------------------------------------------------------- helpers

    private Optional<Connection> find(UUID uuid) {
        try {
            return Optional.of(integrations.getIntegrationByUuid(uuid));
        } catch (IntegrationException e) {
            if (e.error() == IntegrationError.NOT_CONFIGURED || e.error() == IntegrationError.DELETED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String providerName(String key) {
        return integrations.providers().get(key).map(ProviderDefinition::name).orElse(key);
    }

    private static String nameError(IntegrationException e) {
        return switch (e.error()) {
            case ALREADY_EXISTS -> "A connection with that name already exists.";
            case EMPTY_NAME -> "Connection name can't be blank.";
            case INVALID_NAME -> "Use letters, digits, hyphens, and underscores only.";
            default -> e.getMessage();
        };
    }

    private static Notice outcome(ValidationResult outcome) {
        return outcome.isOk()
                ? new Notice("ok", "Connection verified")
                : new Notice("error", "Test failed: " + outcome.message());
    }

    private Notice notice(Call call) {
        String code = call.request().getParameter("m");
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "created" -> new Notice("ok", "Connection created.");
            case "saved" -> new Notice("ok", "Saved.");
            case "verified" -> new Notice("ok", "Connection verified.");
            case "test_failed" ->
                new Notice("error", "Test failed" + failedNote(call.request().getParameter("c"), call.request()));
            case "connected" -> new Notice("ok", "Connected.");
            case "disconnected" -> new Notice("info", "Disconnected.");
            case "removed" -> new Notice("ok", "Connection removed.");
            case "not_found" -> new Notice("error", "Integration not found.");
            default -> null;
        };
    }

    private String failedNote(String uuidText, HttpServletRequest request) {
        String text = uuidText;
        if (text == null) {
            String path = request.getRequestURI();
            text = path.substring(path.lastIndexOf('/') + 1);
        }
        if (!Integrations.isUuid(text)) {
            return ".";
        }
        return find(UUID.fromString(text))
                .map(c -> " for " + c.name() + ": " + ConnectionViews.note(c.data()))
                .orElse(".");
    }

    private void render(
            Call call, int status, String template, String title, Notice notice, List<String> banner, Object... params)
            throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("page", new Page(title, call.base(), call.csrf(), notice, banner, Assets.version()));
        for (int i = 0; i < params.length; i += 2) {
            map.put((String) params[i], params[i + 1]);
        }
        String html = Templates.render(template, map);
        HttpServletResponse response = call.response();
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void message(Call call, int status, String heading, String text, String linkHref, String linkText)
            throws IOException {
        render(
                call,
                status,
                "message.jte",
                heading,
                null,
                List.of(),
                "view",
                new MessageView(heading, text, linkHref, linkText));
    }

    private static void redirect(Call call, String location) {
        call.response().setStatus(HttpServletResponse.SC_SEE_OTHER);
        call.response().setHeader("Location", call.base() + location);
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.startsWith("application/json");
    }

    private static void json(HttpServletResponse response, int status, boolean ok, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream()
                .write(("{\"ok\":" + ok + ",\"message\":" + Json.string(message) + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static void asset(String name, HttpServletResponse response) throws IOException {
        Optional<Assets.Asset> asset = Assets.get(name);
        if (asset.isEmpty()) {
            notFound(response);
            return;
        }
        response.setStatus(200);
        response.setContentType(asset.get().contentType());
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentLength(asset.get().bytes().length);
        response.getOutputStream().write(asset.get().bytes());
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain; charset=utf-8");
        response.getWriter().write("Not found.\n");
    }

    /** The route with uuids replaced, for log lines (never a query string). */
    private static String routeShape(String route) {
        return route.replaceAll(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "{uuid}");
    }
}
