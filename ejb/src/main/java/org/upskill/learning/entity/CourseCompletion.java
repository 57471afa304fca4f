package org.upskill.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Evidence that a person finished every required item of the course version they were on, written
 * in the same transaction as the action that finished it.
 */
@Entity
@Table(name = "course_completion")
public class CourseCompletion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "enrolment_id", nullable = false, updatable = false)
  private long enrolmentId;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  @Column(name = "course_version", nullable = false, updatable = false)
  private int courseVersion;

  @Column(name = "score_percent", precision = 5, scale = 2)
  private BigDecimal scorePercent;

  @Column(name = "completed_at", nullable = false, updatable = false)
  private Instant completedAt;

  protected CourseCompletion() {}

  public CourseCompletion(
      long enrolmentId, long personId, long courseId, int courseVersion, Instant completedAt) {
    this.enrolmentId = enrolmentId;
    this.personId = personId;
    this.courseId = courseId;
    this.courseVersion = courseVersion;
    this.completedAt = completedAt;
  }

  public Long getId() {
    return id;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  /** The score, when the course reports one ({@code null} otherwise). */
  public java.math.BigDecimal getScorePercent() {
    return scorePercent;
  }

  public int getCourseVersion() {
    return courseVersion;
  }
}
