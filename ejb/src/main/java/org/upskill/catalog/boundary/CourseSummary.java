package org.upskill.catalog.boundary;

import java.util.List;

/** A course as a catalogue listing shows it. */
public record CourseSummary(
    String code,
    String title,
    String summary,
    String level,
    String audience,
    int durationMinutes,
    String enrolmentMode,
    List<String> skills) {}
