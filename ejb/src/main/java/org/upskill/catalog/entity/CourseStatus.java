package org.upskill.catalog.entity;

/** Whether learners can see a course. */
public enum CourseStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}
