package org.upskill.certification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Proof that a person completed a version of a course: what its PDF and signed credential say, and
 * where it stands now. The holder's name and the course title are kept as they were at issue.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The verification code: 16 characters of Crockford base32 (80 random bits). */
  @Column(nullable = false, length = 16, updatable = false)
  private String code;

  /** The signed credential's id ({@code urn:uuid:…}), also unguessable. */
  @Column(name = "credential_id", nullable = false, length = 36, updatable = false)
  private String credentialId;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  @Column(name = "completion_id", nullable = false, updatable = false)
  private long completionId;

  @Column(name = "course_version", nullable = false, updatable = false)
  private int courseVersion;

  @Column(name = "holder_name", nullable = false, length = 255)
  private String holderName;

  /** The holder was erased: the certificate still verifies, without their name (empty). */
  public void withholdHolder() {
    this.holderName = "";
  }

  public boolean isHolderWithheld() {
    return holderName == null || holderName.isEmpty();
  }

  @Column(name = "course_code", nullable = false, length = 20, updatable = false)
  private String courseCode;

  @Column(name = "course_title", nullable = false, length = 200, updatable = false)
  private String courseTitle;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  /** When it stops being valid; {@code null}: never (the course has no renewal period). */
  @Column(name = "expires_at", updatable = false)
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private CertificateState state = CertificateState.VALID;

  @Column(name = "state_changed_at", nullable = false)
  private Instant stateChangedAt;

  @Column(name = "revoked_by")
  private Long revokedBy;

  @Column(name = "revoke_reason", length = 1000)
  private String revokeReason;

  @Column(name = "superseded_by")
  private Long supersededBy;

  @Version private long version;

  protected Certificate() {}

  public Certificate(
      String code,
      String credentialId,
      long personId,
      long courseId,
      long completionId,
      int courseVersion,
      String holderName,
      String courseCode,
      String courseTitle,
      Instant issuedAt,
      Instant expiresAt) {
    this.code = code;
    this.credentialId = credentialId;
    this.personId = personId;
    this.courseId = courseId;
    this.completionId = completionId;
    this.courseVersion = courseVersion;
    this.holderName = holderName;
    this.courseCode = courseCode;
    this.courseTitle = courseTitle;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.stateChangedAt = issuedAt;
  }

  /** Whether its expiry date has passed at {@code now}. */
  public boolean isPastExpiry(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** The clock passed the expiry date. */
  public void expire(Instant now) {
    if (state != CertificateState.VALID || !isPastExpiry(now)) {
      throw new IllegalStateException("Only a valid certificate past its date expires");
    }
    state = CertificateState.EXPIRED;
    stateChangedAt = now;
  }

  /** An admin withdraws it, saying why: verification then says revoked, for good. */
  public void revoke(long adminId, String reason, Instant now) {
    if (state == CertificateState.REVOKED) {
      throw new IllegalStateException("Already revoked");
    }
    state = CertificateState.REVOKED;
    revokedBy = adminId;
    revokeReason = reason;
    stateChangedAt = now;
  }

  /** A renewal replaced it; it stays in the holder's history. */
  public void supersede(long newer, Instant now) {
    if (state == CertificateState.REVOKED) {
      return; // a revoked certificate stays revoked
    }
    state = CertificateState.SUPERSEDED;
    supersededBy = newer;
    stateChangedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getCredentialId() {
    return credentialId;
  }

  public long getPersonId() {
    return personId;
  }

  public long getCourseId() {
    return courseId;
  }

  public long getCompletionId() {
    return completionId;
  }

  public int getCourseVersion() {
    return courseVersion;
  }

  public String getHolderName() {
    return holderName;
  }

  public String getCourseCode() {
    return courseCode;
  }

  public String getCourseTitle() {
    return courseTitle;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public CertificateState getState() {
    return state;
  }

  public Instant getStateChangedAt() {
    return stateChangedAt;
  }

  public String getRevokeReason() {
    return revokeReason;
  }

  public Long getSupersededBy() {
    return supersededBy;
  }
}
