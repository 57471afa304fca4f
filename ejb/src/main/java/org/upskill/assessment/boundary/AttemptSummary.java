package org.upskill.assessment.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/** One of a person's attempts at a quiz, as listed on the quiz's page. */
public record AttemptSummary(
    long id,
    int number,
    boolean inProgress,
    Instant startedAt,
    Instant submittedAt,
    boolean submittedByTimer,
    BigDecimal percent,
    Boolean passed) {}
