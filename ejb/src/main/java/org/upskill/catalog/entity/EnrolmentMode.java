package org.upskill.catalog.entity;

/**
 * How a learner gets a place on a course: on their own, after a trainer or manager approves, or
 * only when a trainer or manager enrols them.
 */
public enum EnrolmentMode {
  SELF,
  APPROVAL,
  MANUAL
}
