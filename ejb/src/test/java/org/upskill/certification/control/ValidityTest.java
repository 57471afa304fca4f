package org.upskill.certification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.upskill.certification.entity.Certificate;
import org.upskill.certification.entity.CertificateState;

class ValidityTest {

  static Instant uk(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Validity.UK).toInstant();
  }

  static Certificate issuedAt(Instant at, Integer months) {
    return new Certificate(
        "7KQ2M9XD4HTA0PZE",
        "00000000-0000-0000-0000-000000000001",
        1,
        2,
        3,
        1,
        "Priya Shah",
        "GDPR-DS",
        "GDPR for data scientists",
        at,
        Validity.expiry(at, months));
  }

  @Test
  void aCertificateIsValidToTheEndOfTheSameDateMonthsLaterInUkTime() {
    // completed late in the evening UK time (already the next day in UTC in summer? no: BST is
    // ahead)
    var issued = uk("2026-06-30T23:30");
    assertEquals(LocalDate.parse("2027-06-30"), Validity.validUntil(Validity.expiry(issued, 12)));
    assertEquals(uk("2027-07-01T00:00"), Validity.expiry(issued, 12));
  }

  @Test
  void endsOfMonthsAndTheTwentyNinthOfFebruary() {
    assertEquals(
        LocalDate.parse("2027-02-28"),
        Validity.validUntil(Validity.expiry(uk("2027-01-31T10:00"), 1)));
    assertEquals(
        LocalDate.parse("2028-02-29"),
        Validity.validUntil(Validity.expiry(uk("2028-01-31T10:00"), 1)));
    assertEquals(
        LocalDate.parse("2029-02-28"),
        Validity.validUntil(Validity.expiry(uk("2028-02-29T10:00"), 12)));
    assertEquals(
        LocalDate.parse("2032-02-29"),
        Validity.validUntil(Validity.expiry(uk("2028-02-29T10:00"), 48)));
  }

  @Test
  void noRenewalPeriodMeansNoExpiry() {
    assertNull(Validity.expiry(uk("2026-03-01T09:00"), null));
    assertNull(Validity.daysLeft(null, Instant.now()));
    var certificate = issuedAt(uk("2026-03-01T09:00"), null);
    assertEquals(Validity.Status.VALID, Validity.status(certificate, uk("2126-03-01T09:00")));
  }

  @Test
  void theStatusFollowsAControllableClock() {
    var certificate = issuedAt(uk("2026-11-30T10:00"), 12);
    var lastDay = Clock.fixed(uk("2027-11-30T23:59"), Validity.UK);
    var dayAfter = Clock.fixed(uk("2027-12-01T00:00"), Validity.UK);
    assertEquals(Validity.Status.VALID, Validity.status(certificate, lastDay.instant()));
    assertEquals(0L, Validity.daysLeft(certificate.getExpiresAt(), lastDay.instant()));
    assertEquals(30L, Validity.daysLeft(certificate.getExpiresAt(), uk("2027-10-31T12:00")));
    assertEquals(Validity.Status.EXPIRED, Validity.status(certificate, dayAfter.instant()));
    assertEquals(-1L, Validity.daysLeft(certificate.getExpiresAt(), dayAfter.instant()));

    // The clock cannot expire it early; once past its date it expires, once
    assertThrows(IllegalStateException.class, () -> certificate.expire(lastDay.instant()));
    certificate.expire(dayAfter.instant());
    assertEquals(CertificateState.EXPIRED, certificate.getState());
    assertThrows(IllegalStateException.class, () -> certificate.expire(dayAfter.instant()));
  }

  @Test
  void revokedWinsOverDatesAndARenewalDoesNotUnrevoke() {
    var certificate = issuedAt(uk("2026-11-30T10:00"), 12);
    certificate.revoke(9, "Issued in error", uk("2026-12-01T10:00"));
    assertEquals(Validity.Status.REVOKED, Validity.status(certificate, uk("2026-12-02T10:00")));
    certificate.supersede(99, uk("2027-01-01T10:00"));
    assertEquals(CertificateState.REVOKED, certificate.getState());
    assertThrows(
        IllegalStateException.class, () -> certificate.revoke(9, "again", uk("2027-01-02T10:00")));
  }
}
