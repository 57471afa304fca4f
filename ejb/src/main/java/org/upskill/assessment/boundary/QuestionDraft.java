package org.upskill.assessment.boundary;

import java.math.BigDecimal;

/**
 * A question as a trainer writes it, for a course's bank: its category (created when new), type,
 * prompt, general feedback, points, and the type's parts as JSON (the format of the demo bank).
 */
public record QuestionDraft(
    String category,
    String type,
    String prompt,
    String feedback,
    BigDecimal points,
    String definitionJson) {}
