package org.upskill.enrolment.boundary;

import java.time.Instant;

/** One of a person's courses on My learning: live enrolments and completed ones. */
public record MyCourse(
    long courseId,
    String courseCode,
    String courseTitle,
    String state,
    Instant since,
    Instant completedAt,
    Long lastLessonId) {}
