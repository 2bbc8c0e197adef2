package dev.phoenixkit.integrations.providers.smtp.internal;

import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.provider.CheckContext;
import dev.phoenixkit.integrations.provider.CredentialCheck;
import dev.phoenixkit.integrations.providers.internal.Deadlines;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code smtp} strategy (PhoenixKit's {@code Validators.smtp/1}): a real SMTP session with the connection's
 * settings ({@link SmtpSettings}), authenticating whenever a login is set and {@code auth} is not {@code never}
 * (so a wrong password fails), passing a relay that offers no {@code AUTH} at all, and never sending a login
 * before TLS when TLS is required. A TLS failure ends the check; it never falls back to plaintext. Stateless.
 */
public final class SmtpCheck implements CredentialCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpCheck.class);
    private static final String UNREACHABLE = "Could not reach the SMTP server";
    private static final String REJECTED = "SMTP server rejected the connection";

    @Override
    public ValidationResult check(CheckContext context) {
        SmtpSettings.Parsed parsed = SmtpSettings.parse(context.data());
        if (parsed.error().isPresent()) {
            return ValidationResult.error(parsed.error().get());
        }
        SmtpSettings settings = parsed.settings().orElseThrow();
        boolean connected = false;
        try (SmtpSession session = new SmtpSession(settings, context)) {
            try {
                session.connect();
            } catch (SocketTimeoutException | ConnectException | UnknownHostException | NoRouteToHostException e) {
                LOG.warn(
                        "SMTP connection check could not reach {}:{}: {}",
                        settings.host(),
                        settings.port(),
                        e.getClass().getSimpleName());
                return Deadlines.failedCall(context, UNREACHABLE);
            }
            connected = true;
            return dialogue(session, settings);
        } catch (SmtpFailure failure) {
            LOG.info(
                    "SMTP connection check of {}:{} ended: {}", settings.host(), settings.port(), failure.getMessage());
            return ValidationResult.error(message(failure.kind()));
        } catch (SocketTimeoutException e) {
            LOG.warn("SMTP connection check of {}:{} timed out", settings.host(), settings.port());
            return Deadlines.failedCall(context, UNREACHABLE);
        } catch (IOException e) {
            LOG.warn(
                    "SMTP connection check of {}:{} failed: {}",
                    settings.host(),
                    settings.port(),
                    e.getClass().getSimpleName());
            return Deadlines.failedCall(context, connected ? REJECTED : UNREACHABLE);
        }
    }

    private static ValidationResult dialogue(SmtpSession session, SmtpSettings settings)
            throws IOException, SmtpFailure {
        if (session.greeting().code() != 220) {
            throw new SmtpFailure(SmtpFailure.Kind.REJECTED, "greeting was not 220");
        }
        List<String> extensions = session.hello();
        SmtpSettings.Mode mode = settings.mode();
        if (!session.secure() && (mode == SmtpSettings.Mode.STARTTLS || mode == SmtpSettings.Mode.STARTTLS_OPTIONAL)) {
            if (extensions.stream().anyMatch(line -> line.equals("STARTTLS") || line.startsWith("STARTTLS "))) {
                session.startTls();
                extensions = session.hello();
            } else if (mode == SmtpSettings.Mode.STARTTLS) {
                throw new SmtpFailure(SmtpFailure.Kind.NO_STARTTLS, "STARTTLS required, not offered");
            }
        }
        if (settings.mustAuthenticate()) {
            Optional<String> offered = extensions.stream()
                    .filter(line -> line.startsWith("AUTH ") || line.startsWith("AUTH="))
                    .findFirst();
            if (offered.isEmpty()) {
                LOG.info("SMTP relay advertises no AUTH; credentials are unused by this relay");
            } else {
                authenticate(
                        session,
                        settings,
                        List.of(offered.get().substring(5).trim().split("[ =]+")));
            }
        }
        try {
            session.command("QUIT");
        } catch (IOException e) {
            // the verdict is in; a relay that drops the line on QUIT does not change it
        }
        return ValidationResult.ok();
    }

    private static void authenticate(SmtpSession session, SmtpSettings settings, List<String> mechanisms)
            throws IOException, SmtpFailure {
        if (settings.username().isBlank() || settings.password().isBlank()) {
            throw new SmtpFailure(SmtpFailure.Kind.INCOMPLETE, "a login needs both username and password");
        }
        int code;
        if (mechanisms.contains("PLAIN")) {
            code = session.command(
                            "AUTH PLAIN " + SmtpSession.base64("\0" + settings.username() + "\0" + settings.password()))
                    .code();
        } else if (mechanisms.contains("LOGIN")) {
            code = session.command("AUTH LOGIN").code();
            if (code == 334) {
                code = session.command(SmtpSession.base64(settings.username())).code();
            }
            if (code == 334) {
                code = session.command(SmtpSession.base64(settings.password())).code();
            }
        } else {
            throw new SmtpFailure(SmtpFailure.Kind.NO_MECHANISM, "offered mechanisms: " + mechanisms);
        }
        if (code != 235) {
            throw new SmtpFailure(SmtpFailure.Kind.AUTH_FAILED, "AUTH answered " + code);
        }
    }

    private static String message(SmtpFailure.Kind kind) {
        return switch (kind) {
            case TLS -> "TLS handshake failed";
            case REJECTED -> REJECTED;
            case NO_STARTTLS -> REJECTED + ": STARTTLS is required but not offered";
            case NO_MECHANISM -> REJECTED + ": no supported AUTH mechanism (PLAIN, LOGIN)";
            case AUTH_FAILED -> "Invalid credentials";
            case INCOMPLETE -> "Incomplete SMTP settings";
        };
    }

    @Override
    public String toString() {
        return "SmtpCheck";
    }
}
