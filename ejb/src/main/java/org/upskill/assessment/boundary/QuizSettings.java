package org.upskill.assessment.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A quiz's settings as a trainer sets them. {@code null} means "none": no module (a course-level
 * quiz), no time limit, no limit on attempts, always open. Review options are names of {@code
 * ReviewOption}.
 */
public record QuizSettings(
    String title,
    String intro,
    Integer module,
    Integer timeLimitMinutes,
    Integer maxAttempts,
    Instant opensAt,
    Instant closesAt,
    BigDecimal passPercent,
    String grading,
    boolean shuffleQuestions,
    boolean shuffleOptions,
    boolean onePerPage,
    boolean required,
    Set<String> reviewAfterSubmit,
    Set<String> reviewAfterClose) {}
