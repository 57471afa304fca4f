package org.upskill.catalog.boundary;

import java.util.Set;

/**
 * What a learner searches the catalogue for. Empty values mean "any".
 *
 * @param text words in the title, summary or a skill's name
 * @param audiences NHS_STAFF and/or TECH (a course for BOTH matches either)
 * @param skill a skill's code
 * @param levels INTRODUCTORY, INTERMEDIATE, ADVANCED
 * @param duration {@code short} (up to 2 hours), {@code medium} (2 to 4 hours), {@code long} (over
 *     4 hours)
 * @param page from 1
 */
public record CatalogQuery(
    String text,
    Set<String> audiences,
    String skill,
    Set<String> levels,
    String duration,
    int page,
    int pageSize) {

  public CatalogQuery {
    text = text == null ? "" : text.strip();
    audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
    skill = skill == null || skill.isBlank() ? null : skill.strip();
    levels = levels == null ? Set.of() : Set.copyOf(levels);
    duration = duration == null || duration.isBlank() ? null : duration.strip();
    page = Math.max(1, Math.min(page, 100_000));
    pageSize = Math.max(1, Math.min(pageSize, 100));
  }

  public static CatalogQuery text(String text, int page, int pageSize) {
    return new CatalogQuery(text, Set.of(), null, Set.of(), null, page, pageSize);
  }
}
