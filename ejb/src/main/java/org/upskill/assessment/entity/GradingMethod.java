package org.upskill.assessment.entity;

/** How a person's grade on a quiz is taken from their submitted attempts. */
public enum GradingMethod {
  HIGHEST,
  LAST,
  FIRST,
  AVERAGE
}
