package org.upskill.assessment.boundary;

import java.math.BigDecimal;

/**
 * A quiz as listed on its course's page: where it sits, whether the course requires it, and the
 * person's standing (empty status for someone not signed in).
 */
public record QuizSummary(
    long id,
    String title,
    Long moduleId,
    boolean required,
    int questions,
    String status,
    BigDecimal grade,
    boolean passed) {}
