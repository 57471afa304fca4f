package org.upskill.certification.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.upskill.certification.entity.Certificate;
import org.upskill.certification.entity.CertificateState;

/**
 * What a certificate's dates mean at a given moment, for the holder and for anyone verifying it.
 * Dates are UK dates: a certificate completed on 31 January with a 1-month renewal period is valid
 * until the end of 28 (or 29) February.
 */
public final class Validity {

  /** The UK's time zone: dates on certificates are UK dates. */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  /** What a verification says. */
  public enum Status {
    VALID,
    EXPIRED,
    REVOKED
  }

  private Validity() {}

  /**
   * When a certificate issued at {@code issuedAt} stops being valid: the start of the day after the
   * same date {@code months} later (UK time), or {@code null} when the course has no renewal
   * period.
   */
  public static Instant expiry(Instant issuedAt, Integer months) {
    if (months == null) {
      return null;
    }
    var issuedOn = LocalDate.ofInstant(issuedAt, UK);
    return issuedOn.plusMonths(months).plusDays(1).atStartOfDay(UK).toInstant();
  }

  /** The last day a certificate is valid on, or {@code null} when it does not expire. */
  public static LocalDate validUntil(Instant expiresAt) {
    return expiresAt == null ? null : LocalDate.ofInstant(expiresAt, UK).minusDays(1);
  }

  /** The status of a certificate at {@code now}: a superseded one is judged by its own dates. */
  public static Status status(Certificate certificate, Instant now) {
    if (certificate.getState() == CertificateState.REVOKED) {
      return Status.REVOKED;
    }
    return certificate.isPastExpiry(now) ? Status.EXPIRED : Status.VALID;
  }

  /**
   * Whole days left until the certificate expires (0 on its last day), negative once expired;
   * {@code null} when it does not expire.
   */
  public static Long daysLeft(Instant expiresAt, Instant now) {
    if (expiresAt == null) {
      return null;
    }
    return ChronoUnit.DAYS.between(LocalDate.ofInstant(now, UK), validUntil(expiresAt));
  }
}
