package org.upskill.catalog.boundary;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What a course version holds besides its modules and lessons, owned by a component above the
 * catalogue: today the quizzes (assessment's {@code QuizVersions}). {@link CoursePublishing}
 * versions a course through every implementation — it checks them before publishing, keeps them in
 * the publication's snapshot, copies them into a new version and throws them away with a discarded
 * draft — without knowing what they are, so that the catalogue depends on no component above it.
 */
public interface CourseActivities {

  /**
   * One activity of a course version.
   *
   * @param moduleId the module it belongs to, or {@code null} for the course as a whole
   * @param snapshot how it is kept in the publication's snapshot (see {@link #kind})
   * @param problems what stops the version from being published, in words for the trainer
   */
  record Activity(Long moduleId, JsonObject snapshot, List<String> problems) {}

  /** The snapshot's key for this kind of activity, in each module ({@code "quizzes"}). */
  String kind();

  /** The activities of version {@code version} of the course, in a stable order. */
  List<Activity> of(long courseId, int version);

  /**
   * Copies version {@code from}'s activities into the draft version {@code to}; {@code modules}
   * maps each module id of {@code from} to its copy in {@code to}.
   */
  void copy(long courseId, int from, int to, Map<Long, Long> modules);

  /** Removes the activities of the draft version {@code version}. */
  void discard(long courseId, int version);
}
