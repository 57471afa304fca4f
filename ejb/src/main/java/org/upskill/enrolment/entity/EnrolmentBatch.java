package org.upskill.enrolment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A checked bulk-enrolment file: a preview until its creator applies it, then its report. */
@Entity
@Table(name = "enrolment_batch")
public class EnrolmentBatch {

  public static final String PREVIEW = "PREVIEW";
  public static final String APPLIED = "APPLIED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "created_by", nullable = false, updatable = false)
  private long createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "file_name", nullable = false, updatable = false, length = 255)
  private String fileName;

  @Column(name = "row_count", nullable = false)
  private int rowCount;

  @Column(name = "valid_count", nullable = false)
  private int validCount;

  @Column(nullable = false, length = 20)
  private String state = PREVIEW;

  @Column(name = "applied_at")
  private Instant appliedAt;

  @Column(name = "rows_json", nullable = false, length = 1_000_000)
  private String rowsJson;

  @Version private long version;

  protected EnrolmentBatch() {}

  public EnrolmentBatch(
      long createdBy,
      Instant createdAt,
      String fileName,
      int rowCount,
      int validCount,
      String rowsJson) {
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.fileName = fileName;
    this.rowCount = rowCount;
    this.validCount = validCount;
    this.rowsJson = rowsJson;
  }

  /** Records that the batch was applied, with each row's outcome. */
  public void applied(Instant now, String rowsJson) {
    this.state = APPLIED;
    this.appliedAt = now;
    this.rowsJson = rowsJson;
  }

  public Long getId() {
    return id;
  }

  public long getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getFileName() {
    return fileName;
  }

  public int getRowCount() {
    return rowCount;
  }

  public int getValidCount() {
    return validCount;
  }

  public String getState() {
    return state;
  }

  public Instant getAppliedAt() {
    return appliedAt;
  }

  public String getRowsJson() {
    return rowsJson;
  }
}
