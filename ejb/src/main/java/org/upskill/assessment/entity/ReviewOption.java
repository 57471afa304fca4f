package org.upskill.assessment.entity;

/**
 * What a learner may see when reviewing a submitted attempt, beyond the score (always shown): their
 * responses, the right answers, and the feedback.
 */
public enum ReviewOption {
  RESPONSES,
  CORRECT,
  FEEDBACK
}
