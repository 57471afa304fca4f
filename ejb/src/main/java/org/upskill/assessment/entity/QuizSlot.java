package org.upskill.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A place in a quiz: one fixed question, or {@code drawCount} random questions of a category. */
@Entity
@Table(name = "quiz_slot")
public class QuizSlot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "quiz_id", nullable = false)
  private Quiz quiz;

  @Column(nullable = false)
  private int position;

  @Column(name = "question_id")
  private Long questionId;

  @Column(name = "category_id")
  private Long categoryId;

  @Column(name = "draw_count")
  private Integer drawCount;

  protected QuizSlot() {}

  QuizSlot(Quiz quiz, int position, Long questionId, Long categoryId, Integer drawCount) {
    this.quiz = quiz;
    this.position = position;
    this.questionId = questionId;
    this.categoryId = categoryId;
    this.drawCount = drawCount;
  }

  /** Gives the slot a new place in its quiz (the caller keeps positions unique). */
  public void moveTo(int position) {
    this.position = position;
  }

  public int getPosition() {
    return position;
  }

  public Long getQuestionId() {
    return questionId;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  /** How many questions the slot stands for: 1 for a fixed question. */
  public int getDrawCount() {
    return questionId != null ? 1 : drawCount;
  }
}
