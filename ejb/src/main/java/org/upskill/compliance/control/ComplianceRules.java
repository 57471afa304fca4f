package org.upskill.compliance.control;

import java.time.LocalDate;
import org.upskill.compliance.entity.RenewalRule;

/**
 * The status of one person against one requirement on a given day, from the facts: the
 * requirement's renewal rule and newcomer due days, when the person (or the requirement) first
 * applied, the latest completion of the course that still counts (not revoked), and any exemption.
 * Pure: the caller passes "today" from its {@link java.time.Clock}, so every transition can be
 * tested, and the trend of past months is the same function run on past days.
 */
public final class ComplianceRules {

  /** The default due-soon window, in days. */
  public static final int DUE_SOON_DAYS = 30;

  private ComplianceRules() {}

  /**
   * @param rule how long a completion counts
   * @param newcomerDueDays days a person has, from when the requirement first applied to them
   * @param appliesSince the day the requirement first applied to the person (the later of their
   *     first sign-in and the requirement's creation)
   * @param completedOn the latest completion that counts, or null
   * @param certificateExpiresOn its certificate's expiry (used by {@code NONE} rules), or null
   * @param exempt whether the person is exempt
   * @param today the day to judge
   * @param dueSoonDays how many days before valid-until "due soon" starts
   */
  public static Assessment assess(
      RenewalRule rule,
      int newcomerDueDays,
      LocalDate appliesSince,
      LocalDate completedOn,
      LocalDate certificateExpiresOn,
      boolean exempt,
      LocalDate today,
      int dueSoonDays) {
    if (exempt) {
      return new Assessment(ComplianceStatus.EXEMPT, null, null, completedOn);
    }
    if (completedOn != null && !completedOn.isAfter(today)) {
      var validUntil = rule.validUntil(completedOn, certificateExpiresOn);
      if (validUntil == null) {
        return new Assessment(ComplianceStatus.COMPLIANT, null, null, completedOn);
      }
      var deadline = validUntil.plusDays(rule.graceDays());
      ComplianceStatus status;
      if (today.isBefore(validUntil.minusDays(dueSoonDays))) {
        status = ComplianceStatus.COMPLIANT;
      } else if (today.isBefore(deadline)) {
        status = ComplianceStatus.DUE_SOON;
      } else {
        status = ComplianceStatus.OVERDUE;
      }
      return new Assessment(status, validUntil, deadline, completedOn);
    }
    var due = appliesSince.plusDays(newcomerDueDays);
    return new Assessment(
        today.isBefore(due) ? ComplianceStatus.NOT_STARTED : ComplianceStatus.OVERDUE,
        null,
        due,
        null);
  }
}
