package org.upskill.enrolment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * "Everyone in this group is enrolled on this course": matched at each person's sign-in and by a
 * sync, for people who have never been on the course.
 */
@Entity
@Table(name = "enrolment_rule")
public class EnrolmentRule {

  /** What a rule matches on. */
  public enum Kind {
    /** A Keycloak group the person belongs to ("NHS staff"). */
    KEYCLOAK_GROUP,
    /** The person's staff group, from their Keycloak attributes ("Nursing and midwifery"). */
    STAFF_GROUP
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20, updatable = false)
  private Kind kind;

  @Column(name = "match_value", nullable = false, length = 255, updatable = false)
  private String value;

  /** Days from enrolment to the due date; {@code null}: no due date. */
  @Column(name = "due_days")
  private Integer dueDays;

  @Column(name = "created_by", nullable = false, updatable = false)
  private long createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected EnrolmentRule() {}

  public EnrolmentRule(
      long courseId, Kind kind, String value, Integer dueDays, long createdBy, Instant now) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A rule names a group");
    }
    if (dueDays != null && dueDays < 1) {
      throw new IllegalArgumentException("A due date is at least one day after enrolment");
    }
    this.courseId = courseId;
    this.kind = kind;
    this.value = value;
    this.dueDays = dueDays;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getCourseId() {
    return courseId;
  }

  public Kind getKind() {
    return kind;
  }

  public String getValue() {
    return value;
  }

  public Integer getDueDays() {
    return dueDays;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
