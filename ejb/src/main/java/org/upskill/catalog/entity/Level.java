package org.upskill.catalog.entity;

/** How demanding a course is. */
public enum Level {
  INTRODUCTORY,
  INTERMEDIATE,
  ADVANCED
}
