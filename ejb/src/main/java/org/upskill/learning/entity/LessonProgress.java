package org.upskill.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person's progress on one lesson: viewed, then completed. Kept when the person leaves the
 * course, so that coming back picks up where they were.
 */
@Entity
@Table(name = "lesson_progress")
public class LessonProgress {

  public static final String VIEWED = "VIEWED";
  public static final String COMPLETED = "COMPLETED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "lesson_id", nullable = false, updatable = false)
  private long lessonId;

  @Column(nullable = false, length = 20)
  private String state;

  @Column(name = "last_position", length = 100)
  private String lastPosition;

  @Column(name = "first_viewed_at", nullable = false, updatable = false)
  private Instant firstViewedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected LessonProgress() {}

  public LessonProgress(long personId, long lessonId, Instant now) {
    this.personId = personId;
    this.lessonId = lessonId;
    this.state = VIEWED;
    this.firstViewedAt = now;
    this.updatedAt = now;
  }

  public void viewed(Instant now) {
    this.updatedAt = now;
  }

  public void complete(Instant now) {
    if (!COMPLETED.equals(state)) {
      state = COMPLETED;
      completedAt = now;
    }
    updatedAt = now;
  }

  public boolean isCompleted() {
    return COMPLETED.equals(state);
  }

  public long getLessonId() {
    return lessonId;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }
}
