package org.upskill.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit log: who (a person, or an HR client, or the system) did what (an action
 * such as {@code certificate.revoked}) to whom (a person) and to which thing, when, with the values
 * before and after as JSON where they matter. Immutable: Hibernate never updates it.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "actor_id", updatable = false)
  private Long actorId;

  @Column(name = "actor_client", length = 255, updatable = false)
  private String actorClient;

  @Column(nullable = false, length = 50, updatable = false)
  private String action;

  @Column(name = "person_id", updatable = false)
  private Long personId;

  @Column(name = "subject_type", length = 50, updatable = false)
  private String subjectType;

  @Column(name = "subject_id", length = 100, updatable = false)
  private String subjectId;

  @Column(name = "before_value", length = 1_000_000, updatable = false)
  private String before;

  @Column(name = "after_value", length = 1_000_000, updatable = false)
  private String after;

  protected AuditEntry() {}

  public AuditEntry(
      Instant occurredAt,
      Long actorId,
      String actorClient,
      String action,
      Long personId,
      String subjectType,
      String subjectId,
      String before,
      String after) {
    this.occurredAt = occurredAt;
    this.actorId = actorId;
    this.actorClient = actorClient;
    this.action = action;
    this.personId = personId;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.before = before;
    this.after = after;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public Long getActorId() {
    return actorId;
  }

  public String getActorClient() {
    return actorClient;
  }

  public String getAction() {
    return action;
  }

  public Long getPersonId() {
    return personId;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public String getSubjectId() {
    return subjectId;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }
}
