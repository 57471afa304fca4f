package org.upskill.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest saved answer to one slot of an attempt (as JSON), stamped with the time the server
 * received it, and its mark once the attempt is graded.
 */
@Entity
@IdClass(AttemptResponse.Key.class)
@Table(name = "attempt_response")
public class AttemptResponse {

  /** The key: an attempt and a slot of it. */
  public static class Key implements Serializable {
    private long attemptId;
    private int slot;

    public Key() {}

    public Key(long attemptId, int slot) {
      this.attemptId = attemptId;
      this.slot = slot;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.attemptId == attemptId && key.slot == slot;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(attemptId) * 31 + slot;
    }
  }

  @Id
  @Column(name = "attempt_id", nullable = false, updatable = false)
  private long attemptId;

  @Id
  @Column(nullable = false, updatable = false)
  private int slot;

  @Column(nullable = false, length = 1_000_000)
  private String answer;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  @Column(precision = 5, scale = 4)
  private BigDecimal fraction;

  private Boolean answered;

  protected AttemptResponse() {}

  public AttemptResponse(long attemptId, int slot, String answer, Instant savedAt) {
    this.attemptId = attemptId;
    this.slot = slot;
    this.answer = answer;
    this.savedAt = savedAt;
  }

  /**
   * Keeps a newly received answer with the time it arrived; an unchanged answer keeps its time.
   *
   * @return whether the answer changed
   */
  public boolean replace(String answer, Instant savedAt) {
    if (answer.equals(this.answer)) {
      return false;
    }
    this.answer = answer;
    this.savedAt = savedAt;
    return true;
  }

  public void mark(BigDecimal fraction, boolean answered) {
    this.fraction = fraction;
    this.answered = answered;
  }

  public long getAttemptId() {
    return attemptId;
  }

  public int getSlot() {
    return slot;
  }

  public String getAnswer() {
    return answer;
  }

  public Instant getSavedAt() {
    return savedAt;
  }

  public BigDecimal getFraction() {
    return fraction;
  }

  public Boolean getAnswered() {
    return answered;
  }
}
