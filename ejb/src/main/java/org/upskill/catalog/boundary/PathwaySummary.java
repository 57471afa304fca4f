package org.upskill.catalog.boundary;

import java.util.List;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.Pathway;
import org.upskill.catalog.entity.Skill;

/** A career pathway with its skills and its courses in the order to take them. */
public record PathwaySummary(
    String code, String title, String summary, List<String> skills, List<String> courseCodes) {

  static PathwaySummary of(Pathway pathway) {
    return new PathwaySummary(
        pathway.getCode(),
        pathway.getTitle(),
        pathway.getSummary(),
        pathway.getSkills().stream().map(Skill::getName).toList(),
        pathway.getCourses().stream().map(Course::getCode).toList());
  }
}
