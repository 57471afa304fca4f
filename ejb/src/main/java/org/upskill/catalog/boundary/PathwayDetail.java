package org.upskill.catalog.boundary;

import java.util.List;

/** A career pathway's page: the role, its skills and its courses in order with their skills. */
public record PathwayDetail(
    String code,
    String title,
    String summary,
    String description,
    List<Facet> skills,
    List<PathwayCourse> courses) {

  /** A course on the pathway, with the skills it teaches (skill codes). */
  public record PathwayCourse(
      long id, String code, String title, String summary, List<String> skillCodes) {}
}
