package org.upskill.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * A question in a course's bank. Its type's own parts (options and which are right, tolerance,
 * accepted answers, items, pairs) are kept as JSON in {@code definition} and never leave the
 * server; see {@link org.upskill.assessment.control.FrozenQuestion}.
 */
@Entity
@Table(name = "question")
public class BankQuestion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "category_id", nullable = false)
  private long categoryId;

  @Column(name = "question_key", nullable = false, length = 50)
  private String key;

  @Column(nullable = false, length = 20)
  private String type;

  @Column(nullable = false, length = 2000)
  private String prompt;

  @Column(length = 2000)
  private String feedback;

  @Column(nullable = false, precision = 6, scale = 2)
  private BigDecimal points;

  @Column(nullable = false, length = 1_000_000)
  private String definition;

  @Version private long version;

  protected BankQuestion() {}

  public BankQuestion(
      long categoryId,
      String key,
      String type,
      String prompt,
      String feedback,
      BigDecimal points,
      String definition) {
    this.categoryId = categoryId;
    this.key = key;
    this.type = type;
    this.prompt = prompt;
    this.feedback = feedback;
    this.points = points;
    this.definition = definition;
  }

  public Long getId() {
    return id;
  }

  public long getCategoryId() {
    return categoryId;
  }

  public String getKey() {
    return key;
  }

  public String getType() {
    return type;
  }

  public String getPrompt() {
    return prompt;
  }

  public String getFeedback() {
    return feedback;
  }

  public BigDecimal getPoints() {
    return points;
  }

  public String getDefinition() {
    return definition;
  }
}
