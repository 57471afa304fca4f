package org.upskill.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One attempt at a quiz by one person. The questions, their order and their options' order are
 * frozen in {@code layout} when it starts. {@code open} is TRUE while in progress and NULL once
 * submitted, so that a unique index allows one open attempt per person and quiz.
 */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt {

  /** Who ended an attempt. */
  public enum SubmittedBy {
    LEARNER,
    TIMER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "quiz_id", nullable = false, updatable = false)
  private long quizId;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "attempt_number", nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private AttemptState state;

  @Column(name = "is_open")
  private Boolean open;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "deadline_at")
  private Instant deadline;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "submitted_by", length = 20)
  private SubmittedBy submittedBy;

  @Column(name = "sequence_no", nullable = false)
  private int sequence;

  @Column(name = "slot_count", nullable = false, updatable = false)
  private int slotCount;

  @Column(precision = 9, scale = 4)
  private BigDecimal score;

  @Column(name = "max_score", nullable = false, precision = 9, scale = 4)
  private BigDecimal maxScore;

  @Column(name = "score_percent", precision = 5, scale = 2)
  private BigDecimal percent;

  private Boolean passed;

  @Column(nullable = false, updatable = false, length = 1_000_000)
  private String layout;

  protected QuizAttempt() {}

  public QuizAttempt(
      long quizId,
      long personId,
      int number,
      Instant startedAt,
      Instant deadline,
      int slotCount,
      BigDecimal maxScore,
      String layout) {
    this.quizId = quizId;
    this.personId = personId;
    this.number = number;
    this.state = AttemptState.IN_PROGRESS;
    this.open = Boolean.TRUE;
    this.startedAt = startedAt;
    this.deadline = deadline;
    this.slotCount = slotCount;
    this.maxScore = maxScore;
    this.layout = layout;
  }

  /** Counts an accepted save; forms rendered before it now carry an older sequence number. */
  public int advance() {
    return ++sequence;
  }

  /** Ends the attempt with its score; {@code passMark} is the quiz's pass percentage. */
  public void submit(Instant at, SubmittedBy by, BigDecimal score, BigDecimal passMark) {
    this.state = AttemptState.SUBMITTED;
    this.open = null;
    this.submittedAt = at;
    this.submittedBy = by;
    this.score = score;
    this.percent =
        maxScore.signum() == 0
            ? BigDecimal.ZERO.setScale(2)
            : score.multiply(BigDecimal.valueOf(100)).divide(maxScore, 2, RoundingMode.HALF_UP);
    this.passed = percent.compareTo(passMark) >= 0;
    this.sequence++;
  }

  public boolean isInProgress() {
    return state == AttemptState.IN_PROGRESS;
  }

  /** Whether the deadline (plus grace) has passed at {@code now}. */
  public boolean isOverdue(Instant now, java.time.Duration grace) {
    return deadline != null && now.isAfter(deadline.plus(grace));
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

  public int getNumber() {
    return number;
  }

  public AttemptState getState() {
    return state;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public SubmittedBy getSubmittedBy() {
    return submittedBy;
  }

  public int getSequence() {
    return sequence;
  }

  public int getSlotCount() {
    return slotCount;
  }

  public BigDecimal getScore() {
    return score;
  }

  public BigDecimal getMaxScore() {
    return maxScore;
  }

  public BigDecimal getPercent() {
    return percent;
  }

  public Boolean getPassed() {
    return passed;
  }

  public String getLayout() {
    return layout;
  }
}
