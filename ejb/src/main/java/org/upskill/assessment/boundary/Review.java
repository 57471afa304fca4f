package org.upskill.assessment.boundary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.upskill.assessment.entity.ReviewOption;

/**
 * A submitted attempt as its learner may review it: the score always, and per question only what
 * the quiz's review options allow at this moment (after submitting, or after the quiz closes).
 */
public record Review(
    AttemptResult result,
    long quizId,
    String quizTitle,
    String courseCode,
    String courseTitle,
    BigDecimal passPercent,
    Set<ReviewOption> shown,
    List<ReviewQuestion> questions) {

  public boolean shows(String option) {
    return shown.contains(ReviewOption.valueOf(option));
  }

  /** One question in a review; fields the review options do not allow are {@code null} or empty. */
  public record ReviewQuestion(
      int slot,
      String prompt,
      BigDecimal points,
      BigDecimal marks,
      String response,
      Boolean right,
      String rightAnswer,
      List<String> feedback) {}
}
