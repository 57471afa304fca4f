package org.upskill.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named group of questions in a course's bank, from which a quiz can draw at random. */
@Entity
@Table(name = "question_category")
public class QuestionCategory {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  @Column(nullable = false, length = 200)
  private String name;

  protected QuestionCategory() {}

  public QuestionCategory(long courseId, String name) {
    this.courseId = courseId;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public long getCourseId() {
    return courseId;
  }

  public String getName() {
    return name;
  }
}
