package org.upskill.catalog.boundary;

import java.util.List;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.Skill;

/** A course as a catalogue listing shows it. */
public record CourseSummary(
    String code,
    String title,
    String summary,
    String level,
    String audience,
    int durationMinutes,
    String enrolmentMode,
    List<String> skills) {

  static CourseSummary of(Course course) {
    return new CourseSummary(
        course.getCode(),
        course.getTitle(),
        course.getSummary(),
        course.getLevel().name().toLowerCase(),
        course.getAudience().label(),
        course.getDurationMinutes(),
        course.getEnrolmentMode().name().toLowerCase(),
        course.getSkills().stream().map(Skill::getName).toList());
  }
}
