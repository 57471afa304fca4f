package org.upskill.catalog.boundary;

import java.util.List;

/**
 * A course's details as a trainer writes them, already checked for shape by the form (Bean
 * Validation in the web layer); the boundary checks the rules that need the database.
 *
 * @param level introductory, intermediate or advanced (as {@code Level} names)
 * @param audience {@code NHS_STAFF}, {@code TECH} or {@code BOTH}
 * @param enrolmentMode {@code SELF}, {@code APPROVAL} or {@code MANUAL}
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
    Integer renewalMonths) {}
