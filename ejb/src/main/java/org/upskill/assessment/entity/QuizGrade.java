package org.upskill.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A person's grade on a quiz across their submitted attempts, by the quiz's grading method. */
@Entity
@Table(name = "quiz_grade")
public class QuizGrade {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "quiz_id", nullable = false, updatable = false)
  private long quizId;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "attempts_submitted", nullable = false)
  private int attemptsSubmitted;

  @Column(name = "grade_percent", nullable = false, precision = 5, scale = 2)
  private BigDecimal percent;

  @Column(nullable = false)
  private boolean passed;

  @Column(name = "first_passed_at")
  private Instant firstPassedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected QuizGrade() {}

  public QuizGrade(long quizId, long personId) {
    this.quizId = quizId;
    this.personId = personId;
    this.percent = BigDecimal.ZERO;
  }

  public void update(int attemptsSubmitted, BigDecimal percent, boolean passed, Instant now) {
    this.attemptsSubmitted = attemptsSubmitted;
    this.percent = percent;
    this.passed = passed;
    if (passed && firstPassedAt == null) {
      firstPassedAt = now;
    }
    this.updatedAt = now;
  }

  public long getQuizId() {
    return quizId;
  }

  public int getAttemptsSubmitted() {
    return attemptsSubmitted;
  }

  public BigDecimal getPercent() {
    return percent;
  }

  public boolean isPassed() {
    return passed;
  }

  public Instant getFirstPassedAt() {
    return firstPassedAt;
  }
}
