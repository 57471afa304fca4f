package org.upskill.enrolment.boundary;

import java.util.List;

/**
 * Fired in the transaction of {@link VersionMoves#moveLearners} once the enrolments of {@code
 * people} (who were enrolled, not waitlisted or waiting) are on the course's published version:
 * learning completes those who have now done everything that version requires.
 */
public record LearnersMoved(long courseId, List<Long> people) {}
