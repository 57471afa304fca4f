package org.upskill.catalog.boundary;

import java.util.List;

/**
 * A course as its owners (and admins) see it for editing: its details, state, version for
 * optimistic locking, owners, the published content version and the draft of the next one.
 *
 * @param publishedVersion the version learners start on now (meaningful once published)
 * @param draftVersion the next version being written, or {@code null}
 */
public record TaughtCourse(
    long id,
    String status,
    long version,
    CourseDraft details,
    List<String> owners,
    int publishedVersion,
    Integer draftVersion) {

  /** Whether modules, lessons and quizzes may change now (a draft course, or a draft version). */
  public boolean contentEditable() {
    return "DRAFT".equals(status) || draftVersion != null;
  }

  /** Whether the course is published and a new version could be started. */
  public boolean canStartVersion() {
    return "PUBLISHED".equals(status) && draftVersion == null;
  }
}
