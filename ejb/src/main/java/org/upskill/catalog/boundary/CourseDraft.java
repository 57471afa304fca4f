package org.upskill.catalog.boundary;

import java.util.List;

/**
 * A course's details as a trainer writes them, already checked for shape by the form (Bean
 * Validation in the web layer); the boundary checks the rules that need the database.
 *
 * @param level introductory, intermediate or advanced (as {@code Level} names)
 * @param audience {@code NHS_STAFF}, {@code TECH} or {@code BOTH}
 * @param enrolmentMode {@code SELF}, {@code APPROVAL} or {@code MANUAL}
 * @param skills the skills (tags) it teaches, by name; new names become new skills
 * @param prerequisites codes of the courses to complete first
 */
public record CourseDraft(
    String code,
    String title,
    String summary,
    List<String> outcomes,
    String level,
    int durationMinutes,
    String audience,
    String enrolmentMode,
    Integer capacity,
    Integer renewalMonths,
    List<String> skills,
    List<String> prerequisites) {}
