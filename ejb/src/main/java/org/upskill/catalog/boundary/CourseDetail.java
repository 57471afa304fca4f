package org.upskill.catalog.boundary;

import java.util.List;

/** Everything the course page shows about a course, before the learner's own state. */
public record CourseDetail(
    long id,
    String code,
    String title,
    String summary,
    List<String> outcomes,
    List<String> skills,
    String level,
    String audience,
    int durationMinutes,
    String enrolmentMode,
    Integer capacity,
    Integer renewalMonths,
    int contentVersion,
    List<CourseLink> prerequisites,
    List<ModuleOutline> modules) {

  /** A course named from another page. */
  public record CourseLink(String code, String title) {}

  /** A module and its lessons, numbered through the whole course. */
  public record ModuleOutline(String title, String summary, List<LessonOutline> lessons) {}

  /** A lesson's title and place. */
  public record LessonOutline(long id, int number, String title, int minutes) {}

  public int lessonCount() {
    return modules.stream().mapToInt(m -> m.lessons().size()).sum();
  }
}
