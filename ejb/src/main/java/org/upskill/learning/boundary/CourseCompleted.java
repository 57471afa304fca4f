package org.upskill.learning.boundary;

import java.time.Instant;

/**
 * A course was completed (a CDI event, fired synchronously inside the completing transaction):
 * whatever must happen with a completion — issuing its certificate — happens in that transaction
 * too, or not at all.
 */
public record CourseCompleted(
    long completionId,
    long enrolmentId,
    long personId,
    long courseId,
    int courseVersion,
    Instant completedAt) {}
