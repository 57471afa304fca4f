package org.upskill.assessment.boundary;

import java.time.Instant;

/** A per-quiz override for one person, as listed for trainers and admins. */
public record OverrideView(
    long personId,
    String personName,
    String username,
    int extraAttempts,
    Instant closesAt,
    int extraMinutes,
    int extraTimePercent,
    Instant setAt) {}
