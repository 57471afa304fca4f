package org.upskill.compliance.control;

import java.time.LocalDate;

/**
 * A person's standing against a requirement on a day.
 *
 * @param status where they stand
 * @param validUntil the day their completion stops counting (null: none, or never runs out)
 * @param dueDate the day by which they must complete (null when compliant without expiry or exempt)
 * @param completedOn the completion that counts, or null
 */
public record Assessment(
    ComplianceStatus status, LocalDate validUntil, LocalDate dueDate, LocalDate completedOn) {

  /** Whether the person holds a completion that is still valid that day (counts as compliant). */
  public boolean holdsValid(LocalDate on) {
    return completedOn != null && (validUntil == null || on.isBefore(validUntil));
  }
}
