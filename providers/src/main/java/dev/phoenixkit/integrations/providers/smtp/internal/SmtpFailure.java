package dev.phoenixkit.integrations.providers.smtp.internal;

/** Why a dialogue ended early, classified for PhoenixKit's messages. The detail never holds server text. */
final class SmtpFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The classes PhoenixKit's {@code describe_smtp_failure/1} distinguishes, and ours. */
    enum Kind {
        /** "TLS handshake failed". */
        TLS,
        /** "SMTP server rejected the connection". */
        REJECTED,
        /** "SMTP server rejected the connection: STARTTLS is required but not offered". */
        NO_STARTTLS,
        /** "SMTP server rejected the connection: no supported AUTH mechanism (PLAIN, LOGIN)". */
        NO_MECHANISM,
        /** "Invalid credentials". */
        AUTH_FAILED,
        /** "Incomplete SMTP settings". */
        INCOMPLETE
    }

    private final Kind kind;

    SmtpFailure(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
