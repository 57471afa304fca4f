package org.upskill.assessment.entity;

/** An attempt is in progress until it is submitted, by the learner or by the clock. */
public enum AttemptState {
  IN_PROGRESS,
  SUBMITTED
}
