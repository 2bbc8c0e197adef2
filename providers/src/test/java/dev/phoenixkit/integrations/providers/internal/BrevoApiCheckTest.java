package dev.phoenixkit.integrations.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PhoenixKit's {@code format_credits_note/1}, case by case. */
class BrevoApiCheckTest {
    @Test
    void aPlanWithCreditsAndAnIsoEndDateGivesTypeCreditsAndUtcResetDate() {
        Map<String, Object> body = Map.of(
                "plan",
                List.of(Map.of("type", "payAsYouGo", "credits", 12_345.5, "endDate", "2026-12-31T23:30:00.000-02:00")));
        // 12345.5 rounds half away from zero; 23:30 at -02:00 is 01:30 UTC the next day
        assertThat(BrevoApiCheck.creditsNote(body))
                .contains("Plan: payAsYouGo · 12,346 credits left · resets 2027-01-01");
    }

    @Test
    void entriesAreJoinedBySemicolonsAndEntriesWithoutTextTypeAreSkipped() {
        Map<String, Object> body = Map.of(
                "plan",
                List.of(
                        Map.of("type", "free", "credits", 300),
                        Map.of("credits", 5),
                        Map.of("type", "sms", "credits", "many", "endDate", 1_700_000_000)));
        assertThat(BrevoApiCheck.creditsNote(body)).contains("Plan: free · 300 credits left; sms · resets 2023-11-14");
    }

    @Test
    void bigNumbersAreGroupedByThreesAndUnparsableDatesAreLeftOut() {
        Map<String, Object> body =
                Map.of("plan", List.of(Map.of("type", "enterprise", "credits", 1_234_567, "endDate", "soon")));
        assertThat(BrevoApiCheck.creditsNote(body)).contains("Plan: enterprise · 1,234,567 credits left");
    }

    @Test
    void noPlanAnEmptyPlanOrNoUsableEntryGivesNoNote() {
        assertThat(BrevoApiCheck.creditsNote(Map.of())).isEmpty();
        assertThat(BrevoApiCheck.creditsNote(Map.of("plan", List.of()))).isEmpty();
        assertThat(BrevoApiCheck.creditsNote(Map.of("plan", "free"))).isEmpty();
        assertThat(BrevoApiCheck.creditsNote(Map.of("plan", List.of(Map.of("credits", 1)))))
                .isEmpty();
    }
}
