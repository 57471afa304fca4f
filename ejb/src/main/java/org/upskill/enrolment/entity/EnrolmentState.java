package org.upskill.enrolment.entity;

/**
 * Where a person stands on a course. {@code REQUESTED}, {@code WAITLISTED} and {@code ENROLLED} are
 * live (at most one per person and course); the others end a cycle.
 */
public enum EnrolmentState {
  REQUESTED,
  WAITLISTED,
  ENROLLED,
  COMPLETED,
  WITHDRAWN,
  REJECTED;

  public boolean isLive() {
    return this == REQUESTED || this == WAITLISTED || this == ENROLLED;
  }
}
