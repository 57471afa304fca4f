package org.upskill.assessment.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.upskill.assessment.control.Answer;
import org.upskill.assessment.control.FrozenQuestion.Choice;

/**
 * A question as shown during an attempt: never its right answer or feedback.
 *
 * @param options options, ordering items or matching prompts in this attempt's order
 * @param matchAnswers for matching, the answers to choose from
 * @param answer what the learner last saved ({@link Answer#EMPTY} when nothing)
 * @param savedAt when the server received that answer, or {@code null}
 */
public record QuestionView(
    int slot,
    String type,
    String prompt,
    BigDecimal points,
    List<Choice> options,
    List<String> matchAnswers,
    String unit,
    Answer answer,
    Instant savedAt) {

  public boolean isAnswered() {
    return !answer.isBlank();
  }
}
