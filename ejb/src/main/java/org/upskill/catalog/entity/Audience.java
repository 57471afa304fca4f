package org.upskill.catalog.entity;

/** Who a course is written for. */
public enum Audience {
  NHS_STAFF("NHS staff"),
  TECH("Tech learners"),
  BOTH("NHS staff and tech learners");

  private final String label;

  Audience(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
