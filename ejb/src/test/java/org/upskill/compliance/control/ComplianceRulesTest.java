package org.upskill.compliance.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upskill.compliance.entity.RenewalRule;

class ComplianceRulesTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  /** A clock standing at noon on a day; the rules read "today" from it as the service does. */
  static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(LONDON));
  }

  static Clock at(String iso) {
    return Clock.fixed(Instant.parse(iso + "T12:00:00Z"), ZoneOffset.UTC);
  }

  static Assessment assess(RenewalRule rule, String completed, Clock clock) {
    return ComplianceRules.assess(
        rule, 30, day("2020-01-01"), day(completed), null, false, today(clock), 30);
  }

  @ParameterizedTest(name = "{0} + {1} months → {2}")
  @CsvSource({
    "2026-01-31, 1, 2026-02-28",
    "2028-01-31, 1, 2028-02-29",
    "2024-02-29, 12, 2025-02-28",
    "2026-08-31, 6, 2027-02-28",
    "2026-03-31, 1, 2026-04-30",
    "2026-05-15, 12, 2027-05-15"
  })
  void completionAnchoredRenewalEndsOnTheSameDayOrTheMonthsLastDay(
      String completed, int months, String expected) {
    assertEquals(
        day(expected), RenewalRule.everyMonths(months, 0).validUntil(day(completed), null));
  }

  @ParameterizedTest(name = "completed {0}, anchor {1}/{2} → {3}")
  @CsvSource({
    "2026-03-31, 4, 1, 2026-04-01",
    "2026-04-01, 4, 1, 2027-04-01",
    "2026-04-02, 4, 1, 2027-04-01",
    "2026-12-31, 1, 1, 2027-01-01",
    "2026-03-01, 2, 29, 2027-02-28",
    "2027-03-01, 2, 29, 2028-02-29",
    "2028-02-29, 2, 29, 2029-02-28",
    "2026-01-15, 1, 31, 2026-01-31"
  })
  void calendarAnchoredRenewalEndsOnTheNextAnchorStrictlyAfterCompletion(
      String completed, int month, int dayOfMonth, String expected) {
    assertEquals(
        day(expected), RenewalRule.annualOn(month, dayOfMonth, 0).validUntil(day(completed), null));
  }

  @Test
  void aRenewalGoesCompliantThenDueSoonThenGraceThenOverdue() {
    var rule = RenewalRule.everyMonths(12, 14); // valid until 2027-05-15, overdue from 2027-05-29
    var completed = "2026-05-15";
    assertAll(
        () ->
            assertEquals(
                ComplianceStatus.COMPLIANT, assess(rule, completed, at("2026-05-15")).status()),
        () ->
            assertEquals(
                ComplianceStatus.COMPLIANT, assess(rule, completed, at("2027-04-14")).status()),
        () ->
            assertEquals(
                ComplianceStatus.DUE_SOON, assess(rule, completed, at("2027-04-15")).status()),
        () ->
            assertEquals(
                ComplianceStatus.DUE_SOON, assess(rule, completed, at("2027-05-14")).status()),
        // past valid-until, inside the grace period: still due soon, no longer holding it
        () ->
            assertEquals(
                ComplianceStatus.DUE_SOON, assess(rule, completed, at("2027-05-28")).status()),
        () -> assertFalse(assess(rule, completed, at("2027-05-20")).holdsValid(day("2027-05-20"))),
        () -> assertTrue(assess(rule, completed, at("2027-05-14")).holdsValid(day("2027-05-14"))),
        () ->
            assertEquals(
                ComplianceStatus.OVERDUE, assess(rule, completed, at("2027-05-29")).status()));
    var a = assess(rule, completed, at("2027-04-20"));
    assertEquals(day("2027-05-15"), a.validUntil());
    assertEquals(day("2027-05-29"), a.dueDate(), "due by the end of the grace period");
  }

  @Test
  void withoutGraceTheDayAfterValidUntilIsOverdue() {
    var rule = RenewalRule.annualOn(4, 1, 0);
    assertEquals(ComplianceStatus.DUE_SOON, assess(rule, "2026-04-01", at("2027-03-31")).status());
    assertEquals(ComplianceStatus.OVERDUE, assess(rule, "2026-04-01", at("2027-04-01")).status());
  }

  @Test
  void aNewcomerIsNotStartedUntilTheirDueDateThenOverdue() {
    var rule = RenewalRule.everyMonths(12, 0);
    var since = day("2026-11-01");
    var before = ComplianceRules.assess(rule, 30, since, null, null, false, day("2026-11-30"), 30);
    var on = ComplianceRules.assess(rule, 30, since, null, null, false, day("2026-12-01"), 30);
    assertAll(
        () -> assertEquals(ComplianceStatus.NOT_STARTED, before.status()),
        () -> assertEquals(day("2026-12-01"), before.dueDate()),
        () -> assertNull(before.validUntil()),
        () -> assertEquals(ComplianceStatus.OVERDUE, on.status()));
  }

  @Test
  void completingMovesAnOverdueNewcomerToCompliant() {
    var rule = RenewalRule.everyMonths(12, 0);
    var a =
        ComplianceRules.assess(
            rule, 30, day("2026-01-01"), day("2026-11-30"), null, false, day("2026-11-30"), 30);
    assertEquals(ComplianceStatus.COMPLIANT, a.status());
    assertEquals(day("2027-11-30"), a.validUntil());
  }

  @Test
  void anExemptionWinsOverEverything() {
    var a =
        ComplianceRules.assess(
            RenewalRule.everyMonths(12, 0),
            0,
            day("2020-01-01"),
            null,
            null,
            true,
            day("2026-11-30"),
            30);
    assertEquals(ComplianceStatus.EXEMPT, a.status());
    assertNull(a.dueDate());
  }

  @Test
  void noRenewalFollowsTheCertificateAndNeverRunsOutWithoutExpiry() {
    var forever =
        ComplianceRules.assess(
            RenewalRule.none(0),
            30,
            day("2020-01-01"),
            day("2021-01-01"),
            null,
            false,
            day("2026-11-30"),
            30);
    var expired =
        ComplianceRules.assess(
            RenewalRule.none(0),
            30,
            day("2020-01-01"),
            day("2025-01-01"),
            day("2026-01-01"),
            false,
            day("2026-11-30"),
            30);
    assertEquals(ComplianceStatus.COMPLIANT, forever.status());
    assertNull(forever.validUntil());
    assertEquals(ComplianceStatus.OVERDUE, expired.status());
  }

  @Test
  void aCompletionAfterTheDayJudgedDoesNotCount() {
    // the trend judges past days: a later completion was not there yet
    var a =
        ComplianceRules.assess(
            RenewalRule.everyMonths(12, 0),
            30,
            day("2026-01-01"),
            day("2026-06-01"),
            null,
            false,
            day("2026-03-01"),
            30);
    assertEquals(ComplianceStatus.OVERDUE, a.status());
  }

  @Test
  void impossibleRulesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> RenewalRule.annualOn(4, 31, 0));
    assertThrows(IllegalArgumentException.class, () -> RenewalRule.everyMonths(0, 0));
    assertThrows(IllegalArgumentException.class, () -> RenewalRule.everyMonths(12, -1));
    assertEquals(
        "every year on 1 April, with 14 days' grace", RenewalRule.annualOn(4, 1, 14).describe());
  }
}
