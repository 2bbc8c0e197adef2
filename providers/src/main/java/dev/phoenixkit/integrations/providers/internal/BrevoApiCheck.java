package dev.phoenixkit.integrations.providers.internal;

import dev.phoenixkit.integrations.Fields;
import dev.phoenixkit.integrations.IntegrationError;
import dev.phoenixkit.integrations.IntegrationException;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.provider.CheckContext;
import dev.phoenixkit.integrations.provider.CheckResponse;
import dev.phoenixkit.integrations.provider.CredentialCheck;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PhoenixKit's {@code Validators.brevo_api/1}: {@code GET https://api.brevo.com/v3/account} with the bare key in
 * the {@code api-key} header. 200 passes, with the plan as a note when the answer has one
 * ({@code "Plan: free · 300 credits left"}, entries joined by {@code "; "}, {@code " · resets <date>"} when the
 * entry has an {@code endDate}); 401 "Invalid credentials"; 403 "Access denied"; any other N "Brevo error N"; no
 * answer "Could not reach Brevo". No retry. Stateless and thread-safe.
 */
public final class BrevoApiCheck implements CredentialCheck {
    /** The strategy name PhoenixKit's definition carries. */
    public static final String NAME = "brevo_api";

    /** The account endpoint. */
    public static final String ACCOUNT_URL = "https://api.brevo.com/v3/account";

    private static final Logger LOG = LoggerFactory.getLogger(BrevoApiCheck.class);

    /** The one instance (stateless). */
    public static final BrevoApiCheck INSTANCE = new BrevoApiCheck();

    private BrevoApiCheck() {}

    @Override
    public ValidationResult check(CheckContext context) {
        Optional<String> key = context.text(Fields.API_KEY);
        if (key.isEmpty()) {
            return ValidationResult.error("No credentials configured");
        }
        CheckResponse response;
        try {
            response = context.get(ACCOUNT_URL, Map.of("api-key", key.get()));
        } catch (IntegrationException e) {
            if (e.error() != IntegrationError.TRANSPORT_FAILED) {
                throw e;
            }
            LOG.warn("Brevo connection check failed: {}", e.getMessage());
            return ValidationResult.error("Could not reach Brevo");
        }
        return switch (response.status()) {
            case 200 ->
                response.json()
                        .flatMap(BrevoApiCheck::creditsNote)
                        .map(ValidationResult::ok)
                        .orElseGet(ValidationResult::ok);
            case 401 -> ValidationResult.error("Invalid credentials");
            case 403 -> ValidationResult.error("Access denied");
            default -> ValidationResult.error("Brevo error " + response.status());
        };
    }

    /**
     * PhoenixKit's {@code format_credits_note/1}: a decoded {@code /v3/account} body in, the operator-facing note
     * out.
     *
     * @param body the decoded JSON object
     * @return the note, when the body has a non-empty {@code plan} list with at least one entry that has a text
     *         {@code type}
     */
    public static Optional<String> creditsNote(Map<String, Object> body) {
        if (!(body.get("plan") instanceof List<?> plan) || plan.isEmpty()) {
            return Optional.empty();
        }
        List<String> entries = new ArrayList<>();
        for (Object entry : plan) {
            if (entry instanceof Map<?, ?> map && map.get("type") instanceof String type) {
                String text = map.get("credits") instanceof Number credits
                        ? type + " · " + grouped(credits) + " credits left"
                        : type;
                Optional<LocalDate> resets = resetDate(map.get("endDate"));
                entries.add(resets.map(date -> text + " · resets " + date).orElse(text));
            }
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of("Plan: " + String.join("; ", entries));
    }

    /** Rounds half away from zero (Elixir's {@code round/1}) and groups digits by three with commas. */
    private static String grouped(Number credits) {
        String digits = new BigDecimal(credits.toString())
                .setScale(0, RoundingMode.HALF_UP)
                .toBigInteger()
                .toString();
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /**
     * Brevo sends {@code endDate} as ISO-8601 text with an offset ({@code "2017-04-11T00:00:00.000Z"}); PhoenixKit
     * also takes a unix timestamp. The date is the UTC date, as {@code DateTime.from_iso8601/1} gives.
     */
    private static Optional<LocalDate> resetDate(Object endDate) {
        if (endDate instanceof String text) {
            String iso = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11)
                    : text;
            try {
                return Optional.of(OffsetDateTime.parse(iso)
                        .atZoneSameInstant(ZoneOffset.UTC)
                        .toLocalDate());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (endDate instanceof Integer || endDate instanceof Long) {
            long seconds = ((Number) endDate).longValue();
            if (seconds < -377_705_116_800L || seconds > 253_402_300_799L) {
                return Optional.empty(); // outside what DateTime.from_unix/1 accepts
            }
            return Optional.of(
                    Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC).toLocalDate());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "BrevoApiCheck";
    }
}
