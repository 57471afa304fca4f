package org.upskill.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What one person gets on one quiz beyond its settings: extra attempts, a later close, more time.
 */
@Entity
@Table(name = "quiz_override")
public class QuizOverride {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "quiz_id", nullable = false, updatable = false)
  private long quizId;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "extra_attempts", nullable = false)
  private int extraAttempts;

  @Column(name = "closes_at")
  private Instant closesAt;

  @Column(name = "extra_minutes", nullable = false)
  private int extraMinutes;

  @Column(name = "set_by", nullable = false)
  private long setBy;

  @Column(name = "set_at", nullable = false)
  private Instant setAt;

  protected QuizOverride() {}

  public QuizOverride(long quizId, long personId) {
    this.quizId = quizId;
    this.personId = personId;
  }

  public void set(int extraAttempts, Instant closesAt, int extraMinutes, long setBy, Instant now) {
    this.extraAttempts = extraAttempts;
    this.closesAt = closesAt;
    this.extraMinutes = extraMinutes;
    this.setBy = setBy;
    this.setAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getQuizId() {
    return quizId;
  }

  public long getPersonId() {
    return personId;
  }

  public int getExtraAttempts() {
    return extraAttempts;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public int getExtraMinutes() {
    return extraMinutes;
  }

  public Instant getSetAt() {
    return setAt;
  }
}
