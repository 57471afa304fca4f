package org.upskill.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest saved answer to one slot of an attempt (as JSON), stamped with the time the server
 * received it, and its mark once the attempt is graded.
 */
@Entity
@Table(name = "attempt_response")
public class AttemptResponse {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "attempt_id", nullable = false, updatable = false)
  private long attemptId;

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

  public void replace(String answer, Instant savedAt) {
    this.answer = answer;
    this.savedAt = savedAt;
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
