package org.upskill.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A person who may edit a course: its creator, and the co-owners they add. */
@Entity
@IdClass(CourseOwner.Key.class)
@Table(name = "course_owner")
public class CourseOwner {

  /** The key: a course and a person. */
  public static class Key implements Serializable {
    private long courseId;
    private long personId;

    public Key() {}

    public Key(long courseId, long personId) {
      this.courseId = courseId;
      this.personId = personId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.courseId == courseId && key.personId == personId;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(courseId) * 31 + Long.hashCode(personId);
    }
  }

  @Id
  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  @Id
  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "added_by", nullable = false, updatable = false)
  private long addedBy;

  @Column(name = "added_at", nullable = false, updatable = false)
  private Instant addedAt;

  protected CourseOwner() {}

  public CourseOwner(long courseId, long personId, long addedBy, Instant addedAt) {
    this.courseId = courseId;
    this.personId = personId;
    this.addedBy = addedBy;
    this.addedAt = addedAt;
  }

  public long getCourseId() {
    return courseId;
  }

  public long getPersonId() {
    return personId;
  }
}
