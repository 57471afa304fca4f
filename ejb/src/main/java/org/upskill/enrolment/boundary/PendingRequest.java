package org.upskill.enrolment.boundary;

import java.time.Instant;

/** A request for a place on a course that needs approval. */
public record PendingRequest(
    long enrolmentId,
    String personName,
    String personEmail,
    String courseCode,
    String courseTitle,
    Instant requestedAt) {}
