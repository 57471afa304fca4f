package org.upskill.assessment.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/** A submitted attempt's result. Submitting the same attempt again returns the same result. */
public record AttemptResult(
    long attemptId,
    long quizId,
    int number,
    BigDecimal score,
    BigDecimal maxScore,
    BigDecimal percent,
    boolean passed,
    Instant submittedAt,
    boolean submittedByTimer,
    int sequence) {}
