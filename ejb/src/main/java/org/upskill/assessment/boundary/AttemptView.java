package org.upskill.assessment.boundary;

import java.time.Instant;
import java.util.List;

/**
 * An attempt in progress for its learner: the frozen questions with their saved answers, the
 * deadline, and the sequence number a form must carry to be accepted.
 */
public record AttemptView(
    long id,
    long quizId,
    String quizTitle,
    String courseCode,
    String courseTitle,
    int number,
    boolean inProgress,
    Instant deadline,
    Instant now,
    int sequence,
    boolean onePerPage,
    List<QuestionView> questions) {

  public int answered() {
    return (int) questions.stream().filter(QuestionView::isAnswered).count();
  }
}
