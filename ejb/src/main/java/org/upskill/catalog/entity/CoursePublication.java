package org.upskill.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * One published version of a course, kept for good and never changed: who published it and when,
 * how much it held, and its whole content as published (JSON).
 */
@Entity
@IdClass(CoursePublication.Key.class)
@Table(name = "course_publication")
@NamedQuery(
    name = CoursePublication.OF_COURSE,
    query =
        "select p from CoursePublication p where p.courseId = :course order by p.versionNo desc")
public class CoursePublication {

  public static final String OF_COURSE = "CoursePublication.ofCourse";

  /** The key: a course and its version number. */
  public static class Key implements Serializable {
    private long courseId;
    private int versionNo;

    public Key() {}

    public Key(long courseId, int versionNo) {
      this.courseId = courseId;
      this.versionNo = versionNo;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.courseId == courseId && key.versionNo == versionNo;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(courseId) * 31 + versionNo;
    }
  }

  @Id
  @Column(name = "course_id")
  private long courseId;

  @Id
  @Column(name = "version_no")
  private int versionNo;

  @Column(name = "published_at", nullable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, updatable = false)
  private long publishedBy;

  @Column(name = "module_count", nullable = false, updatable = false)
  private int moduleCount;

  @Column(name = "lesson_count", nullable = false, updatable = false)
  private int lessonCount;

  @Column(name = "quiz_count", nullable = false, updatable = false)
  private int quizCount;

  @Column(nullable = false, updatable = false, length = 1_000_000)
  private String content;

  protected CoursePublication() {}

  public CoursePublication(
      long courseId,
      int versionNo,
      Instant publishedAt,
      long publishedBy,
      int moduleCount,
      int lessonCount,
      int quizCount,
      String content) {
    this.courseId = courseId;
    this.versionNo = versionNo;
    this.publishedAt = publishedAt;
    this.publishedBy = publishedBy;
    this.moduleCount = moduleCount;
    this.lessonCount = lessonCount;
    this.quizCount = quizCount;
    this.content = content;
  }

  public long getCourseId() {
    return courseId;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public long getPublishedBy() {
    return publishedBy;
  }

  public int getModuleCount() {
    return moduleCount;
  }

  public int getLessonCount() {
    return lessonCount;
  }

  public int getQuizCount() {
    return quizCount;
  }

  public String getContent() {
    return content;
  }
}
