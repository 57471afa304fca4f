package org.upskill.catalog.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** An image uploaded for a course's lessons, served at {@code /media/{key}}. */
@Entity
@Table(name = "media")
public class Media {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "media_key", nullable = false, updatable = false, length = 64)
  private String key;

  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private long uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "file_name", nullable = false, updatable = false, length = 255)
  private String fileName;

  @Column(name = "content_type", nullable = false, updatable = false, length = 50)
  private String contentType;

  @Column(name = "byte_count", nullable = false, updatable = false)
  private int byteCount;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false, length = 4_194_304)
  private byte[] content;

  protected Media() {}

  public Media(
      String key,
      long courseId,
      long uploadedBy,
      Instant uploadedAt,
      String fileName,
      String contentType,
      String sha256,
      byte[] content) {
    this.key = key;
    this.courseId = courseId;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.fileName = fileName;
    this.contentType = contentType;
    this.byteCount = content.length;
    this.sha256 = sha256;
    this.content = content;
  }

  public String getKey() {
    return key;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public int getByteCount() {
    return byteCount;
  }

  public byte[] getContent() {
    return content;
  }
}
