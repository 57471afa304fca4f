package org.upskill.learning.boundary;

/**
 * How far a person is through what a course requires: its required lessons and required quizzes.
 */
public record Progress(int completed, int required) {

  public int percent() {
    return required == 0 ? 0 : (int) Math.floor(100.0 * completed / required);
  }

  public boolean isDone() {
    return required > 0 && completed >= required;
  }
}
