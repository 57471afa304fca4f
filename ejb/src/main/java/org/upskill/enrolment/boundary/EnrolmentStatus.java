package org.upskill.enrolment.boundary;

import java.time.Instant;

/**
 * A person's standing on one course as the pages show it.
 *
 * @param state not_enrolled, requested, waitlisted, enrolled, completed (the latest cycle; an ended
 *     cycle that was withdrawn or rejected counts as not enrolled)
 * @param waitlistPosition 1 for the first on the waitlist, 0 otherwise
 * @param courseVersion the version of the course's content the person studies (0 when not on it)
 */
public record EnrolmentStatus(
    String state,
    int waitlistPosition,
    Instant since,
    String decisionReason,
    Long lastLessonId,
    boolean rejected,
    int courseVersion) {

  public static final EnrolmentStatus NOT_ENROLLED =
      new EnrolmentStatus("not_enrolled", 0, null, null, null, false, 0);

  public boolean isEnrolled() {
    return "enrolled".equals(state);
  }

  public boolean isCompleted() {
    return "completed".equals(state);
  }

  /** Whether the person may open the course's lessons. */
  public boolean canStudy() {
    return isEnrolled() || isCompleted();
  }
}
